/**
 * A provider's secret for its MRN index: made at its first registration from that
 * registration's salt (random, chosen by the provider's own registrar, private) and the
 * transaction ID, so every endorsing peer makes the same one; kept in the provider's implicit
 * collection. Nobody else holds it, so nobody else can compute an index key from an MRN.
 */
import { sha256Hex } from '../shared/hash';
import type { Ledger } from '../shared/ledger';
import { indexSecretKey } from './keys';
import { IndexSecretSchema } from './state';

/** The secret in COLLECTION, made and stored now if there is none yet. */
export async function indexSecret(
  ledger: Ledger,
  collection: string,
  salt: string,
): Promise<string> {
  const key = indexSecretKey(ledger);
  const stored = await ledger.getPrivate(IndexSecretSchema, collection, key);
  if (stored !== undefined) return stored.secret;
  const secret = sha256Hex(`index:${salt}:${ledger.txId()}`);
  await ledger.putPrivate(collection, key, { secret });
  return secret;
}

/** The secret in COLLECTION, if its provider has registered anyone. */
export async function storedIndexSecret(
  ledger: Ledger,
  collection: string,
): Promise<string | undefined> {
  return (await ledger.getPrivate(IndexSecretSchema, collection, indexSecretKey(ledger)))?.secret;
}
