/**
 * Where a claim lives, and who vouches for each part of it.
 * - Contents: the provider's claims collection, written at intake with both the provider's
 *   and the insurer's endorsement (the collection's policy), key-level AND of both after.
 * - Record (adjudication, decisions, payment; the appeal inside it): the same collection,
 *   created at intake, then changeable by the insurer's peer (key-level policy), because
 *   adjudication reads what only the insurer holds.
 * - Appeal: its own key in that collection, a new key per claim, so both must endorse it.
 * - Public claim: world state, key-level policy of the insurer's peer. A brand-new public key
 *   needs only the chaincode policy (any member's peer), so a claim counts only when (1) its
 *   contents exist in its provider's collection (only both together create them) and (2) its
 *   public bytes are what the provider and insurer attested together (same bytes in the claims
 *   collection, at intake and appeal) or what the insurer attested alone (its implicit
 *   collection, at adjudication, decisions and payment). Anything else is NOT_FOUND.
 */
import { notFound } from '../shared/errors';
import type { Ledger } from '../shared/ledger';
import { claimsCollection, Msp, PROVIDER_MSPS } from '../shared/names';
import {
  type ClaimContents,
  type PublicClaim,
  PublicClaimSchema,
  StoredContentsSchema,
} from './claim';
import { INSURER_COLLECTION } from './insurer-secret';
import { keys } from './keys';
import { type ClaimRecord, ClaimRecordSchema } from './record';

/** Who vouches for a write of the public claim. */
export const Attestor = {
  /** Provider and insurer together: intake and appeal. */
  Joint: 'joint',
  /** The insurer alone: adjudication, decisions, payment. */
  Insurer: 'insurer',
} as const;

export type Attestor = (typeof Attestor)[keyof typeof Attestor];

export async function claimExists(ledger: Ledger, claimId: string): Promise<boolean> {
  return ledger.exists(keys.claim(ledger, claimId));
}

/** Whether a public claim as read is one its provider and insurer stand behind. */
export async function isVouched(ledger: Ledger, claim: PublicClaim): Promise<boolean> {
  // The parties by the rule, never trusted from the record alone (a forger names itself).
  if (claim.insurerMsp !== Msp.Insurer || !PROVIDER_MSPS.includes(claim.providerMsp)) {
    return false;
  }
  const collection = claimsCollection(claim.providerMsp);
  const key = keys.claim(ledger, claim.claimId);
  const [publicHash, joint, insurer, contents] = await Promise.all([
    ledger.publicHash(key),
    ledger.privateHash(collection, key),
    ledger.privateHash(INSURER_COLLECTION, key),
    ledger.privateHash(collection, keys.claimContents(ledger, claim.claimId)),
  ]);
  return (
    contents !== undefined &&
    publicHash !== undefined &&
    (publicHash === joint || publicHash === insurer)
  );
}

/** The public claim, if its parties vouch for it; NOT_FOUND otherwise. */
export async function loadPublicClaim(ledger: Ledger, claimId: string): Promise<PublicClaim> {
  const claim = await ledger.get(PublicClaimSchema, keys.claim(ledger, claimId));
  if (claim === undefined || !(await isVouched(ledger, claim))) {
    throw notFound(`claim ${claimId}`);
  }
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

/** Intake: contents, the record to be adjudicated, the public claim, all new keys. */
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
  await ledger.restrictPrivateTo(
    collection,
    keys.claimRecord(ledger, claim.claimId),
    claim.insurerMsp,
  );
  await savePublicClaim(ledger, claim, Attestor.Joint);
  await ledger.restrictPrivateTo(collection, keys.claim(ledger, claim.claimId), ...parties);
  await ledger.restrictTo(keys.claim(ledger, claim.claimId), claim.insurerMsp);
}

/** The public claim and its attestation by ATTESTOR (the same bytes in its collection). */
export async function savePublicClaim(
  ledger: Ledger,
  claim: PublicClaim,
  attestor: Attestor,
): Promise<void> {
  const key = keys.claim(ledger, claim.claimId);
  const collection =
    attestor === Attestor.Joint ? claimsCollection(claim.providerMsp) : INSURER_COLLECTION;
  await ledger.put(key, claim);
  await ledger.putPrivate(collection, key, claim);
}

export async function saveRecord(
  ledger: Ledger,
  claim: PublicClaim,
  record: ClaimRecord,
): Promise<void> {
  const collection = claimsCollection(claim.providerMsp);
  await ledger.putPrivate(collection, keys.claimRecord(ledger, claim.claimId), record);
}

/** The provider's appeal as a key of its own: new, so only both together can write it. */
export async function saveAppeal(
  ledger: Ledger,
  claim: PublicClaim,
  appeal: unknown,
): Promise<void> {
  const collection = claimsCollection(claim.providerMsp);
  const key = keys.claimAppeal(ledger, claim.claimId);
  await ledger.putPrivate(collection, key, appeal);
  await ledger.restrictPrivateTo(collection, key, claim.providerMsp, claim.insurerMsp);
}

export async function appealExists(ledger: Ledger, claim: PublicClaim): Promise<boolean> {
  const collection = claimsCollection(claim.providerMsp);
  const hash = await ledger.privateHash(collection, keys.claimAppeal(ledger, claim.claimId));
  return hash !== undefined;
}
