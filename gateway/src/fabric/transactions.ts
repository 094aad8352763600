/**
 * Submits and evaluates transactions of one contract: PHI in the transient map, endorsing
 * organisations named where key-level policies or private data need them, the commit status
 * awaited and reported, and MVCC read conflicts (and endorsers that simulated against different
 * ledger heights) retried a bounded number of times.
 */
import type { Contract, ProposalOptions, Status } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';
import type { CommitWaiter } from './commits';
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
  /** Confirms commits from the gateway's block stream; without it, the SDK asks the peer for
   * each transaction's status. */
  readonly commits?: CommitWaiter;
}

export class Transactions {
  readonly #contract: Contract;
  readonly #maxAttempts: number;
  readonly #commits: CommitWaiter | undefined;

  constructor(contract: Contract, options: Readonly<TransactionsOptions> = {}) {
    this.#contract = contract;
    this.#maxAttempts = options.maxAttempts ?? 3;
    this.#commits = options.commits;
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
    return decoder.decode(await this.#contract.evaluate(name, proposalOptions(request)));
  }

  async #submitOnce(name: string, request: TransactionRequest): Promise<Committed<string>> {
    const { result, status } = await this.#endorseAndCommit(name, proposalOptions(request));
    if (!status.successful) {
      throw new CommitFailedError(status.transactionId, codeName(status.code));
    }
    return {
      result: decoder.decode(result),
      transactionId: status.transactionId,
      blockNumber: status.blockNumber,
    };
  }

  async #endorseAndCommit(
    name: string,
    options: ProposalOptions,
  ): Promise<{ result: Uint8Array; status: Status }> {
    if (this.#commits === undefined) {
      const submitted = await this.#contract.submitAsync(name, options);
      return { result: submitted.getResult(), status: await submitted.getStatus() };
    }
    // The SDK's submitAsync in its steps, to expect the commit before the orderer has it.
    const transaction = await this.#contract.newProposal(name, options).endorse();
    const pending = this.#commits.expect(transaction.getTransactionId());
    try {
      const submitted = await transaction.submit();
      const status = await pending.status((deadline) => submitted.getStatus({ deadline }));
      return { result: submitted.getResult(), status };
    } finally {
      pending.cancel();
    }
  }
}

function proposalOptions(request: TransactionRequest): ProposalOptions {
  return {
    arguments: [...(request.args ?? [])],
    transientData: request.transient,
    endorsingOrganizations: request.endorsingOrganizations
      ? [...request.endorsingOrganizations]
      : undefined,
  };
}

// Fabric's TxValidationCode by number, so callers see MVCC_READ_CONFLICT rather than 11.
const VALIDATION_CODES = new Map<number, string>(
  Object.entries(peer.TxValidationCode).map(([name, value]) => [value, name]),
);

function codeName(code: number): string {
  return VALIDATION_CODES.get(code) ?? `VALIDATION_CODE_${code}`;
}
