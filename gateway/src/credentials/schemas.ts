/** Request schemas of the credentials routes. */
import { z } from 'zod';
import { Id, IsoDate, MspId, PublicReason } from '../http/common-schemas';

export const LicenceType = z.enum([
  'physician',
  'nurse',
  'pharmacist',
  'physician-assistant',
  'midwife',
  'dentist',
]);

const ShortText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

export const IssueCredentialBody = z
  .strictObject({
    practitionerId: Id,
    licenceNumber: Id,
    licenceType: LicenceType,
    organisation: MspId.describe(
      'MSP ID of the organisation where the practitioner practises; the practitioner ID counts only there',
    ),
    specialty: ShortText,
    jurisdiction: ShortText.describe('Where the licence applies, e.g. US-CA'),
    validFrom: IsoDate.describe('First day of validity, inclusive'),
    validTo: IsoDate.describe('Last day of validity, inclusive'),
  })
  .refine((r) => r.validFrom <= r.validTo, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

export type IssueRequest = z.output<typeof IssueCredentialBody>;

export const RenewBody = z
  .strictObject({ validFrom: IsoDate, validTo: IsoDate })
  .refine((r) => r.validFrom <= r.validTo, {
    path: ['validTo'],
    message: 'must not be before validFrom',
  });

export const ReasonBody = z.strictObject({
  reason: PublicReason.describe('About the licence, never about a patient: public on the ledger'),
});

export const VerificationQuery = z.strictObject({
  organisation: MspId.describe(
    'MSP ID of the organisation where the practitioner acts; a licence naming another answers OTHER_ORGANISATION',
  ),
  date: IsoDate.optional().describe("The day to check; today (the transaction's day) by default"),
});

export const LicenceParams = z.strictObject({ licenceNumber: Id });
export const PractitionerParams = z.strictObject({ practitionerId: Id });
