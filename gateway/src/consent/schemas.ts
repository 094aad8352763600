/** Request schemas of the consent routes. */
import { z } from 'zod';
import {
  Id,
  IsoInstant,
  PatientId,
  Purpose,
  PublicReason,
  RecordCategory,
} from '../http/common-schemas';

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
  reason: PublicReason.describe(
    'Why the glass is broken, e.g. "unconscious on arrival, ED". Public on the ledger: no PHI',
  ),
});

export const ConsentParams = z.strictObject({ patientId: PatientId, consentId: Id });
