/**
 * The steps after adjudication: an adjudicator decides a pended claim, the provider appeals
 * a denial once, the insurer decides the appeal, the insurer records payment and so closes
 * the claim. Each step checks the status table first; results stay private, the public
 * record only changes status and time. The insurer's steps read what only the insurer holds
 * (accumulators, the duplicate-line index, membership) and are endorsed by its peer alone,
 * attested by the insurer; the appeal is the provider's, endorsed by both and attested
 * jointly (claim-store.ts).
 */
import type { HealthContext } from '../shared/context';
import { failedPrecondition, invalidArgument } from '../shared/errors';
import { EventName } from '../shared/events';
import { Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse, parseJson } from '../shared/schema';
import { requireClaimInsurer, requireClaimProvider } from './access';
import type { ClaimContents, PublicClaim } from './claim';
import {
  appealExists,
  Attestor,
  loadContents,
  loadPublicClaim,
  loadRecord,
  saveAppeal,
  savePublicClaim,
  saveRecord,
} from './claim-store';
import { storedInsurerSecret } from './insurer-secret';
import { indexLines, lineIndexEntry } from './line-index';
import { txDate } from './dates';
import { applyDecision, type Decision, type DecisionKind, DecisionSchema } from './decisions';
import { loadAccumulators, loadMember, saveAccumulators } from './member-store';
import { coveringEnrolment, NO_ACCUMULATION, sameAccumulators } from './membership';
import type { Plan } from './plan';
import { latestPlan, planVersion } from './plan-store';
import { adjudicatedResult, AppealNoteSchema, type ClaimRecord, PaymentSchema } from './record';
import { AppealReasonSchema } from './reasons';
import type { ClaimResult } from './result';
import { ClaimAction, ClaimStatus, requireAction, requireTransition } from './status';

type Step = { claimId: string; status: ClaimStatus };

export async function decidePendedClaim(
  ctx: HealthContext,
  claimId: string,
  decisionJson: string,
): Promise<Step> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimInsurer(ctx.caller, claim, Role.Adjudicator);
  requireAction(claim.status, ClaimAction.Decide);
  const decision = parseJson(DecisionSchema, decisionJson, 'decision');
  return decide(ctx, claim, 'review', decision);
}

export async function decideAppeal(
  ctx: HealthContext,
  claimId: string,
  decisionJson: string,
): Promise<Step> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimInsurer(ctx.caller, claim, Role.Adjudicator);
  requireAction(claim.status, ClaimAction.DecideAppeal);
  if (!(await appealExists(ctx.ledger, claim))) {
    throw failedPrecondition(`claim ${claimId} has no appeal of its provider ${claim.providerMsp}`);
  }
  const decision = parseJson(DecisionSchema, decisionJson, 'decision');
  return decide(ctx, claim, 'appeal', decision);
}

/** The reason is a code (the argument is public); a free-text note may come privately in
 * transient.payload as { note }. */
export async function appealClaim(
  ctx: HealthContext,
  claimId: string,
  reason: string,
): Promise<Step> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimProvider(ctx.caller, claim);
  requireAction(claim.status, ClaimAction.Appeal);
  const appealReason = parse(AppealReasonSchema, reason, 'reason');
  const hasNote = ctx.stub.getTransient().has(Transient.Payload);
  const note = hasNote
    ? ctx.ledger.transientJson(AppealNoteSchema, Transient.Payload).note
    : undefined;
  const record = await loadRecord(ctx.ledger, claim);
  const appeal = { reason: appealReason, note, by: actor(ctx) };
  await saveAppeal(ctx.ledger, claim, appeal);
  return advance(
    ctx,
    claim,
    { ...record, appeal },
    { action: ClaimAction.Appeal, status: ClaimStatus.Appealed, event: EventName.ClaimAppealed },
    Attestor.Joint,
  );
}

/** The payment must be the adjudicated paid total: the provider and the insurer then agree
 * on what was owed and what was paid. A claim with nothing to pay closes with 0. */
export async function recordPayment(
  ctx: HealthContext,
  claimId: string,
  paymentJson: string,
): Promise<Step> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimInsurer(ctx.caller, claim, Role.Adjudicator, Role.Admin);
  requireAction(claim.status, ClaimAction.Pay);
  const payment = parseJson(PaymentSchema, paymentJson, 'payment');
  const record = await loadRecord(ctx.ledger, claim);
  const owed = adjudicatedResult(record).totals.paidCents;
  if (payment.amountCents !== owed) {
    throw failedPrecondition(
      `amountCents ${payment.amountCents} is not the adjudicated paid total ${owed}`,
    );
  }
  if (payment.paidOn > txDate(ctx.ledger)) {
    throw invalidArgument('payment.paidOn', 'must not be after the day it is recorded');
  }
  const paid = { ...record, payment: { ...payment, by: actor(ctx) } };
  const step = { action: ClaimAction.Pay, status: ClaimStatus.Paid, event: EventName.ClaimPaid };
  return advance(ctx, claim, paid, step, Attestor.Insurer);
}

async function decide(
  ctx: HealthContext,
  claim: PublicClaim,
  kind: DecisionKind,
  decision: Decision,
): Promise<Step> {
  const record = await loadRecord(ctx.ledger, claim);
  const { contents } = await loadContents(ctx.ledger, claim);
  const secret = await storedInsurerSecret(ctx.ledger);
  if (secret === undefined)
    throw failedPrecondition(`claim ${claim.claimId} is not adjudicated yet`);
  const plan = await pricingPlan(ctx, secret, record, contents);
  const where = { patientId: record.patientId, planId: plan?.planId ?? '', year: record.planYear };
  const before =
    plan === undefined ? NO_ACCUMULATION : await loadAccumulators(ctx.ledger, secret, where);
  const adjudicated = adjudicatedResult(record);
  await refuseDuplicateApprovals(ctx, secret, contents, adjudicated, decision);
  const result = applyDecision(kind, adjudicated, decision, plan, before);
  const action = kind === 'review' ? ClaimAction.Decide : ClaimAction.DecideAppeal;
  requireTransition(claim.status, action, result.status);

  if (plan !== undefined && !sameAccumulators(before, result.accumulators)) {
    await saveAccumulators(ctx.ledger, secret, where, result.accumulators);
  }
  const decided = new Set(decision.lines.map((d) => d.line));
  await indexLines(
    ctx.ledger,
    secret,
    contents,
    result.lines.filter((l) => decided.has(l.line)),
  );
  const next = {
    ...record,
    planId: plan?.planId,
    planVersion: plan?.version,
    result,
    decisions: [...record.decisions, { kind, decision, by: actor(ctx) }],
  };
  const step = { action, status: result.status, event: EventName.ClaimAdjudicated };
  return advance(ctx, claim, next, step, Attestor.Insurer);
}

/**
 * The plan version the claim was priced with; for a claim denied because no enrolment
 * covered it, the plan of an enrolment that covers the service date now (the insurer may
 * have corrected the membership before deciding the appeal).
 */
async function pricingPlan(
  ctx: HealthContext,
  secret: string,
  record: ClaimRecord,
  contents: ClaimContents,
): Promise<Plan | undefined> {
  if (record.planId !== undefined && record.planVersion !== undefined) {
    return planVersion(ctx.ledger, record.planId, record.planVersion);
  }
  const member = await loadMember(ctx.ledger, secret, record.patientId);
  const enrolment = coveringEnrolment(member?.enrolments ?? [], contents.serviceDate);
  return enrolment === undefined ? undefined : latestPlan(ctx.ledger, enrolment.planId);
}

/** Approving a line that another claim already has active for the same service would pay it
 * twice (this happens when a denied line was resubmitted and is then won on appeal). */
async function refuseDuplicateApprovals(
  ctx: HealthContext,
  secret: string,
  contents: ClaimContents,
  adjudicated: ClaimResult,
  decision: Decision,
): Promise<void> {
  for (const d of decision.lines) {
    const line = adjudicated.lines.find((l) => l.line === d.line);
    if (d.decision !== 'approve' || line === undefined) continue;
    const entry = await lineIndexEntry(ctx.ledger, secret, contents, line.code);
    if (entry?.active === true && (entry.claimId !== contents.claimId || entry.line !== d.line)) {
      throw failedPrecondition(
        `line ${d.line} duplicates line ${entry.line} of claim ${entry.claimId}; it cannot be approved`,
      );
    }
  }
}

async function advance(
  ctx: HealthContext,
  claim: PublicClaim,
  record: ClaimRecord,
  { action, status, event }: { action: ClaimAction; status: ClaimStatus; event: string },
  attestor: Attestor,
): Promise<Step> {
  requireTransition(claim.status, action, status);
  await saveRecord(ctx.ledger, claim, record);
  const next = { ...claim, status, updatedAt: ctx.ledger.txTime() };
  await savePublicClaim(ctx.ledger, next, attestor);
  ctx.ledger.emit(event, { claimId: claim.claimId, status }, [claim.providerMsp, claim.insurerMsp]);
  return { claimId: claim.claimId, status };
}

function actor(ctx: HealthContext): { mspId: string; id: string; at: string } {
  return { mspId: ctx.caller.mspId, id: ctx.caller.id, at: ctx.ledger.txTime() };
}
