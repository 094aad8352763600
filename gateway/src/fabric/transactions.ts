/**
 * Submits and evaluates transactions of one contract: PHI in the transient map, endorsing
 * organisations named where key-level policies or private data need them, the commit status
 * awaited and reported, and MVCC read conflicts (and endorsers that simulated against different
 * ledger heights) retried a bounded number of times.
 */
import type { Contract } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import { isEndorsementMismatch } from './transient-errors';

export interface TransactionRequest {
  readonly args?: readonly string[];
  /** PHI goes here, never in args: transient data is not written to blocks. */
  readonly transient?: Readonly<Record<string, string>>;
  readonly endorsingOrganizations?: readonly string[];
}

export interface Committed<T> {
  readonly result: T;
  readonly transactionId: string;
  readonly blockNumber: bigint;
}

/** The transaction was ordered but the peers marked it invalid (e.g. MVCC_READ_CONFLICT). */
export class CommitFailedError extends Error {
  readonly transactionId: string;
  readonly code: string;

  constructor(transactionId: string, code: string) {
    super(`transaction ${transactionId} failed to commit: ${code}`);
    this.name = 'CommitFailedError';
    this.transactionId = transactionId;
    this.code = code;
  }
}

const MVCC_READ_CONFLICT = 'MVCC_READ_CONFLICT';
const PHANTOM_READ_CONFLICT = 'PHANTOM_READ_CONFLICT';
const decoder = new TextDecoder();

export interface TransactionsOptions {
  /** Attempts for a transaction that lost an MVCC or phantom read race, or whose endorsers'
   * answers differed. */
  readonly maxAttempts?: number;
}

export class Transactions {
  readonly #contract: Contract;
  readonly #maxAttempts: number;

  constructor(contract: Contract, options: Readonly<TransactionsOptions> = {}) {
    this.#contract = contract;
    this.#maxAttempts = options.maxAttempts ?? 3;
  }

  async submit(name: string, request: TransactionRequest = {}): Promise<Committed<string>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#submitOnce(name, request);
      } catch (err) {
        const retriable =
          (err instanceof CommitFailedError &&
            (err.code === MVCC_READ_CONFLICT || err.code === PHANTOM_READ_CONFLICT)) ||
          isEndorsementMismatch(err);
        if (!retriable || attempt >= this.#maxAttempts) throw err;
      }
    }
  }

  async evaluate(name: string, request: TransactionRequest = {}): Promise<string> {
    const bytes = await this.#contract.evaluate(name, {
      arguments: [...(request.args ?? [])],
      transientData: request.transient,
      endorsingOrganizations: request.endorsingOrganizations
        ? [...request.endorsingOrganizations]
        : undefined,
    });
    return decoder.decode(bytes);
  }

  async #submitOnce(name: string, request: TransactionRequest): Promise<Committed<string>> {
    const submitted = await this.#contract.submitAsync(name, {
      arguments: [...(request.args ?? [])],
      transientData: request.transient,
      endorsingOrganizations: request.endorsingOrganizations
        ? [...request.endorsingOrganizations]
        : undefined,
    });
    const status = await submitted.getStatus();
    if (!status.successful) {
      throw new CommitFailedError(status.transactionId, codeName(status.code));
    }
    return {
      result: decoder.decode(submitted.getResult()),
      transactionId: status.transactionId,
      blockNumber: status.blockNumber,
    };
  }
}

// Fabric's TxValidationCode by number, so callers see MVCC_READ_CONFLICT rather than 11.
const VALIDATION_CODES = new Map<number, string>(
  Object.entries(peer.TxValidationCode).map(([name, value]) => [value, name]),
);

function codeName(code: number): string {
  return VALIDATION_CODES.get(code) ?? `VALIDATION_CODE_${code}`;
}
