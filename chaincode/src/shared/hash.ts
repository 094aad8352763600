/** Salted hashes of private payloads: what the public ledger keeps to verify a copy later. */
import { createHash, createHmac } from 'node:crypto';
import { canonicalJson } from './json';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** HMAC-SHA-256 of TEXT with a secret key, hex: an index key nobody without the key can
 * compute from what it indexes (the hash of a private key is public in the blocks). */
export function hmacHex(key: string, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}

/** sha256(salt ":" canonical JSON). The salt is secret (private data), so the hash cannot be
 * matched against a dictionary of likely values. */
export function saltedHash(salt: string, value: unknown): string {
  return sha256Hex(`${salt}:${canonicalJson(value)}`);
}
