/**
 * A public fact vouched for by its authority, new keys included. Key-level policies protect
 * only keys that exist, and a brand-new public key is validated against the chaincode policy
 * (any member's peer), so a member running a tampered chaincode could create any fact alone.
 * So the authority also writes the same bytes into its own implicit collection: a write there
 * is valid only with that organisation's own endorsement, and every peer, member or not, sees
 * the hash of what was written (getPrivateDataHash). A fact counts only while the hash of its
 * public value equals the hash its authority attested.
 */
import type { Ledger } from './ledger';
import { implicitCollection } from './names';

/** Writes VALUE under KEY in public state and the authority's attestation of it. */
export async function putAttested(
  ledger: Ledger,
  authority: string,
  key: string,
  value: unknown,
): Promise<void> {
  await ledger.put(key, value);
  await ledger.putPrivate(implicitCollection(authority), key, value);
}

/** Whether the public value under KEY is exactly what AUTHORITY attested last. */
export async function isAttested(ledger: Ledger, authority: string, key: string): Promise<boolean> {
  const [publicHash, attested] = await Promise.all([
    ledger.publicHash(key),
    ledger.privateHash(implicitCollection(authority), key),
  ]);
  return publicHash !== undefined && publicHash === attested;
}
