/**
 * Submitting a claim (intake, the provider's fact): contents from the transient map into the
 * provider's claims collection, the public claim 'submitted'. Endorsed by the provider's and
 * the insurer's peers (the collection's policy), and both simulate the same thing: nothing
 * here reads what only the insurer holds. Adjudication is the next transaction
 * (adjudication.ts), on the insurer's peer alone. Returns and announces only the claim ID
 * and status.
 */
import type { HealthContext } from '../shared/context';
import { conflict, forbidden, invalidArgument } from '../shared/errors';
import { EventName } from '../shared/events';
import { saltedHash } from '../shared/hash';
import { Msp, PROVIDER_MSPS, Transient } from '../shared/names';
import { Role } from '../shared/roles';
import { parse } from '../shared/schema';
import { claimProvider } from './access';
import { type ClaimContents, ClaimPayloadSchema, type PublicClaim } from './claim';
import { claimExists, saveNewClaim } from './claim-store';
import { planYear, txDate } from './dates';
import { Salt } from './membership';
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
  if (contents.serviceDate > txDate(ctx.ledger)) {
    throw invalidArgument(
      'transient.payload.serviceDate',
      'must not be after the day of submission',
    );
  }
  requireTransition(undefined, ClaimAction.Submit, ClaimStatus.Submitted);

  const now = ctx.ledger.txTime();
  const claim: PublicClaim = {
    claimId: contents.claimId,
    submittingMsp: ctx.caller.mspId,
    providerMsp: contents.providerMsp,
    insurerMsp: Msp.Insurer,
    status: ClaimStatus.Submitted,
    hash: saltedHash(salt, contents),
    submittedAt: now,
    updatedAt: now,
  };
  await saveNewClaim(
    ctx.ledger,
    claim,
    { contents, salt },
    {
      claimId: contents.claimId,
      patientId: contents.patientId,
      providerMsp: contents.providerMsp,
      planYear: planYear(contents.serviceDate),
      decisions: [],
    },
  );
  ctx.ledger.emit(EventName.ClaimSubmitted, { claimId: claim.claimId, status: claim.status }, [
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
