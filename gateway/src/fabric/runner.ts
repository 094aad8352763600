/**
 * What a contract facade needs from Fabric: submit and evaluate by name (the Transactions
 * class provides both), plus the JSON decoding of results every facade shares.
 */
import type { Committed, TransactionRequest } from './transactions';

export interface TransactionRunner {
  submit(name: string, request?: TransactionRequest): Promise<Committed<string>>;
  evaluate(name: string, request?: TransactionRequest): Promise<string>;
}

/** A committed transaction as the HTTP answer carries it. */
export interface Submitted {
  /** The chaincode's answer: IDs and statuses only (a submitted transaction returns no PHI). */
  readonly result: unknown;
  readonly transactionId: string;
  readonly blockNumber: number;
}

export async function submitJson(
  tx: TransactionRunner,
  name: string,
  request: TransactionRequest = {},
): Promise<Submitted> {
  const committed = await tx.submit(name, request);
  return {
    result: decode(name, committed.result),
    transactionId: committed.transactionId,
    blockNumber: Number(committed.blockNumber),
  };
}

export async function evaluateJson(
  tx: TransactionRunner,
  name: string,
  request: TransactionRequest = {},
): Promise<unknown> {
  return decode(name, await tx.evaluate(name, request));
}

/** The chaincode answers canonical JSON; anything else is a bug on one side or the other. */
function decode(name: string, text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${name} returned text that is not JSON`);
  }
}
