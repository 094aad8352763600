/**
 * Adjudicating a submitted claim: the insurer's fact, endorsed by the insurer's peer alone,
 * the only one that holds membership, prior authorisations, accumulators and the
 * duplicate-line index (its implicit collection). Reads the contents from the provider's
 * claims collection (the insurer is a member), writes the result into the claim's record
 * (key-level policy: the insurer's peer), the accumulators and the index with the insurer,
 * and the public status attested by the insurer. Any party to the claim may ask for it: the
 * result is the chaincode's, not the caller's. The claim's submission date, not today's,
 * is what timely filing counts.
 */
import type { HealthContext } from '../shared/context';
import { EventName } from '../shared/events';
import { Transient } from '../shared/names';
import { parse } from '../shared/schema';
import { requireClaimParty } from './access';
import { adjudicate } from './adjudicate';
import {
  Attestor,
  loadContents,
  loadPublicClaim,
  loadRecord,
  saveRecord,
  savePublicClaim,
} from './claim-store';
import { gatherInputs } from './inputs';
import { insurerSecret } from './insurer-secret';
import { indexLines } from './line-index';
import { saveAccumulators } from './member-store';
import { Salt, sameAccumulators } from './membership';
import { ClaimAction, ClaimStatus, requireAction, requireTransition } from './status';

export async function adjudicateClaim(
  ctx: HealthContext,
  claimId: string,
): Promise<{ claimId: string; status: ClaimStatus }> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimParty(ctx.caller, claim);
  requireAction(claim.status, ClaimAction.Adjudicate);
  const salt = parse(Salt, ctx.ledger.transientText(Transient.Salt), `transient.${Transient.Salt}`);
  const secret = await insurerSecret(ctx.ledger, salt);
  const { contents } = await loadContents(ctx.ledger, claim);
  const record = await loadRecord(ctx.ledger, claim);

  const { input, plan, year } = await gatherInputs(
    ctx,
    secret,
    contents,
    claim.submittedAt.slice(0, 10),
  );
  const result = adjudicate(input);
  requireTransition(claim.status, ClaimAction.Adjudicate, result.status);

  await saveRecord(ctx.ledger, claim, {
    ...record,
    planId: plan?.planId,
    planVersion: plan?.version,
    planYear: year,
    result,
  });
  await indexLines(ctx.ledger, secret, contents, result.lines);
  if (plan !== undefined && !sameAccumulators(result.accumulators, input.accumulators)) {
    const where = { patientId: contents.patientId, planId: plan.planId, year };
    await saveAccumulators(ctx.ledger, secret, where, result.accumulators);
  }
  const decided = { ...claim, status: result.status, updatedAt: ctx.ledger.txTime() };
  await savePublicClaim(ctx.ledger, decided, Attestor.Insurer);
  const event =
    result.status === ClaimStatus.Pended ? EventName.ClaimPended : EventName.ClaimAdjudicated;
  ctx.ledger.emit(event, { claimId: claim.claimId, status: result.status }, [
    claim.providerMsp,
    claim.insurerMsp,
  ]);
  return { claimId: claim.claimId, status: result.status };
}
