/**
 * The claims queue: public claim records (IDs, organisations, status, times; no PHI) of the
 * claims the caller is party to, optionally of one status, page by page. An insurer's
 * adjudicator uses it to find pended and appealed claims, then opens each one (which logs
 * the access) to see its lines. Evaluated only: Fabric pages range scans in queries alone.
 */
import { z } from 'zod';
import type { HealthContext } from '../shared/context';
import { forbidden } from '../shared/errors';
import type { Caller } from '../shared/identity';
import type { Page } from '../shared/ledger';
import { Msp, PROVIDER_MSPS } from '../shared/names';
import { Role } from '../shared/roles';
import { PageSizeSchema, parse } from '../shared/schema';
import { type PublicClaim, PublicClaimSchema } from './claim';
import { isVouched } from './claim-store';
import { ClaimsObject } from './keys';
import { ClaimStatusSchema } from './status';

/** '' lists every status. */
const StatusFilterSchema = z.union([z.literal(''), ClaimStatusSchema]);

/** At most this many claims are read per page per asked item, so a rare status cannot make
 * one query scan the whole ledger; the bookmark then continues where the scan stopped. */
const SCAN_FACTOR = 20;

const PROVIDER_ROLES: readonly string[] = [Role.Registrar, Role.Physician];
const INSURER_ROLES: readonly string[] = [Role.Intake, Role.Adjudicator, Role.Admin];

/** Which claims the caller may list: its own organisation's, as provider or as insurer. */
function partyFilter(caller: Caller): (claim: PublicClaim) => boolean {
  const role = caller.role ?? '';
  if (caller.mspId === Msp.Insurer && INSURER_ROLES.includes(role)) {
    return (claim) => claim.insurerMsp === caller.mspId;
  }
  if (PROVIDER_MSPS.includes(caller.mspId) && PROVIDER_ROLES.includes(role)) {
    return (claim) => claim.providerMsp === caller.mspId;
  }
  throw forbidden('only claims staff of a provider or of the insurer list claims');
}

export async function listClaims(
  ctx: HealthContext,
  statusArg: string,
  pageSizeArg: string,
  bookmarkArg: string,
): Promise<Page<PublicClaim>> {
  const isParty = partyFilter(ctx.caller);
  const status = parse(StatusFilterSchema, statusArg, 'status');
  const pageSize = parse(PageSizeSchema, pageSizeArg, 'pageSize');
  const wanted = (c: PublicClaim) => isParty(c) && (status === '' || c.status === status);
  const items: PublicClaim[] = [];
  let bookmark = bookmarkArg;
  let budget = pageSize * SCAN_FACTOR;
  // Each chunk asks for no more claims than are still missing, so a page never holds more
  // than pageSize items and the bookmark never skips a match.
  do {
    const size = Math.min(pageSize - items.length, budget);
    const chunk = await ctx.ledger.page(PublicClaimSchema, size, bookmark, ClaimsObject.Claim);
    for (const claim of chunk.items.filter(wanted)) {
      // A public claim its parties did not vouch for (a forger's) is no claim.
      if (await isVouched(ctx.ledger, claim)) items.push(claim);
    }
    budget -= chunk.items.length;
    bookmark = chunk.bookmark;
  } while (bookmark !== '' && items.length < pageSize && budget > 0);
  return { items, bookmark };
}
