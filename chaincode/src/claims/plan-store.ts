/**
 * Where plans live in world state, and the insurer-only policy on every plan key. Each version
 * is attested by the insurer (shared/attestation.ts): a plan a member's tampered chaincode
 * created alone is no plan.
 */
import { isAttested, putAttested } from '../shared/attestation';
import type { Ledger } from '../shared/ledger';
import { Msp } from '../shared/names';
import { keys } from './keys';
import { type Plan, PlanLatestSchema, PlanSchema } from './plan';

export async function latestPlan(ledger: Ledger, planId: string): Promise<Plan | undefined> {
  const latest = await ledger.get(PlanLatestSchema, keys.planLatest(ledger, planId));
  return latest === undefined ? undefined : planVersion(ledger, planId, latest.version);
}

export async function planVersion(
  ledger: Ledger,
  planId: string,
  version: number,
): Promise<Plan | undefined> {
  const key = keys.plan(ledger, planId, version);
  const plan = await ledger.get(PlanSchema, key);
  // The insurer by the rule, never the record's own insurerMsp (a forger would name itself).
  if (plan === undefined || plan.insurerMsp !== Msp.Insurer) return undefined;
  return (await isAttested(ledger, Msp.Insurer, key)) ? plan : undefined;
}

/** A new version and the pointer to it; only the publishing insurer may change either. */
export async function savePlan(ledger: Ledger, plan: Plan): Promise<void> {
  const planKey = keys.plan(ledger, plan.planId, plan.version);
  const latestKey = keys.planLatest(ledger, plan.planId);
  await putAttested(ledger, plan.insurerMsp, planKey, plan);
  await ledger.put(latestKey, { planId: plan.planId, version: plan.version });
  await ledger.restrictTo(planKey, plan.insurerMsp);
  await ledger.restrictTo(latestKey, plan.insurerMsp);
}
