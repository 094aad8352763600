/**
 * Submitting a claim: contents from the transient map, adjudicated at once, result and
 * accumulators written in the same transaction. Returns and announces only the claim ID and
 * status. Fabric keeps one event per transaction, so submission emits ClaimAdjudicated or
 * ClaimPended (never ClaimSubmitted as well).
 */
import type { HealthContext } from '../shared/context';
import { conflict, forbidden, invalidArgument } from '../shared/errors';
import { EventName } from '../shared/events';
import { saltedHash } from '../shared/hash';
import { Msp, PROVIDER_MSPS, Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { claimProvider } from './access';
import { adjudicate } from './adjudicate';
import { type ClaimContents, ClaimPayloadSchema, type PublicClaim } from './claim';
import { claimExists, indexLines, saveNewClaim } from './claim-store';
import { txDate } from './dates';
import { gatherInputs } from './inputs';
import { saveAccumulators } from './member-store';
import { Salt, sameAccumulators } from './membership';
import type { ClaimRecord } from './record';
import { ClaimAction, ClaimStatus, requireTransition } from './status';

export async function submitClaim(
  ctx: HealthContext,
): Promise<{ claimId: string; status: ClaimStatus }> {
  requireSubmitter(ctx);
  const payload = ctx.ledger.transientJson(ClaimPayloadSchema, Transient.Payload);
  const salt = parse(Salt, ctx.ledger.transientText(Transient.Salt), `transient.${Transient.Salt}`);
  const contents: ClaimContents = {
    ...payload,
    providerMsp: claimProvider(ctx.caller, payload.providerMsp),
  };
  if (await claimExists(ctx.ledger, contents.claimId)) {
    throw conflict(`claim ${contents.claimId} exists already`);
  }
  const today = txDate(ctx.ledger);
  if (contents.serviceDate > today) {
    throw invalidArgument(
      'transient.payload.serviceDate',
      'must not be after the day of submission',
    );
  }

  const { input, plan, year } = await gatherInputs(ctx, contents, today);
  const result = adjudicate(input);
  requireTransition(undefined, ClaimAction.Submit, result.status);

  const now = ctx.ledger.txTime();
  const claim: PublicClaim = {
    claimId: contents.claimId,
    submittingMsp: ctx.caller.mspId,
    providerMsp: contents.providerMsp,
    insurerMsp: Msp.Insurer,
    status: result.status,
    hash: saltedHash(salt, contents),
    submittedAt: now,
    updatedAt: now,
  };
  const record: ClaimRecord = {
    claimId: contents.claimId,
    patientId: contents.patientId,
    providerMsp: contents.providerMsp,
    planId: plan?.planId,
    planVersion: plan?.version,
    planYear: year,
    result,
    decisions: [],
  };
  await saveNewClaim(ctx.ledger, claim, { contents, salt }, record);
  await indexLines(ctx.ledger, contents, claim.insurerMsp, result.lines);
  if (plan !== undefined && !sameAccumulators(result.accumulators, input.accumulators)) {
    const where = {
      patientId: contents.patientId,
      planId: plan.planId,
      year,
      insurerMsp: plan.insurerMsp,
    };
    await saveAccumulators(ctx.ledger, where, result.accumulators);
  }
  const event =
    result.status === ClaimStatus.Pended ? EventName.ClaimPended : EventName.ClaimAdjudicated;
  ctx.ledger.emit(event, { claimId: claim.claimId, status: claim.status }, [
    claim.providerMsp,
    claim.insurerMsp,
  ]);
  return { claimId: claim.claimId, status: claim.status };
}

/** Refuses a caller who could never submit, before the payload is even read. */
function requireSubmitter(ctx: HealthContext): void {
  const { mspId, role } = ctx.caller;
  const provider =
    PROVIDER_MSPS.includes(mspId) && (role === Role.Registrar || role === Role.Physician);
  const intake = mspId === Msp.Insurer && role === Role.Intake;
  if (!provider && !intake) {
    throw forbidden(
      `${mspId} ${role ?? '(no role)'} may not submit claims; needs a provider's registrar or physician, or the insurer's intake`,
    );
  }
}
