/**
 * The yes/no rules of adjudication, each giving the reason code of the rule it failed:
 * claim-level (eligibility, credential, payment consent, timely filing) and line-level
 * (duplicate, coverage, prior authorisation, review). Pure functions of the inputs.
 */
import type { CredentialVerdict } from '../credentials/decision';
import type { ClaimContents, ServiceLine } from './claim';
import { daysBetween, within } from './dates';
import type { Enrolment, PriorAuth } from './membership';
import { coveredCode, type Plan } from './plan';
import { ReasonCode } from './reasons';

/** A line of the same member already approved or pended (from the line index). */
export interface PriorLine {
  readonly claimId: string;
  readonly practitionerId: string;
  readonly serviceDate: string;
  readonly code: string;
}

export type MembershipFacts = Pick<
  Enrolment,
  'patientId' | 'planId' | 'coverageFrom' | 'coverageTo'
>;
export type PriorAuthFacts = Pick<PriorAuth, 'patientId' | 'code' | 'validFrom' | 'validTo'>;

export interface ClaimFacts {
  readonly claim: Pick<ClaimContents, 'patientId' | 'serviceDate' | 'renderingPractitionerId'>;
  readonly plan: Plan | undefined;
  readonly membership: MembershipFacts | undefined;
  readonly credentialVerdict: CredentialVerdict;
  readonly paymentConsent: boolean;
  /** The transaction's day, YYYY-MM-DD. */
  readonly submittedDate: string;
}

/** The plan when the member is covered by it on the service date. */
export function eligiblePlan(facts: ClaimFacts): Plan | undefined {
  const { claim, plan, membership } = facts;
  if (plan === undefined || membership === undefined) return undefined;
  const covered =
    membership.patientId === claim.patientId &&
    membership.planId === plan.planId &&
    within(claim.serviceDate, membership.coverageFrom, membership.coverageTo);
  return covered ? plan : undefined;
}

/** Every claim-level rule the claim fails; the plan's rules only apply when it is known. */
export function claimDenials(facts: ClaimFacts): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  const plan = eligiblePlan(facts);
  if (plan === undefined) reasons.push(ReasonCode.NotEligible);
  if (!facts.credentialVerdict.valid) reasons.push(ReasonCode.PractitionerNotCredentialed);
  if (facts.plan?.paymentConsentRequired === true && !facts.paymentConsent) {
    reasons.push(ReasonCode.NoPaymentConsent);
  }
  if (
    facts.plan !== undefined &&
    daysBetween(facts.claim.serviceDate, facts.submittedDate) > facts.plan.timelyFilingDays
  ) {
    reasons.push(ReasonCode.LateFiling);
  }
  return reasons;
}

export interface LineFacts {
  readonly claim: Pick<ClaimContents, 'patientId' | 'serviceDate' | 'renderingPractitionerId'>;
  readonly plan: Plan;
  readonly priorAuths: readonly PriorAuthFacts[];
  readonly priorLines: readonly PriorLine[];
  /** The lines before this one in the same claim. */
  readonly earlierLines: readonly ServiceLine[];
}

/** Every line-level rule the line fails. */
export function lineDenials(line: ServiceLine, facts: LineFacts): ReasonCode[] {
  const { claim } = facts;
  const reasons: ReasonCode[] = [];
  const repeated =
    facts.earlierLines.some((l) => l.code === line.code) ||
    facts.priorLines.some(
      (p) =>
        p.code === line.code &&
        p.serviceDate === claim.serviceDate &&
        p.practitionerId === claim.renderingPractitionerId,
    );
  if (repeated) reasons.push(ReasonCode.DuplicateLine);
  const covered = coveredCode(facts.plan, line.code);
  if (covered === undefined) {
    reasons.push(ReasonCode.NotCovered);
  } else if (covered.requiresPriorAuth === true) {
    const authorised = facts.priorAuths.some(
      (a) =>
        a.patientId === claim.patientId &&
        a.code === line.code &&
        within(claim.serviceDate, a.validFrom, a.validTo),
    );
    if (!authorised) reasons.push(ReasonCode.NoPriorAuth);
  }
  return reasons;
}

/** Whether the plan sends this line's code to an adjudicator. */
export function lineNeedsReview(line: ServiceLine, plan: Plan): boolean {
  return coveredCode(plan, line.code)?.requiresReview === true;
}
