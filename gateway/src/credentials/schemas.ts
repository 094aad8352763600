/** Request schemas of the credentials routes. */
import { z } from 'zod';
import { codeList, Id, IsoDate, MspId, PrivateNote } from '../http/common-schemas';

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

/** Why a licence is suspended or revoked: the chaincode's list
 * (chaincode/src/credentials/licence-reasons.ts), held equal by test/gateway/vocabulary.test.ts. */
export const LICENCE_REASONS = [
  'DISCIPLINARY_ACTION',
  'PENDING_INVESTIGATION',
  'PATIENT_SAFETY_RISK',
  'IMPAIRMENT',
  'CRIMINAL_CONVICTION',
  'LAPSED_INSURANCE',
  'CONTINUING_EDUCATION_NOT_MET',
  'FEES_UNPAID',
  'FRAUDULENT_CREDENTIALS',
  'VOLUNTARY_SURRENDER',
  'DECEASED',
  'OTHER',
] as const;

export const ReasonBody = z.strictObject({
  reason: codeList(LICENCE_REASONS).describe('A code: public on the ledger and in the history'),
  note: PrivateNote.optional().describe(
    "Free text (may name a patient): sent in the transient map and kept only in the board's private data",
  ),
});

export const VerificationQuery = z.strictObject({
  organisation: MspId.describe(
    'MSP ID of the organisation where the practitioner acts; a licence naming another answers OTHER_ORGANISATION',
  ),
  date: IsoDate.optional().describe("The day to check; today (the transaction's day) by default"),
});

export const LicenceParams = z.strictObject({ licenceNumber: Id });
export const LicenceNoteParams = z.strictObject({
  licenceNumber: Id,
  txId: Id.describe('The transaction of the change, as the history names it'),
});
export const PractitionerParams = z.strictObject({ practitionerId: Id });
