/**
 * Salts for the hashes of PHI the chaincode keeps on the public ledger: 32 random bytes per
 * item, so that a hash cannot be matched against a dictionary of likely values.
 */
import { randomBytes } from 'node:crypto';

export type SaltSource = () => string;

export const randomSalt: SaltSource = () => randomBytes(32).toString('hex');

/** The transient map of a transaction that may carry a free-text note beside a public code:
 * nothing without a note. */
export function noteTransient(
  note: string | undefined,
  salt: SaltSource,
): { transient?: Record<string, string> } {
  return note === undefined ? {} : { transient: phiTransient({ note }, salt()) };
}

/** The transient map of a PHI-carrying transaction: the payload as JSON and its salt. */
export function phiTransient(payload: unknown, salt: string): Record<string, string> {
  return { payload: JSON.stringify(payload), salt };
}
