/**
 * How an attempt was refused, and proof that the refusal changed nothing: the chaincode's
 * error code (or the commit's validation code) and the transaction ID the SDK had given it,
 * which must then be absent from every peer's ledger. Also the running tally of attempts that
 * the suite prints for docs/RELIABILITY.md.
 */
import assert from 'node:assert/strict';
import type { Network } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import { CommitFailedError } from '../../../../gateway/src/fabric/transactions';
import { CHANNEL } from '../../support/network';

const CODES =
  /\b(INVALID_ARGUMENT|NOT_FOUND|FORBIDDEN|CONFLICT|ERASED|CREDENTIAL_INVALID|FAILED_PRECONDITION)\b/;

export interface Refusal {
  readonly code: string;
  /** Every message the SDK reported, peers' details included. */
  readonly text: string;
  readonly transactionId?: string;
}

/** Waits for CALL to fail; its code, its messages and its transaction ID. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (err) {
    if (err instanceof CommitFailedError) {
      return { code: err.code, text: err.message, transactionId: err.transactionId };
    }
    const details = (err as { details?: { message?: string }[] }).details ?? [];
    const text = [String((err as Error).message), ...details.map((d) => d.message ?? '')].join(
      '\n',
    );
    const transactionId = (err as { transactionId?: unknown }).transactionId;
    return {
      code: CODES.exec(text)?.[1] ?? 'NO_CODE',
      text,
      transactionId: typeof transactionId === 'string' ? transactionId : undefined,
    };
  }
  throw new Error('the attempt succeeded; it must be refused');
}

/** The validation code of TXID in NETWORK's peer's ledger, or undefined if it is not there. */
export async function ledgerStatusOf(network: Network, txId: string): Promise<string | undefined> {
  try {
    const bytes = await network
      .getContract('qscc')
      .evaluateTransaction('GetTransactionByID', CHANNEL, txId);
    const code = peer.ProcessedTransaction.deserializeBinary(bytes).getValidationcode();
    return Object.entries(peer.TxValidationCode).find(([, v]) => v === code)?.[0] ?? String(code);
  } catch {
    return undefined;
  }
}

/** Asserts that none of the refused transactions reached the ledger. */
export async function assertNeverCommitted(network: Network, refusals: readonly Refusal[]) {
  for (const r of refusals) {
    if (r.transactionId === undefined) continue;
    assert.equal(
      await ledgerStatusOf(network, r.transactionId),
      undefined,
      `refused transaction ${r.transactionId} (${r.code}) is in the ledger`,
    );
  }
}

/** Attempts and how they ended, by suite, printed at the end of the run. */
export const tally = new Map<
  string,
  { tried: number; refused: number; codes: Map<string, number> }
>();

export function count(suite: string, code: string, refused: boolean): void {
  const entry = tally.get(suite) ?? { tried: 0, refused: 0, codes: new Map<string, number>() };
  entry.tried += 1;
  if (refused) entry.refused += 1;
  entry.codes.set(code, (entry.codes.get(code) ?? 0) + 1);
  tally.set(suite, entry);
}

export function printTally(): void {
  for (const [suite, e] of tally) {
    const codes = [...e.codes].map(([c, n]) => `${c} ${n}`).join(', ');
    console.log(`      ${suite}: ${e.tried} tried, ${e.refused} refused as required (${codes})`);
  }
}
