/** Where plans live in world state, and the insurer-only policy on every plan key. */
import type { Ledger } from '../shared/ledger';
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
  return ledger.get(PlanSchema, keys.plan(ledger, planId, version));
}

/** A new version and the pointer to it; only the publishing insurer may change either. */
export async function savePlan(ledger: Ledger, plan: Plan): Promise<void> {
  const planKey = keys.plan(ledger, plan.planId, plan.version);
  const latestKey = keys.planLatest(ledger, plan.planId);
  await ledger.put(planKey, plan);
  await ledger.put(latestKey, { planId: plan.planId, version: plan.version });
  await ledger.restrictTo(planKey, plan.insurerMsp);
  await ledger.restrictTo(latestKey, plan.insurerMsp);
}
