/**
 * The claim's private record in the claims collection: the adjudication result and every
 * step after it (decisions, appeal, payment), readable by the provider and the insurer only.
 */
import { z } from 'zod';
import { failedPrecondition } from '../shared/errors';
import { Id, IsoDate, IsoInstant } from '../shared/schema';
import { DecisionSchema } from './decisions';
import { Cents } from './money';
import { AppealReasonSchema } from './reasons';
import { type ClaimResult, ClaimResultSchema } from './result';

export const AppealNoteSchema = z.strictObject({
  note: z.string().trim().min(1, 'must not be empty').max(2000, 'must be at most 2000 characters'),
});

export const PaymentSchema = z.strictObject({
  amountCents: Cents,
  /** The insurer's remittance reference; an argument, hence public: no PHI. */
  reference: Id,
  paidOn: IsoDate,
});

export type Payment = z.output<typeof PaymentSchema>;

const ActorSchema = z.strictObject({ mspId: Id, id: z.string().min(1), at: IsoInstant });

export const ClaimRecordSchema = z.strictObject({
  claimId: Id,
  patientId: Id,
  providerMsp: Id,
  /** The plan version the claim was priced with; absent when the member had no coverage. */
  planId: Id.optional(),
  planVersion: z.int().min(1).optional(),
  planYear: z.string().regex(/^\d{4}$/),
  /** Absent while the claim is submitted and not adjudicated yet. */
  result: ClaimResultSchema.optional(),
  decisions: z.array(
    z.strictObject({
      kind: z.enum(['review', 'appeal']),
      decision: DecisionSchema,
      by: ActorSchema,
    }),
  ),
  appeal: z
    .strictObject({ reason: AppealReasonSchema, note: z.string().optional(), by: ActorSchema })
    .optional(),
  payment: PaymentSchema.extend({ by: ActorSchema }).optional(),
});

export type ClaimRecord = z.output<typeof ClaimRecordSchema>;

/** The record's adjudication result; every step after adjudication needs one. */
export function adjudicatedResult(record: ClaimRecord): ClaimResult {
  if (record.result === undefined) {
    throw failedPrecondition(`claim ${record.claimId} is not adjudicated yet`);
  }
  return record.result;
}
