/**
 * Everything adjudication needs from the ledger for one claim, read on the insurer's peer in
 * the adjudicating transaction: coverage and plan, accumulators, prior authorisations, the practitioner's
 * credential, the patient's payment consent and the member's earlier lines.
 */
import { mayAccess } from '../consent/access';
import { credentialVerdictFor } from '../credentials/enforce';
import { LICENCE_TYPES } from '../credentials/state';
import { RecordCategory, Purpose } from '../shared/categories';
import type { HealthContext } from '../shared/context';
import type { AdjudicationInput } from './adjudicate';
import type { ClaimContents } from './claim';
import { planYear } from './dates';
import { loadAccumulators, loadMember, priorAuthsFor } from './member-store';
import { coveringEnrolment, NO_ACCUMULATION } from './membership';
import { coveredCode, type Plan } from './plan';
import { latestPlan } from './plan-store';
import { priorLinesOf } from './line-index';

/**
 * Any active licence lets a practitioner render a service: the plan does not tie codes to
 * licence types, so a licence of any type the boards issue counts.
 */
export const RENDERING_LICENCE_TYPES = LICENCE_TYPES;

/**
 * The patient's consent that the insurer sees their data for payment. A claim reveals
 * diagnoses, so the consent must cover the 'condition' category (or all categories).
 */
export const PAYMENT_CONSENT_CATEGORY = RecordCategory.Condition;

export interface Gathered {
  readonly input: AdjudicationInput;
  /** The plan the claim is priced with: the newest version of the covering enrolment's plan. */
  readonly plan: Plan | undefined;
  readonly year: string;
}

export async function gatherInputs(
  ctx: HealthContext,
  secret: string | undefined,
  contents: ClaimContents,
  submittedDate: string,
): Promise<Gathered> {
  const { ledger } = ctx;
  const member = await loadMember(ledger, secret, contents.patientId);
  const membership = coveringEnrolment(member?.enrolments ?? [], contents.serviceDate);
  const plan = membership === undefined ? undefined : await latestPlan(ledger, membership.planId);
  const year = planYear(contents.serviceDate);
  const accumulators =
    plan === undefined
      ? NO_ACCUMULATION
      : await loadAccumulators(ledger, secret, {
          patientId: contents.patientId,
          planId: plan.planId,
          year,
        });
  const authCodes = contents.lines
    .map((l) => l.code)
    .filter((code) => plan !== undefined && coveredCode(plan, code)?.requiresPriorAuth === true);
  const priorAuths = await priorAuthsFor(ledger, secret, contents.patientId, authCodes);
  // The rendering practitioner acts in the name of the claim's provider.
  const credentialVerdict = await credentialVerdictFor(
    ctx,
    { practitionerId: contents.renderingPractitionerId, mspId: contents.providerMsp },
    RENDERING_LICENCE_TYPES,
    contents.serviceDate,
  );
  const paymentConsent =
    plan?.paymentConsentRequired === true
      ? await hasPaymentConsent(ctx, contents.patientId, plan.insurerMsp)
      : true;
  const priorLines = await priorLinesOf(ledger, secret, contents);
  return {
    input: {
      claim: contents,
      plan,
      membership,
      accumulators,
      priorAuths,
      credentialVerdict,
      paymentConsent,
      priorLines,
      submittedDate,
    },
    plan,
    year,
  };
}

async function hasPaymentConsent(
  ctx: HealthContext,
  patientId: string,
  insurerMsp: string,
): Promise<boolean> {
  const decision = await mayAccess(ctx, {
    patientId,
    category: PAYMENT_CONSENT_CATEGORY,
    purpose: Purpose.Payment,
    at: ctx.ledger.txTime(),
    reader: { mspId: insurerMsp },
  });
  return decision.allowed;
}
