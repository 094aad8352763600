/** Request schemas of the consent routes. */
import { z } from 'zod';
import {
  Id,
  IsoInstant,
  PatientId,
  PrivateNote,
  Purpose,
  RecordCategory,
  codeList,
} from '../http/common-schemas';

/** Why the glass is broken: the chaincode's list (chaincode/src/consent/emergency-reasons.ts),
 * held equal by test/gateway/vocabulary.test.ts. */
export const EMERGENCY_REASONS = [
  'UNCONSCIOUS_PATIENT',
  'LIFE_THREATENING',
  'LACKS_CAPACITY',
  'UNABLE_TO_COMMUNICATE',
  'TIME_CRITICAL_TREATMENT',
  'OTHER_EMERGENCY',
] as const;

export const Grantee = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('organisation'), mspId: Id }),
  z.strictObject({ kind: z.literal('practitioner'), mspId: Id, practitionerId: Id }),
]);

export const Scope = z.union([
  z.literal('all'),
  z.array(RecordCategory).min(1, 'must name at least one category'),
]);

export const GrantConsentBody = z
  .strictObject({
    patientId: PatientId,
    grantee: Grantee,
    scope: Scope,
    purpose: Purpose,
    validFrom: IsoInstant,
    validTo: IsoInstant,
  })
  .refine((r) => Date.parse(r.validFrom) < Date.parse(r.validTo), {
    path: ['validTo'],
    message: 'must be after validFrom',
  });

export type ConsentRequest = z.output<typeof GrantConsentBody>;

export const EmergencyAccessBody = z.strictObject({
  patientId: PatientId,
  reason: codeList(EMERGENCY_REASONS).describe(
    "Why the glass is broken, a code: public on the ledger and in the patient's event",
  ),
  note: PrivateNote.optional().describe(
    "Free text (may be PHI): sent in the transient map and kept only by the patient's registering provider",
  ),
});

export const ConsentParams = z.strictObject({ patientId: PatientId, consentId: Id });
export const EmergencyNoteParams = z.strictObject({ patientId: PatientId, accessId: Id });
