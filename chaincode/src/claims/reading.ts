/**
 * Reading a claim's private side, under data rule 6: the reader first logs the access in a
 * submitted transaction (logClaimAccess, an entry of the consent module's access trail that
 * the patient can list), then reads (getClaim) while that entry is fresh. Only the claim's
 * provider and its insurer can do either.
 */
import { isFresh, latestAccess, recordAccess } from '../consent/access';
import { Purpose } from '../shared/categories';
import type { HealthContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import { EventName } from '../shared/events';
import { requireClaimParty } from './access';
import { loadContents, loadPublicClaim, loadRecord } from './claim-store';

export async function logClaimAccess(
  ctx: HealthContext,
  claimId: string,
): Promise<{ accessId: string }> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimParty(ctx.caller, claim);
  const { contents } = await loadContents(ctx.ledger, claim);
  const { caller } = ctx;
  if (caller.role === undefined) throw forbidden('the caller has no role'); // checked above
  const entry = await recordAccess(ctx, {
    patientId: contents.patientId,
    recordId: claim.claimId,
    readerId: caller.id,
    readerMsp: caller.mspId,
    practitionerId: caller.practitionerId,
    role: caller.role,
    purpose: Purpose.Payment,
    emergency: false,
  });
  // Same payload as the records contract's RecordAccessed, so one listener serves both.
  ctx.ledger.emit(
    EventName.RecordAccessed,
    {
      recordId: claim.claimId,
      patientId: contents.patientId,
      accessId: entry.accessId,
      emergency: false,
    },
    [caller.mspId, claim.providerMsp, claim.insurerMsp],
  );
  return { accessId: entry.accessId };
}

/** The public record, the contents with their salt (to check the public hash) and the
 * private record: result, decisions, appeal, payment. */
export async function readClaim(
  ctx: HealthContext,
  claimId: string,
): Promise<Record<string, unknown>> {
  const claim = await loadPublicClaim(ctx.ledger, claimId);
  requireClaimParty(ctx.caller, claim);
  const entry = await latestAccess(ctx, claim.claimId, ctx.caller.id);
  if (entry === undefined || !isFresh(entry, ctx.ledger.txTime())) {
    throw forbidden(
      'no fresh access entry of this reader for the claim; call logClaimAccess first',
    );
  }
  const { contents, salt } = await loadContents(ctx.ledger, claim);
  const record = await loadRecord(ctx.ledger, claim);
  return { claim, contents, salt, record };
}
