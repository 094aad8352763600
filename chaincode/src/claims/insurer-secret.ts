/**
 * The insurer's secret for the keys of its private claims data (members, prior
 * authorisations, accumulators, the duplicate-line index): made at the insurer's first write
 * from that transaction's salt (random, chosen by the caller's gateway, private) and the
 * transaction ID, so every endorsing peer makes the same one; kept in the insurer's implicit
 * collection. Nobody else holds it, so nobody else can compute a key from a patient ID.
 */
import { z } from 'zod';
import { sha256Hex } from '../shared/hash';
import type { Ledger } from '../shared/ledger';
import { implicitCollection, Msp } from '../shared/names';
import { keys } from './keys';

const SecretSchema = z.strictObject({ secret: z.string().regex(/^[0-9a-f]{64}$/) });

/** Where the insurer keeps membership, prior authorisations, accumulators and the index. */
export const INSURER_COLLECTION = implicitCollection(Msp.Insurer);

/** The secret, made and stored now if there is none yet (only in the insurer's writes). */
export async function insurerSecret(ledger: Ledger, salt: string): Promise<string> {
  const stored = await storedInsurerSecret(ledger);
  if (stored !== undefined) return stored;
  const secret = sha256Hex(`claims-index:${salt}:${ledger.txId()}`);
  await ledger.putPrivate(INSURER_COLLECTION, keys.claimsSecret(ledger), { secret });
  return secret;
}

/** The secret, if the insurer has written anything yet (if not, nothing is indexed). */
export async function storedInsurerSecret(ledger: Ledger): Promise<string | undefined> {
  const key = keys.claimsSecret(ledger);
  return (await ledger.getPrivate(SecretSchema, INSURER_COLLECTION, key))?.secret;
}
