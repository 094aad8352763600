/**
 * How one hostile attempt ended, said in full: refused (with the chaincode's code, the stage and
 * the organisations whose peers refused it, and the transaction ID to look for in the ledgers),
 * or accepted (with the block it was committed in, if it was a submit). An accepted attempt is
 * kept rather than thrown, so the suite can report it in its table and still fail the test.
 */
import { EndorseError, GatewayError } from '@hyperledger/fabric-gateway';
import { CommitFailedError } from '../../../../gateway/src/fabric/transactions';
import { type Refusal, refusalOf } from '../../security/support/refusals';

export interface Refused extends Refusal {
  readonly refused: true;
  /** Where the attempt stopped: the stage, and whose peers said no. */
  readonly where: string;
}

export interface Accepted {
  readonly refused: false;
  readonly transactionId?: string;
  readonly blockNumber?: bigint;
}

export type Outcome = Refused | Accepted;

/** Waits for CALL (a submit's Committed answer, an evaluate's text, or anything else). */
export async function outcomeOf(call: Promise<unknown>): Promise<Outcome> {
  let answer: unknown;
  try {
    answer = await call;
  } catch (err) {
    const refusal = await refusalOf(Promise.reject(err));
    return { ...refusal, refused: true, where: whereRefused(err) };
  }
  if (typeof answer === 'object' && answer !== null) {
    const transactionId = 'transactionId' in answer ? answer.transactionId : undefined;
    const blockNumber = 'blockNumber' in answer ? answer.blockNumber : undefined;
    return {
      refused: false,
      transactionId: typeof transactionId === 'string' ? transactionId : undefined,
      blockNumber: typeof blockNumber === 'bigint' ? blockNumber : undefined,
    };
  }
  return { refused: false };
}

/** The words the suite's table uses for an outcome. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.refused) return `refused ${outcome.where}: ${outcome.code}`;
  return outcome.blockNumber === undefined
    ? 'ACCEPTED (the peer answered)'
    : `ACCEPTED (committed in block ${outcome.blockNumber})`;
}

function whereRefused(err: unknown): string {
  if (err instanceof CommitFailedError) return 'at validation, by the committing peers';
  const stage = err instanceof EndorseError ? 'at endorsement' : 'at evaluation';
  const details = err instanceof GatewayError ? err.details : [];
  const peers = [...new Set(details.map((d) => d.mspId).filter((m) => m !== ''))];
  // Without details the gateway did not say which peer answered.
  return peers.length === 0 ? stage : `${stage}, by the peer of ${peers.join(' and ')}`;
}
