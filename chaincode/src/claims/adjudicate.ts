/**
 * Adjudication of a claim on submission: a pure function of the claim and what the ledger
 * says about it, so every endorsing peer reaches the same result. Order of the rules:
 *   1. claim level — eligible, credentialed, payment consent, filed in time: any failure
 *      denies the whole claim (its codes go on the claim and on every line);
 *   2. line level — duplicate, covered, prior authorisation: a failure denies that line;
 *   3. review — total charge above the plan's threshold, or a line whose code the plan flags:
 *      every line not denied is pended and nothing is priced or accumulated yet;
 *   4. pricing — the remaining lines in claim order against the running accumulators.
 */
import { failedPrecondition } from '../shared/errors';
import type { ServiceLine } from './claim';
import {
  claimDenials,
  type ClaimFacts,
  eligiblePlan,
  lineDenials,
  lineNeedsReview,
  type PriorAuthFacts,
  type PriorLine,
} from './checks';
import type { Accumulators } from './membership';
import { sum } from './money';
import { coveredCode, type Plan } from './plan';
import { priceLine } from './pricing';
import { ReasonCode } from './reasons';
import {
  type ClaimResult,
  LineOutcome,
  type LineResult,
  NO_AMOUNTS,
  statusOfLines,
  totalsOf,
} from './result';

export interface AdjudicationInput extends ClaimFacts {
  readonly claim: ClaimFacts['claim'] & { readonly lines: readonly ServiceLine[] };
  /** The member's accumulators for the plan year of the service date. */
  readonly accumulators: Accumulators;
  readonly priorAuths: readonly PriorAuthFacts[];
  readonly priorLines: readonly PriorLine[];
}

export function adjudicate(input: AdjudicationInput): ClaimResult {
  const claimReasons = claimDenials(input);
  const plan = eligiblePlan(input);
  if (claimReasons.length > 0 || plan === undefined) {
    const lines = input.claim.lines.map((l, i) => unpriced(l, i, LineOutcome.Denied, claimReasons));
    return finish(claimReasons, lines, input.accumulators);
  }

  const denials = input.claim.lines.map((line, i) =>
    lineDenials(line, { ...input, plan, earlierLines: input.claim.lines.slice(0, i) }),
  );
  const open = input.claim.lines.filter((_, i) => denials[i]?.length === 0);
  const aboveThreshold =
    sum(input.claim.lines.map((l) => l.chargeCents)) > plan.reviewThresholdCents;
  const pend = open.length > 0 && (aboveThreshold || open.some((l) => lineNeedsReview(l, plan)));

  if (pend) {
    const lines = input.claim.lines.map((line, i) => {
      const denied = denials[i] ?? [];
      if (denied.length > 0) return unpriced(line, i, LineOutcome.Denied, denied);
      const review = lineNeedsReview(line, plan) ? [ReasonCode.ReviewRequired] : [];
      return unpriced(line, i, LineOutcome.Pended, [...review, ReasonCode.PendedForReview]);
    });
    const reasons = aboveThreshold ? [ReasonCode.AboveReviewThreshold] : [];
    return finish([...reasons, ReasonCode.PendedForReview], lines, input.accumulators);
  }

  let accumulators = input.accumulators;
  const lines = input.claim.lines.map((line, i) => {
    const denied = denials[i] ?? [];
    if (denied.length > 0) return unpriced(line, i, LineOutcome.Denied, denied);
    const priced = priceApproved(line, i, plan, accumulators, []);
    accumulators = priced.accumulators;
    return priced.line;
  });
  return finish([], lines, accumulators);
}

/** A denied or pended line: its codes and no amounts. */
export function unpriced(
  line: ServiceLine,
  index: number,
  outcome: LineOutcome,
  reasonCodes: readonly ReasonCode[],
): LineResult {
  return { line: index + 1, ...line, outcome, ...NO_AMOUNTS, reasonCodes: [...reasonCodes] };
}

/** An approved line priced against the accumulators; the caller has checked it is covered. */
export function priceApproved(
  line: ServiceLine,
  index: number,
  plan: Plan,
  before: Accumulators,
  earlierCodes: readonly ReasonCode[],
): { line: LineResult; accumulators: Accumulators } {
  const covered = coveredCode(plan, line.code);
  if (covered === undefined) {
    throw failedPrecondition(
      `line ${index + 1} is not covered by plan ${plan.planId} version ${plan.version}; it cannot be approved`,
    );
  }
  const priced = priceLine(line, covered, plan, before);
  return {
    line: {
      line: index + 1,
      ...line,
      outcome: LineOutcome.Approved,
      ...priced.amounts,
      reasonCodes: [...earlierCodes, ...priced.reasonCodes],
    },
    accumulators: priced.accumulators,
  };
}

function finish(
  reasonCodes: readonly ReasonCode[],
  lines: LineResult[],
  accumulators: Accumulators,
): ClaimResult {
  return {
    status: statusOfLines(lines),
    reasonCodes: [...reasonCodes],
    lines,
    totals: totalsOf(lines),
    accumulators,
  };
}
