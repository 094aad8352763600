/**
 * Commit confirmations from one stream of filtered blocks per gateway process, instead of one
 * signed CommitStatus call per transaction (the Gateway SDK's way). A filtered block carries
 * every transaction's ID and validation code and nothing else, so no PHI passes through here.
 *
 * Why it is safe: a transaction is expected before it is sent to the orderer, so its block is
 * committed after the expectation; once the stream has delivered a block it delivers every
 * later one in order. The stream is "live" from its first block (it starts at the newest
 * committed block, which the peer sends at once). While it is not live, when it breaks, or
 * when a transaction has waited half its commit deadline, the transaction is asked for the
 * SDK's way (FALLBACK) within the same deadline — so at worst this costs what it saves.
 */
import { type Status } from '@hyperledger/fabric-gateway';

/** What a commit waiter needs of a filtered block. */
export interface CommittedBlock {
  readonly number: bigint;
  readonly transactions: readonly { readonly id: string; readonly code: number }[];
}

export interface BlockStream extends AsyncIterable<CommittedBlock> {
  close(): void;
}

export interface BlockSource {
  /** The number of the newest committed block. */
  newestBlock(): Promise<bigint>;
  /** Blocks from START on, in order. */
  open(start: bigint): Promise<BlockStream>;
}

/** Asks the peer for a transaction's status, answering by DEADLINE or failing. */
export type StatusFallback = (deadline: Date) => Promise<Status>;

export interface PendingCommit {
  status(fallback: StatusFallback): Promise<Status>;
  /** The transaction never reached the orderer. */
  cancel(): void;
}

export interface CommitWaiter {
  /** Call before the transaction goes to the orderer. */
  expect(transactionId: string): PendingCommit;
}

export interface CommitTrackerOptions {
  readonly source: BlockSource;
  /** The whole time a transaction may take to commit (the gateway's commit deadline). */
  readonly commitTimeoutMs: number;
  /** Pause before reopening a broken stream. */
  readonly retryMs?: number;
  readonly onStreamChange?: (live: boolean, detail: string) => void;
  /** Each confirmation, by where it came from. */
  readonly onConfirm?: (source: 'stream' | 'peer') => void;
  readonly now?: () => number;
}

const VALID = 0;

type Settle = (status: Status | undefined) => void;

export class CommitTracker implements CommitWaiter {
  readonly #options: Readonly<CommitTrackerOptions>;
  readonly #waiters = new Map<string, Settle>();
  #live = false;
  #last: bigint | undefined;
  #stream: BlockStream | undefined;
  #closed = false;

  constructor(options: Readonly<CommitTrackerOptions>) {
    this.#options = options;
  }

  get live(): boolean {
    return this.#live;
  }

  /** Runs until close(): opens the stream, reads it, reopens it after a pause when it breaks. */
  async run(): Promise<void> {
    while (!this.#closed) {
      try {
        // Reopen at the last block seen (sent again at once, which makes the stream live).
        const start = this.#last ?? (await this.#options.source.newestBlock());
        this.#stream = await this.#options.source.open(start);
        if (this.#closed) this.#stream.close();
        for await (const block of this.#stream) this.#onBlock(block);
        this.#lost('the block stream ended');
      } catch (err) {
        this.#lost(err instanceof Error ? err.message : String(err));
      }
      if (!this.#closed) await sleep(this.#options.retryMs ?? 1000);
    }
  }

  close(): void {
    this.#closed = true;
    this.#stream?.close();
    this.#lost('closed');
  }

  expect(transactionId: string): PendingCommit {
    const now = this.#options.now ?? Date.now;
    const deadline = new Date(now() + this.#options.commitTimeoutMs);
    // A status from the stream, or undefined: ask the peer instead.
    const fromStream = this.#live ? this.#wait(transactionId) : Promise.resolve(undefined);
    return {
      status: async (fallback) => {
        const status = await fromStream;
        this.#options.onConfirm?.(status === undefined ? 'peer' : 'stream');
        return status ?? fallback(deadline);
      },
      cancel: () => this.#waiters.get(transactionId)?.(undefined),
    };
  }

  /** Settled by the transaction's block, by a lost stream or cancel, or after half the deadline. */
  #wait(transactionId: string): Promise<Status | undefined> {
    return new Promise((resolve) => {
      const settle: Settle = (status) => {
        clearTimeout(timer);
        this.#waiters.delete(transactionId);
        resolve(status);
      };
      const timer = setTimeout(() => settle(undefined), this.#options.commitTimeoutMs / 2);
      timer.unref();
      this.#waiters.set(transactionId, settle);
    });
  }

  #onBlock(block: CommittedBlock): void {
    if (!this.#live) {
      this.#live = true;
      this.#options.onStreamChange?.(true, `from block ${block.number}`);
    }
    this.#last = block.number;
    for (const tx of block.transactions) {
      this.#waiters.get(tx.id)?.({
        transactionId: tx.id,
        blockNumber: block.number,
        code: tx.code as Status['code'],
        successful: tx.code === VALID,
      });
    }
  }

  /** Everyone still waiting asks the peer instead; new waiters too until the stream is back. */
  #lost(detail: string): void {
    const wasLive = this.#live;
    this.#live = false;
    this.#stream = undefined;
    for (const settle of [...this.#waiters.values()]) settle(undefined);
    if (wasLive) this.#options.onStreamChange?.(false, detail);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
