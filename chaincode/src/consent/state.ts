/**
 * What the consent contract keeps on the public ledger: consents, emergency ("break the glass")
 * accesses and the access trail, with their keys. All of it is public state, so none of it may
 * hold PHI: pseudonymous patient IDs, practitioner and record IDs, MSP IDs, categories and
 * purposes only. Everything read back from the ledger is validated by these schemas.
 */
import { EmergencyReasonSchema } from './emergency-reasons';
import { z } from 'zod';
import { PurposeSchema, RecordCategorySchema } from '../shared/categories';
import { sha256Hex } from '../shared/hash';
import type { Ledger } from '../shared/ledger';
import { ALL_ROLES, type Role } from '../shared/roles';
import { Id, IsoInstant } from '../shared/schema';

export const ObjectType = {
  Consent: 'consent',
  Emergency: 'emergency',
  Access: 'access',
  LastAccess: 'lastAccess',
  /** Written by the records contract; consent only checks that a patient exists. */
  Patient: 'patient',
} as const;

/** How long a declared emergency access lasts. */
export const EMERGENCY_WINDOW_MINUTES = 60;

/**
 * An instant normalised to UTC (`...Z`, milliseconds), so that instants stored on the ledger
 * compare as strings and every peer writes the same bytes whatever offset the client used.
 */
export const UtcInstant = IsoInstant.transform((s) => new Date(s).toISOString());

/** A certificate identity as Fabric formats it (`x509::<subject>::<issuer>`). */
export const CallerId = z.string().min(1, 'must not be empty').max(1024, 'is too long');

export const RoleSchema = z.enum(ALL_ROLES as [Role, ...Role[]]);

export const GranteeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organisation'), mspId: Id }),
  // A practitioner ID counts only within an organisation (any member's CA can issue any ID):
  // the consent names both, and a reader must match both.
  z.strictObject({ kind: z.literal('practitioner'), mspId: Id, practitionerId: Id }),
]);
export type Grantee = z.output<typeof GranteeSchema>;

export const ScopeSchema = z.union(
  [
    z.literal('all'),
    z
      .array(RecordCategorySchema)
      .min(1, 'must name at least one category')
      .refine((list) => new Set(list).size === list.length, 'must not repeat a category'),
  ],
  { error: `must be "all" or a list of categories: ${RecordCategorySchema.options.join(', ')}` },
);
export type Scope = z.output<typeof ScopeSchema>;

export const ConsentStatus = { Active: 'active', Revoked: 'revoked' } as const;

function windowIsOrdered(w: { validFrom: string; validTo: string }): boolean {
  return Date.parse(w.validFrom) < Date.parse(w.validTo);
}
const WINDOW_ORDER = { path: ['validTo'], message: 'must be after validFrom' };

/** What a patient sends to grant consent (the requestJson argument of grantConsent). */
export const ConsentRequestSchema = z
  .strictObject({
    patientId: Id,
    grantee: GranteeSchema,
    scope: ScopeSchema,
    purpose: PurposeSchema,
    validFrom: UtcInstant,
    validTo: UtcInstant,
  })
  .refine(windowIsOrdered, WINDOW_ORDER);
export type ConsentRequest = z.output<typeof ConsentRequestSchema>;

export const ConsentSchema = z
  .strictObject({
    consentId: Id,
    patientId: Id,
    grantee: GranteeSchema,
    scope: ScopeSchema,
    purpose: PurposeSchema,
    validFrom: UtcInstant,
    validTo: UtcInstant,
    status: z.enum([ConsentStatus.Active, ConsentStatus.Revoked]),
    grantedAt: UtcInstant,
    revokedAt: UtcInstant.optional(),
    grantedBy: CallerId,
  })
  .refine(windowIsOrdered, WINDOW_ORDER);
export type Consent = z.output<typeof ConsentSchema>;

export const EmergencyAccessSchema = z.strictObject({
  accessId: Id,
  patientId: Id,
  practitionerId: Id,
  mspId: Id,
  /** A code (emergency-reasons.ts), never free text: this is public. A note, if any, is with
   * the patient's registering provider (shared/private-note.ts). */
  reason: EmergencyReasonSchema,
  grantedAt: UtcInstant,
  expiresAt: UtcInstant,
});
export type EmergencyAccess = z.output<typeof EmergencyAccessSchema>;

/** One read of PHI, written before the PHI is returned (data rule 6). */
export const AccessEntrySchema = z.strictObject({
  accessId: Id,
  patientId: Id,
  recordId: Id,
  readerId: CallerId,
  readerMsp: Id,
  practitionerId: Id.optional(),
  role: RoleSchema,
  purpose: PurposeSchema,
  emergency: z.boolean(),
  at: UtcInstant,
});
export type AccessEntry = z.output<typeof AccessEntrySchema>;

export function emergencyExpiry(grantedAt: string): string {
  return new Date(Date.parse(grantedAt) + EMERGENCY_WINDOW_MINUTES * 60_000).toISOString();
}

export function consentKey(ledger: Ledger, patientId: string, consentId: string): string {
  return ledger.key(ObjectType.Consent, patientId, consentId);
}

export function emergencyKey(ledger: Ledger, e: EmergencyAccess): string {
  return ledger.key(ObjectType.Emergency, e.patientId, e.practitionerId, e.accessId);
}

const LATEST_MILLIS = 9_999_999_999_999;

/** Sorts a patient's access entries newest first in a plain ascending key range. */
export function invertedTime(instant: string): string {
  return String(LATEST_MILLIS - Date.parse(instant)).padStart(13, '0');
}

export function accessKey(ledger: Ledger, entry: AccessEntry): string {
  return ledger.key(ObjectType.Access, entry.patientId, invertedTime(entry.at), entry.accessId);
}

/** The reader's certificate ID is hashed: it is long and may contain characters keys dislike. */
export function lastAccessKey(ledger: Ledger, recordId: string, readerId: string): string {
  return ledger.key(ObjectType.LastAccess, recordId, sha256Hex(readerId));
}
