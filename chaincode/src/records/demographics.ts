/**
 * A patient's demographics as the registrar sends them in the transient map. They are PHI:
 * they live only in the clinical collection; the public ledger keeps a salted hash.
 */
import { z } from 'zod';
import { IsoDate } from '../shared/schema';

const Text = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** FHIR administrative gender. */
export const SexSchema = z.enum(['male', 'female', 'other', 'unknown']);

export const DemographicsSchema = z.strictObject({
  /** The provider's medical record number: identifies the person at that provider. */
  mrn: Text,
  givenName: Text,
  familyName: Text,
  birthDate: IsoDate,
  sex: SexSchema.optional(),
  address: Text.optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()./-]{3,30}$/, 'must be a telephone number')
    .optional(),
});

export type Demographics = z.output<typeof DemographicsSchema>;
