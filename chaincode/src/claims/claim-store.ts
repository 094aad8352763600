/**
 * Where a claim lives: the public record in world state; contents, adjudication record and
 * line index in the claims collection of its provider. Every key of a claim needs both the
 * provider's and the insurer's endorsement to change after it is written, so neither can
 * alter the other's facts (a provider cannot forge an adjudication, an insurer an appeal).
 */
import { z } from 'zod';
import { notFound } from '../shared/errors';
import type { Ledger } from '../shared/ledger';
import { claimsCollection } from '../shared/names';
import { Id } from '../shared/schema';
import type { PriorLine } from './checks';
import {
  type ClaimContents,
  type PublicClaim,
  PublicClaimSchema,
  StoredContentsSchema,
} from './claim';
import { keys } from './keys';
import { type ClaimRecord, ClaimRecordSchema } from './record';
import { LineOutcome, type LineResult } from './result';

const LineIndexEntrySchema = z.strictObject({
  claimId: Id,
  line: z.int().min(1),
  /** false once the line is denied: a denied line does not make a later one a duplicate. */
  active: z.boolean(),
});

export type LineIndexEntry = z.output<typeof LineIndexEntrySchema>;

export async function claimExists(ledger: Ledger, claimId: string): Promise<boolean> {
  return ledger.exists(keys.claim(ledger, claimId));
}

export async function loadPublicClaim(ledger: Ledger, claimId: string): Promise<PublicClaim> {
  const claim = await ledger.get(PublicClaimSchema, keys.claim(ledger, claimId));
  if (claim === undefined) throw notFound(`claim ${claimId}`);
  return claim;
}

export async function loadRecord(ledger: Ledger, claim: PublicClaim): Promise<ClaimRecord> {
  const collection = claimsCollection(claim.providerMsp);
  const record = await ledger.getPrivate(
    ClaimRecordSchema,
    collection,
    keys.claimRecord(ledger, claim.claimId),
  );
  if (record === undefined) throw notFound(`private record of claim ${claim.claimId}`);
  return record;
}

export async function loadContents(
  ledger: Ledger,
  claim: PublicClaim,
): Promise<{ contents: ClaimContents; salt: string }> {
  const collection = claimsCollection(claim.providerMsp);
  const key = keys.claimContents(ledger, claim.claimId);
  const stored = await ledger.getPrivate(StoredContentsSchema, collection, key);
  if (stored === undefined) throw notFound(`contents of claim ${claim.claimId}`);
  return stored;
}

export async function saveNewClaim(
  ledger: Ledger,
  claim: PublicClaim,
  stored: { contents: ClaimContents; salt: string },
  record: ClaimRecord,
): Promise<void> {
  const parties = [claim.providerMsp, claim.insurerMsp];
  const collection = claimsCollection(claim.providerMsp);
  const contentsKey = keys.claimContents(ledger, claim.claimId);
  await ledger.putPrivate(collection, contentsKey, stored);
  await ledger.restrictPrivateTo(collection, contentsKey, ...parties);
  await saveRecord(ledger, claim, record);
  await ledger.restrictPrivateTo(collection, keys.claimRecord(ledger, claim.claimId), ...parties);
  await savePublicClaim(ledger, claim);
  await ledger.restrictTo(keys.claim(ledger, claim.claimId), ...parties);
}

export async function savePublicClaim(ledger: Ledger, claim: PublicClaim): Promise<void> {
  await ledger.put(keys.claim(ledger, claim.claimId), claim);
}

export async function saveRecord(
  ledger: Ledger,
  claim: PublicClaim,
  record: ClaimRecord,
): Promise<void> {
  const collection = claimsCollection(claim.providerMsp);
  await ledger.putPrivate(collection, keys.claimRecord(ledger, claim.claimId), record);
}

function lineKey(ledger: Ledger, contents: ClaimContents, code: string): string {
  return keys.claimLine(
    ledger,
    contents.patientId,
    contents.renderingPractitionerId,
    contents.serviceDate,
    code,
  );
}

export async function lineIndexEntry(
  ledger: Ledger,
  contents: ClaimContents,
  code: string,
): Promise<LineIndexEntry | undefined> {
  const collection = claimsCollection(contents.providerMsp);
  return ledger.getPrivate(LineIndexEntrySchema, collection, lineKey(ledger, contents, code));
}

/** Active lines of the same member, practitioner and date with a code of this claim. */
export async function priorLinesOf(ledger: Ledger, contents: ClaimContents): Promise<PriorLine[]> {
  const prior: PriorLine[] = [];
  for (const code of new Set(contents.lines.map((l) => l.code))) {
    const entry = await lineIndexEntry(ledger, contents, code);
    if (entry?.active === true) {
      prior.push({
        claimId: entry.claimId,
        practitionerId: contents.renderingPractitionerId,
        serviceDate: contents.serviceDate,
        code,
      });
    }
  }
  return prior;
}

/**
 * Points the index at these lines of the claim: active when approved or pended, inactive
 * when denied. An entry of another claim is left alone, so denying a duplicate never
 * unblocks the line it duplicated.
 */
export async function indexLines(
  ledger: Ledger,
  contents: ClaimContents,
  insurerMsp: string,
  lines: readonly LineResult[],
): Promise<void> {
  const collection = claimsCollection(contents.providerMsp);
  for (const line of lines) {
    const key = lineKey(ledger, contents, line.code);
    const current = await ledger.getPrivate(LineIndexEntrySchema, collection, key);
    const active = line.outcome !== LineOutcome.Denied;
    const ours = current?.claimId === contents.claimId && current.line === line.line;
    if (ours ? current.active === active : !active) continue;
    await ledger.putPrivate(collection, key, {
      claimId: contents.claimId,
      line: line.line,
      active,
    });
    await ledger.restrictPrivateTo(collection, key, contents.providerMsp, insurerMsp);
  }
}
