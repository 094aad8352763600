/** The shape of an answer to a submitted transaction: the chaincode's result, and where it landed. */
import type { Submitted } from '../fabric/runner';
import { type Answer, created, ok } from './route';

export function committed(s: Submitted, status: 200 | 201 = 201): Answer {
  const body = { result: s.result, transactionId: s.transactionId, blockNumber: s.blockNumber };
  return status === 201 ? created(body) : ok(body);
}

/**
 * The answer of a read of PHI: what the read returned, and the access entry that was logged
 * on the ledger before it (data rule 6).
 */
export function withAccess(read: unknown, access: Submitted): Answer {
  return ok({
    ...objectOf(read, 'value'),
    access: {
      ...objectOf(access.result, 'result'),
      transactionId: access.transactionId,
      blockNumber: access.blockNumber,
    },
  });
}

function objectOf(value: unknown, key: string): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value))
    : { [key]: value };
}
