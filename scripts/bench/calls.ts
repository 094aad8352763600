/**
 * One Fabric call or HTTP request as a load-generator outcome. The SDK path retries MVCC and
 * phantom read conflicts, and endorsers whose answers differed, itself, as many times as the
 * HTTP gateway does (3 attempts), so that it can count them; the HTTP gateway's retries are invisible to its client and are seen on
 * the ledger instead (invalid transactions in the blocks).
 */
import type { TransactionRequest, Transactions } from '../../gateway/src/fabric/transactions';
import { CommitFailedError } from '../../gateway/src/fabric/transactions';
import { isEndorsementMismatch } from '../../gateway/src/fabric/transient-errors';
import { httpFailure, isMvcc, sdkFailure, transportFailure } from './errors';
import type { HttpSession } from './http-client';
import type { Ack, OpOutcome } from './loadgen';

export const MAX_ATTEMPTS = 3;

export interface SdkSubmitted extends OpOutcome {
  readonly result?: string;
}

export async function sdkSubmit(
  tx: Transactions,
  name: string,
  request: TransactionRequest,
): Promise<SdkSubmitted> {
  let retries = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const committed = await tx.submit(name, request);
      const acked: Ack[] = [
        { txId: committed.transactionId, block: Number(committed.blockNumber) },
      ];
      return { ok: true, acked, retries, result: committed.result };
    } catch (err) {
      const conflict =
        (err instanceof CommitFailedError && isMvcc(err.code)) || isEndorsementMismatch(err);
      if (conflict && attempt < MAX_ATTEMPTS) {
        retries += 1;
        continue;
      }
      return { ok: false, failure: sdkFailure(err), retries };
    }
  }
}

/** sdkSubmit on another organisation's peer right after this one committed what it needs:
 * an answer matching LAGGING (that peer is a block behind) is asked again, as the gateway
 * does (gateway/src/fabric/custodian-lag.ts). */
export async function sdkSubmitThere(
  tx: Transactions,
  name: string,
  request: TransactionRequest,
  lagging: RegExp,
): Promise<SdkSubmitted> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await sdkSubmit(tx, name, request);
    if (outcome.ok || attempt >= 12 || !lagging.test(outcome.failure?.message ?? '')) {
      return outcome;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function sdkEvaluate(
  tx: Transactions,
  name: string,
  request: TransactionRequest,
): Promise<SdkSubmitted> {
  try {
    return { ok: true, result: await tx.evaluate(name, request) };
  } catch (err) {
    return { ok: false, failure: sdkFailure(err) };
  }
}

export interface HttpDone extends OpOutcome {
  readonly body?: unknown;
}

const TxShape = (v: unknown): Ack | undefined => {
  if (typeof v !== 'object' || v === null) return undefined;
  const { transactionId, blockNumber } = v as { transactionId?: unknown; blockNumber?: unknown };
  return typeof transactionId === 'string' && typeof blockNumber === 'number'
    ? { txId: transactionId, block: blockNumber }
    : undefined;
};

/** A request of USER; 200 and 201 succeed; the committed transactions of the answer are acked
 * (a write's own, and the access entry a read logs first). */
export async function httpCall(
  user: Promise<HttpSession>,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<HttpDone> {
  try {
    const u = await user;
    const res = method === 'GET' ? await u.get(path) : await u.post(path, body);
    if (res.status !== 200 && res.status !== 201) {
      return { ok: false, failure: httpFailure(res.status, res.body) };
    }
    const answer = res.body as { access?: unknown; result?: { adjudication?: unknown } };
    // A write's own transaction, the access entry a read logs first, a claim's adjudication.
    const acked = [
      TxShape(res.body),
      TxShape(answer.access),
      TxShape(answer.result?.adjudication),
    ].filter((a): a is Ack => a !== undefined);
    return { ok: true, acked, body: res.body };
  } catch (err) {
    return { ok: false, failure: transportFailure(err) };
  }
}

/** Both outcomes of a two-step operation as one: fails with the first failure. */
export function combine(first: OpOutcome, second: OpOutcome): OpOutcome {
  const retries = (first.retries ?? 0) + (second.retries ?? 0);
  const acked = [...(first.acked ?? []), ...(second.acked ?? [])];
  if (!first.ok) return { ...first, retries };
  if (!second.ok) return { ...second, retries, acked };
  return { ok: true, retries, acked };
}
