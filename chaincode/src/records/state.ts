/**
 * What the records contract keeps, public and private, validated whenever it is read back,
 * and the shapes of its string arguments.
 */
import { z } from 'zod';
import { RecordCategorySchema } from '../shared/categories';
import { Id, IsoInstant } from '../shared/schema';
import { DemographicsSchema } from './demographics';
import { FhirResourceSchema, FhirResourceTypeSchema } from './fhir';

/** A pseudonym, made by the chaincode at registration (pseudonym.ts); the pattern keeps names
 * and other identifiers out of every ID argument that names a patient. */
export const PatientIdSchema = z
  .string()
  .regex(/^pat-[a-z0-9]{6,40}$/, 'must be "pat-" and 6 to 40 lowercase letters or digits');

/** "rec-" and the start of the transaction ID that created the record. */
export const RecordIdSchema = z
  .string()
  .regex(/^rec-[A-Za-z0-9]{1,64}$/, 'must be "rec-" and up to 64 letters or digits');

/** Chosen by the client, secret; at least 16 random bytes in hex. */
export const SaltSchema = z
  .string()
  .regex(/^[0-9a-fA-F]{32,256}$/, 'must be 32 to 256 hexadecimal characters');

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256');
const Version = z.number().int().positive();

export const LifeStatus = { Active: 'active', Erased: 'erased' } as const;
export type LifeStatus = (typeof LifeStatus)[keyof typeof LifeStatus];
const LifeStatusSchema = z.enum(LifeStatus);

/** Public: the pseudonymous patient, never a name. */
export const PatientStateSchema = z.object({
  patientId: PatientIdSchema,
  /** MSP ID of the provider whose registrar registered the patient. */
  registeredBy: z.string().min(1),
  /** saltedHash(salt, demographics) */
  hash: Sha256Hex,
  status: LifeStatusSchema,
  registeredAt: IsoInstant,
  erasedAt: IsoInstant.optional(),
});
export type PatientState = z.output<typeof PatientStateSchema>;

/** Private (clinical collection): the salt stays beside the value it salts. */
export const DemographicsEntrySchema = z.object({
  patientId: PatientIdSchema,
  demographics: DemographicsSchema,
  salt: SaltSchema,
});
export type DemographicsEntry = z.output<typeof DemographicsEntrySchema>;

/** Private (the registering org's implicit collection): MRN hash -> patient. */
export const MrnIndexEntrySchema = z.object({ patientId: PatientIdSchema });

/** The key of a provider's MRN index, kept in its implicit collection. */
export const IndexSecretSchema = z.object({ secret: Sha256Hex });

/** Public metadata of one version of a record; also, under the record key, of the latest. */
export const RecordMetadataSchema = z.object({
  recordId: RecordIdSchema,
  patientId: PatientIdSchema,
  category: RecordCategorySchema,
  resourceType: FhirResourceTypeSchema,
  authorMsp: z.string().min(1),
  authorPractitionerId: Id,
  /** saltedHash(salt, resource) of this version. */
  hash: Sha256Hex,
  version: Version,
  /** The version this one corrects. */
  replaces: Version.optional(),
  createdAt: IsoInstant,
  status: LifeStatusSchema,
  erasedAt: IsoInstant.optional(),
});
export type RecordMetadata = z.output<typeof RecordMetadataSchema>;

/** Public: which patient a record belongs to, so a record ID alone finds its keys. */
export const RecordIndexEntrySchema = z.object({
  recordId: RecordIdSchema,
  patientId: PatientIdSchema,
});

/** Private (clinical collection): one version's FHIR resource and its salt. */
export const RecordContentSchema = z.object({
  recordId: RecordIdSchema,
  version: Version,
  resource: FhirResourceSchema,
  salt: SaltSchema,
});
export type RecordContent = z.output<typeof RecordContentSchema>;

/** A version argument: '' means the latest. */
export const VersionArgSchema = z
  .string()
  .regex(/^([1-9][0-9]{0,5})?$/, 'must be a positive version number or empty for the latest')
  .transform((s) => (s === '' ? undefined : Number(s)));

/** An empty ID means "none" (a new record rather than a correction). */
export const OptionalRecordIdSchema = z
  .string()
  .regex(/^(rec-[A-Za-z0-9]{1,64})?$/, 'must be empty or "rec-" and up to 64 letters or digits');
