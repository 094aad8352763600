/**
 * The credential as the ledger keeps it, and the request that issues one. Credentials are
 * public facts about practitioners (licence, type, organisation, window, status), not PHI, so
 * they live in world state; a strict request schema keeps anything else (a name, say) out of it.
 */
import { LicenceReasonSchema } from './licence-reasons';
import { z } from 'zod';
import { Id, IsoDate, IsoInstant, MspId } from '../shared/schema';

/** Object types of the credential keys. */
export const CredentialObject = {
  /** credential ~ licenceNumber -> Credential */
  Credential: 'credential',
  /** credentialByPractitioner ~ practitionerId ~ licenceNumber -> PractitionerIndexEntry */
  ByPractitioner: 'credentialByPractitioner',
} as const;

/** The closed list of licence types the boards issue. */
export const LicenceType = {
  Physician: 'physician',
  Nurse: 'nurse',
  Pharmacist: 'pharmacist',
  PhysicianAssistant: 'physician-assistant',
  Midwife: 'midwife',
  Dentist: 'dentist',
} as const;

export type LicenceType = (typeof LicenceType)[keyof typeof LicenceType];

export const LICENCE_TYPES: readonly LicenceType[] = Object.values(LicenceType);

export const LicenceTypeSchema = z.enum(LicenceType);

export const CredentialStatus = {
  Active: 'active',
  Suspended: 'suspended',
  /** Final: nothing changes a revoked credential. */
  Revoked: 'revoked',
} as const;

export type CredentialStatus = (typeof CredentialStatus)[keyof typeof CredentialStatus];

/** What the last change of a credential was; each stored version names its own. */
export const CredentialAction = {
  Issued: 'issued',
  Renewed: 'renewed',
  Suspended: 'suspended',
  Reinstated: 'reinstated',
  Revoked: 'revoked',
} as const;

export type CredentialAction = (typeof CredentialAction)[keyof typeof CredentialAction];

/** Why a board suspended or revoked a licence: a code (licence-reasons.ts), since it is
 * public; the board's note, if any, is kept privately with the board. */
export const ReasonSchema = LicenceReasonSchema;

const ShortText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** What a credentialing officer sends to issue a licence; the board and times come from the
 * transaction, not from the request. */
export const IssueRequestSchema = z
  .strictObject({
    practitionerId: Id,
    licenceNumber: Id,
    licenceType: LicenceTypeSchema,
    /** MSP ID of the organisation where the practitioner practises: any member's CA can put a
     * practitioner ID in a certificate, so the ID counts only within this organisation. */
    organisation: MspId,
    specialty: ShortText,
    /** Where the licence applies, e.g. "US-CA". */
    jurisdiction: ShortText,
    /** First day the licence is valid, inclusive. */
    validFrom: IsoDate,
    /** Last day the licence is valid, inclusive. */
    validTo: IsoDate,
  })
  .refine((r) => r.validFrom <= r.validTo, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

export type IssueRequest = z.output<typeof IssueRequestSchema>;

export const CredentialSchema = z.object({
  licenceNumber: Id,
  practitionerId: Id,
  licenceType: LicenceTypeSchema,
  /** MSP ID of the organisation where the practitioner practises; never changes. */
  organisation: MspId,
  specialty: ShortText,
  jurisdiction: ShortText,
  validFrom: IsoDate,
  validTo: IsoDate,
  /** MSP ID of the board that issued the licence; only that board changes it. */
  issuingBoard: z.string().min(1),
  status: z.enum(CredentialStatus),
  /** Why the licence is suspended or revoked; absent while active. */
  statusReason: ReasonSchema.optional(),
  issuedAt: IsoInstant,
  updatedAt: IsoInstant,
  lastAction: z.enum(CredentialAction),
  /** Certificate identity (subject and issuer) of the officer who made the last change. */
  lastActor: z.string().min(1),
  lastActorMsp: z.string().min(1),
  /** The reason given with the last change, when it needed one (suspend, revoke). */
  lastReason: ReasonSchema.optional(),
});

export type Credential = z.output<typeof CredentialSchema>;

/** Value of a practitioner index key: enough to find the credential. */
export const PractitionerIndexEntrySchema = z.object({
  practitionerId: Id,
  licenceNumber: Id,
});

export type PractitionerIndexEntry = z.output<typeof PractitionerIndexEntrySchema>;
