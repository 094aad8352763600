/** Publishing and reading benefit plans: public terms, versioned, changed by the insurer only. */
import type { HealthContext } from '../shared/context';
import { forbidden, invalidArgument, notFound } from '../shared/errors';
import { EventName } from '../shared/events';
import { Role } from '../shared/roles';
import { Id, parse, parseJson } from '../shared/schema';
import { requireInsurer } from './access';
import { type Plan, PlanTermsSchema } from './plan';
import { latestPlan, planVersion, savePlan } from './plan-store';

/** Publishing a planId again makes version n + 1; claims already priced keep their version. */
export async function publishPlan(ctx: HealthContext, planJson: string): Promise<Plan> {
  requireInsurer(ctx.caller, Role.Adjudicator, Role.Admin);
  const terms = parseJson(PlanTermsSchema, planJson, 'plan');
  const previous = await latestPlan(ctx.ledger, terms.planId);
  if (previous !== undefined && previous.insurerMsp !== ctx.caller.mspId) {
    throw forbidden(`plan ${terms.planId} belongs to ${previous.insurerMsp}`);
  }
  const plan: Plan = {
    ...terms,
    insurerMsp: ctx.caller.mspId,
    version: (previous?.version ?? 0) + 1,
    publishedAt: ctx.ledger.txTime(),
  };
  await savePlan(ctx.ledger, plan);
  ctx.ledger.emit(EventName.PlanPublished, { planId: plan.planId, version: plan.version }, [
    plan.insurerMsp,
  ]);
  return plan;
}

/** version '' reads the newest version. */
export async function readPlan(ctx: HealthContext, planId: string, version: string): Promise<Plan> {
  const id = parse(Id, planId, 'planId');
  let plan: Plan | undefined;
  if (version === '') {
    plan = await latestPlan(ctx.ledger, id);
  } else {
    if (!/^[1-9]\d{0,5}$/.test(version)) {
      throw invalidArgument('version', 'must be empty or a positive whole number');
    }
    plan = await planVersion(ctx.ledger, id, Number(version));
  }
  if (plan === undefined)
    throw notFound(`plan ${id}${version === '' ? '' : ` version ${version}`}`);
  return plan;
}
