/**
 * The outcome of adjudication, per line and per claim, as the claims collection keeps it and
 * as the submitting provider and the insurer read it. Amounts are non-zero only on approved
 * lines; a denied or pended line carries its reason codes and zeros.
 */
import { z } from 'zod';
import { ServiceCode } from './codes';
import { AccumulatorsSchema } from './membership';
import { Cents, sum } from './money';
import { ReasonCodeSchema } from './reasons';
import { ClaimStatus } from './status';

export const LineOutcome = { Approved: 'approved', Denied: 'denied', Pended: 'pended' } as const;

export type LineOutcome = (typeof LineOutcome)[keyof typeof LineOutcome];

const amountsShape = {
  allowedCents: Cents,
  deductibleCents: Cents,
  copayCents: Cents,
  coinsuranceCents: Cents,
  /** deductible + copay + coinsurance */
  patientShareCents: Cents,
  /** allowed − patient share: what the insurer pays. */
  paidCents: Cents,
};

export const AmountsSchema = z.strictObject(amountsShape);

export type Amounts = z.output<typeof AmountsSchema>;

export const NO_AMOUNTS: Amounts = {
  allowedCents: 0,
  deductibleCents: 0,
  copayCents: 0,
  coinsuranceCents: 0,
  patientShareCents: 0,
  paidCents: 0,
};

export const LineResultSchema = z.strictObject({
  /** 1-based position in the claim. */
  line: z.int().min(1),
  code: ServiceCode,
  units: z.int().min(1),
  chargeCents: Cents,
  outcome: z.enum(LineOutcome),
  ...amountsShape,
  reasonCodes: z.array(ReasonCodeSchema),
});

export type LineResult = z.output<typeof LineResultSchema>;

export const TotalsSchema = z.strictObject({ chargeCents: Cents, ...amountsShape });

export type Totals = z.output<typeof TotalsSchema>;

/** The statuses adjudication itself gives; later steps add the appeal and payment ones. */
export const AdjudicatedStatusSchema = z.enum([
  ClaimStatus.Approved,
  ClaimStatus.PartiallyApproved,
  ClaimStatus.Denied,
  ClaimStatus.Pended,
  ClaimStatus.AppealApproved,
  ClaimStatus.AppealDenied,
]);

export const ClaimResultSchema = z.strictObject({
  status: AdjudicatedStatusSchema,
  /** Claim-level codes; a claim-level denial is also written on every line. */
  reasonCodes: z.array(ReasonCodeSchema),
  lines: z.array(LineResultSchema).min(1),
  totals: TotalsSchema,
  /** The member's accumulators for the plan year after this claim. */
  accumulators: AccumulatorsSchema,
});

export type ClaimResult = z.output<typeof ClaimResultSchema>;

export function totalsOf(lines: readonly LineResult[]): Totals {
  const total = (pick: (l: LineResult) => number): number => sum(lines.map(pick));
  return {
    chargeCents: total((l) => l.chargeCents),
    allowedCents: total((l) => l.allowedCents),
    deductibleCents: total((l) => l.deductibleCents),
    copayCents: total((l) => l.copayCents),
    coinsuranceCents: total((l) => l.coinsuranceCents),
    patientShareCents: total((l) => l.patientShareCents),
    paidCents: total((l) => l.paidCents),
  };
}

/** Any pended line pends the claim; otherwise approved, denied, or partly both. */
export function statusOfLines(
  lines: readonly LineResult[],
): 'approved' | 'partially-approved' | 'denied' | 'pended' {
  if (lines.some((l) => l.outcome === LineOutcome.Pended)) return ClaimStatus.Pended;
  const approved = lines.filter((l) => l.outcome === LineOutcome.Approved).length;
  if (approved === lines.length) return ClaimStatus.Approved;
  return approved === 0 ? ClaimStatus.Denied : ClaimStatus.PartiallyApproved;
}
