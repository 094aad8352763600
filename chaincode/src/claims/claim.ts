/**
 * A claim as the provider sends it (transient, PHI), as the claims collection keeps it, and
 * the public record every organisation sees: IDs, organisations, status, salted hash, times.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoInstant } from '../shared/schema';
import { DiagnosisCode, ServiceCode } from './codes';
import { Salt } from './membership';
import { Cents } from './money';
import { ClaimStatusSchema } from './status';

export const ServiceLineSchema = z.strictObject({
  code: ServiceCode,
  units: z.int().min(1, 'must be at least 1').max(9999, 'must be at most 9999'),
  /** For all units of the line together. */
  chargeCents: Cents,
});

export type ServiceLine = z.output<typeof ServiceLineSchema>;

const claimShape = {
  claimId: Id,
  patientId: Id,
  renderingPractitionerId: Id,
  serviceDate: IsoDate,
  diagnosisCodes: z.array(DiagnosisCode).min(1, 'must name a diagnosis').max(12, 'at most 12'),
  lines: z
    .array(ServiceLineSchema)
    .min(1, 'must have a line')
    .max(50, 'must have at most 50 lines'),
};

/** transient.payload of submitClaim; providerMsp only when the insurer's intake submits. */
export const ClaimPayloadSchema = z.strictObject({ ...claimShape, providerMsp: Id.optional() });

export type ClaimPayload = z.output<typeof ClaimPayloadSchema>;

/** The claim as hashed and stored: the provider always named. */
export const ClaimContentsSchema = z.strictObject({ ...claimShape, providerMsp: Id });

export type ClaimContents = z.output<typeof ClaimContentsSchema>;

/** Private: the contents with the salt of their public hash, so a party can verify a copy. */
export const StoredContentsSchema = z.strictObject({ contents: ClaimContentsSchema, salt: Salt });

export const PublicClaimSchema = z.strictObject({
  claimId: Id,
  /** Who submitted: the provider itself or the insurer's intake on its behalf. */
  submittingMsp: Id,
  providerMsp: Id,
  insurerMsp: Id,
  status: ClaimStatusSchema,
  /** saltedHash(salt, contents) */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  submittedAt: IsoInstant,
  updatedAt: IsoInstant,
});

export type PublicClaim = z.output<typeof PublicClaimSchema>;
