/**
 * A person's decision after adjudication: an adjudicator decides the pended lines of a
 * claim, or, on appeal, its denied lines. Approved lines are priced against the member's
 * accumulators as they are at the decision (other claims may have moved them since the
 * submission). Decisions are transaction arguments, hence public: line numbers and reason
 * codes from a closed list, no free text.
 */
import { z } from 'zod';
import { invalidArgument, failedPrecondition } from '../shared/errors';
import { priceApproved } from './adjudicate';
import type { Accumulators } from './membership';
import type { Plan } from './plan';
import { DenialDecisionCodeSchema, ReasonCode, withCodes } from './reasons';
import {
  type ClaimResult,
  LineOutcome,
  type LineResult,
  NO_AMOUNTS,
  statusOfLines,
  totalsOf,
} from './result';
import { ClaimStatus } from './status';

export const LineDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ line: z.int().min(1), decision: z.literal('approve') }),
  z.strictObject({
    line: z.int().min(1),
    decision: z.literal('deny'),
    reasonCodes: z.array(DenialDecisionCodeSchema).min(1, 'must give a reason').max(5),
  }),
]);

export type LineDecision = z.output<typeof LineDecisionSchema>;

/** decisionJson of decidePendedClaim and decideAppeal. */
export const DecisionSchema = z.strictObject({
  lines: z.array(LineDecisionSchema).min(1, 'must decide at least one line').max(50),
});

export type Decision = z.output<typeof DecisionSchema>;

export type DecisionKind = 'review' | 'appeal';

const OPEN: Readonly<Record<DecisionKind, LineOutcome>> = {
  review: LineOutcome.Pended,
  appeal: LineOutcome.Denied,
};

const CODES: Readonly<Record<DecisionKind, { approve: ReasonCode; deny: ReasonCode }>> = {
  review: { approve: ReasonCode.ApprovedOnReview, deny: ReasonCode.DeniedOnReview },
  appeal: { approve: ReasonCode.AppealApproved, deny: ReasonCode.AppealDenied },
};

/**
 * The claim's result after the decision. Every open line (pended for a review, denied for an
 * appeal) must be decided exactly once, and no other line. `plan` is the plan version the
 * claim was adjudicated with (undefined when the member had no coverage: nothing can then be
 * approved); `accumulators` are the member's current ones for the claim's plan year.
 */
export function applyDecision(
  kind: DecisionKind,
  current: ClaimResult,
  decision: Decision,
  plan: Plan | undefined,
  accumulators: Accumulators,
): ClaimResult {
  const open = current.lines.filter((l) => l.outcome === OPEN[kind]).map((l) => l.line);
  requireExactly(
    open,
    decision.lines.map((d) => d.line),
  );
  const byLine = new Map(decision.lines.map((d) => [d.line, d]));

  let running = accumulators;
  let approvedAny = false;
  const lines = current.lines.map((line): LineResult => {
    const decided = byLine.get(line.line);
    if (decided === undefined) return line;
    if (decided.decision === 'deny') {
      const codes = withCodes(line.reasonCodes, ...decided.reasonCodes, CODES[kind].deny);
      return { ...line, outcome: LineOutcome.Denied, ...NO_AMOUNTS, reasonCodes: codes };
    }
    if (plan === undefined) {
      throw failedPrecondition(
        'the member had no coverage on the service date; no line can be approved',
      );
    }
    const earlier = withCodes(line.reasonCodes, CODES[kind].approve);
    const service = { code: line.code, units: line.units, chargeCents: line.chargeCents };
    const priced = priceApproved(service, line.line - 1, plan, running, earlier);
    running = priced.accumulators;
    approvedAny = true;
    return priced.line;
  });

  const status =
    kind === 'review'
      ? statusOfLines(lines)
      : approvedAny
        ? ClaimStatus.AppealApproved
        : ClaimStatus.AppealDenied;
  const claimCodes =
    kind === 'review'
      ? current.reasonCodes
      : withCodes(
          current.reasonCodes,
          approvedAny ? ReasonCode.AppealApproved : ReasonCode.AppealDenied,
        );
  return { status, reasonCodes: claimCodes, lines, totals: totalsOf(lines), accumulators: running };
}

function requireExactly(open: readonly number[], decided: readonly number[]): void {
  const sorted = [...decided].sort((a, b) => a - b);
  const same = sorted.length === open.length && sorted.every((n, i) => n === open[i]);
  if (!same) {
    throw invalidArgument(
      'decision.lines',
      `must decide each of lines ${open.join(', ') || '(none)'} exactly once, and no other`,
    );
  }
}
