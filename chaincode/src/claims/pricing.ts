/**
 * Pricing of one approved line against the member's accumulators:
 *   allowed     = min(charge, allowedCents × units)
 *   deductible  = min(allowed, remaining deductible)            — first
 *   copay       = min(allowed − deductible, copayCents × units) — when the code has a copay,
 *   coinsurance = (allowed − deductible) × coinsuranceBps / 10000, rounded half up — otherwise
 * each part in that order capped by what is left of the out-of-pocket maximum; what the cap
 * takes off the patient the insurer pays: paid = allowed − patient share.
 */
import type { Accumulators } from './membership';
import { shareOf } from './money';
import type { CoveredCode, Plan } from './plan';
import { ReasonCode } from './reasons';
import type { Amounts } from './result';

export interface PricedLine {
  readonly amounts: Amounts;
  readonly reasonCodes: ReasonCode[];
  readonly accumulators: Accumulators;
}

type Terms = Pick<Plan, 'deductibleCents' | 'coinsuranceBps' | 'outOfPocketMaxCents'>;

export function priceLine(
  line: { readonly units: number; readonly chargeCents: number },
  covered: CoveredCode,
  plan: Terms,
  before: Accumulators,
): PricedLine {
  const reasons: ReasonCode[] = [];
  const maxAllowed = covered.allowedCents * line.units;
  const allowed = Math.min(line.chargeCents, maxAllowed);
  if (line.chargeCents > maxAllowed) reasons.push(ReasonCode.AllowedAmountApplied);

  let oopLeft = Math.max(0, plan.outOfPocketMaxCents - before.outOfPocketMetCents);
  const deductibleLeft = Math.max(0, plan.deductibleCents - before.deductibleMetCents);

  const deductibleDue = Math.min(allowed, deductibleLeft);
  const deductible = Math.min(deductibleDue, oopLeft);
  oopLeft -= deductible;

  // The cost share applies to what the deductible left, whether or not the cap waived it.
  const rest = allowed - deductibleDue;
  const copayDue =
    covered.copayCents === undefined ? 0 : Math.min(rest, covered.copayCents * line.units);
  const coinsuranceDue = covered.copayCents === undefined ? shareOf(rest, plan.coinsuranceBps) : 0;
  const copay = Math.min(copayDue, oopLeft);
  const coinsurance = Math.min(coinsuranceDue, oopLeft - copay);

  if (deductible > 0) reasons.push(ReasonCode.DeductibleApplied);
  if (copay > 0) reasons.push(ReasonCode.CopayApplied);
  if (coinsurance > 0) reasons.push(ReasonCode.CoinsuranceApplied);
  if (deductible < deductibleDue || copay < copayDue || coinsurance < coinsuranceDue) {
    reasons.push(ReasonCode.OopMaxReached);
  }

  const patientShare = deductible + copay + coinsurance;
  return {
    amounts: {
      allowedCents: allowed,
      deductibleCents: deductible,
      copayCents: copay,
      coinsuranceCents: coinsurance,
      patientShareCents: patientShare,
      paidCents: allowed - patientShare,
    },
    reasonCodes: reasons,
    accumulators: {
      deductibleMetCents: before.deductibleMetCents + deductible,
      outOfPocketMetCents: before.outOfPocketMetCents + patientShare,
    },
  };
}
