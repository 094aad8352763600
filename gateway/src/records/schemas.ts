/** Request schemas of the records routes: one per body, query and path. */
import { z } from 'zod';
import { IsoDate, PatientId, Purpose, Salt } from '../http/common-schemas';

export const RecordId = z
  .string()
  .regex(/^rec-[A-Za-z0-9]{1,64}$/, 'must be "rec-" and up to 64 letters or digits');

const Text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** PHI: travels to the chaincode only in the transient map. */
export const Demographics = z
  .strictObject({
    mrn: Text.describe("The provider's medical record number"),
    givenName: Text,
    familyName: Text,
    birthDate: IsoDate,
    sex: z.enum(['male', 'female', 'other', 'unknown']).optional(),
    address: Text.optional(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()./-]{3,30}$/, 'must be a telephone number')
      .optional(),
  })
  .describe('Demographics (PHI): sent to the chaincode in the transient map only');

export type Demographics = z.output<typeof Demographics>;

/** The chaincode makes the pseudonym: a client that still sends one is told so (400 naming
 * patientId) rather than having it silently replaced. */
export const RegisterPatientBody = z.strictObject({
  patientId: z
    .never({ error: 'is made by the chaincode at registration; leave it out' })
    .optional()
    .describe('Not accepted: the chaincode makes the pseudonym and returns it'),
  demographics: Demographics,
});

/** A FHIR R4 resource; the chaincode checks the elements of each resource type. */
export const FhirResource = z
  .looseObject({
    resourceType: z.enum([
      'Observation',
      'Condition',
      'MedicationRequest',
      'AllergyIntolerance',
      'DiagnosticReport',
      'DocumentReference',
    ]),
  })
  .describe('FHIR R4 resource (PHI): sent to the chaincode in the transient map only');

export type FhirResource = z.output<typeof FhirResource>;

export const AddRecordBody = z.strictObject({
  resource: FhirResource,
  replaces: RecordId.optional().describe(
    'The record this version corrects; absent for a new record',
  ),
});

export const AccessBody = z.strictObject({ purpose: Purpose });

export const Version = z
  .string()
  .regex(/^[1-9]\d{0,8}$/, 'must be a version number from 1')
  .transform(Number);

export const ReadQuery = z.strictObject({
  purpose: Purpose.default('treatment'),
  version: Version.optional(),
});

export const VerifyBody = z.strictObject({
  resource: FhirResource,
  salt: Salt.describe('The salt readRecord returned with this version'),
  version: z.number().int().positive().optional(),
});

export const VerifyDemographicsBody = z.strictObject({
  demographics: Demographics,
  salt: Salt.describe('The salt used when the patient was registered'),
});

export const PatientParams = z.strictObject({ patientId: PatientId });
export const RecordParams = z.strictObject({ recordId: RecordId });
