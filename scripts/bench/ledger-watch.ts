/**
 * The ledger's own account of a step, from the filtered block events of one peer: how many
 * blocks and transactions committed, each transaction's validation code (every MVCC conflict
 * the clients or the HTTP gateway retried shows up here as an invalid transaction), and the
 * IDs of the valid ones, against which every acknowledged transaction is checked (none lost).
 */
import type { CloseableAsyncIterable, Network } from '@hyperledger/fabric-gateway';
import { peer } from '@hyperledger/fabric-protos';

const CODE_NAMES = new Map<number, string>(
  Object.entries(peer.TxValidationCode).map(([name, value]) => [value, name]),
);

export interface LedgerTally {
  readonly blocks: number;
  readonly transactions: number;
  /** validation code name -> count (VALID included). */
  readonly codes: Record<string, number>;
}

export class LedgerWatch {
  readonly #network: Network;
  readonly #valid = new Set<string>();
  #height = -1;
  #blocks = 0;
  #transactions = 0;
  #codes: Record<string, number> = {};
  #closed = false;
  #close: (() => void) | undefined;

  constructor(network: Network) {
    this.#network = network;
  }

  /** Listens from the next block on, in the background; after a broken stream (a peer
   * restart) it listens again from the block after the last one it saw. */
  async start(): Promise<void> {
    const first = await this.#open();
    void this.#listen(first);
  }

  #open(): Promise<CloseableAsyncIterable<peer.FilteredBlock>> {
    return this.#network.getFilteredBlockEvents(
      this.#height >= 0 ? { startBlock: BigInt(this.#height + 1) } : {},
    );
  }

  async #listen(first: CloseableAsyncIterable<peer.FilteredBlock> | undefined): Promise<void> {
    let events = first;
    while (!this.#closed) {
      try {
        events ??= await this.#open();
        const current = events;
        this.#close = () => current.close();
        for await (const block of current) this.#count(block);
      } catch {
        // The stream broke or could not open: try again shortly.
      }
      events = undefined;
      if (!this.#closed) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }

  #count(block: peer.FilteredBlock): void {
    this.#height = block.getNumber();
    this.#blocks += 1;
    for (const tx of block.getFilteredTransactionsList()) {
      const code = tx.getTxValidationCode();
      const name = CODE_NAMES.get(code) ?? String(code);
      this.#transactions += 1;
      this.#codes[name] = (this.#codes[name] ?? 0) + 1;
      if (name === 'VALID') this.#valid.add(tx.getTxid());
    }
  }

  get height(): number {
    return this.#height;
  }

  /** The counts so far; a step's are the difference of two tallies. */
  tally(): LedgerTally {
    return { blocks: this.#blocks, transactions: this.#transactions, codes: { ...this.#codes } };
  }

  static between(before: LedgerTally, after: LedgerTally): LedgerTally {
    const codes: Record<string, number> = {};
    for (const [name, n] of Object.entries(after.codes)) {
      const d = n - (before.codes[name] ?? 0);
      if (d > 0) codes[name] = d;
    }
    return {
      blocks: after.blocks - before.blocks,
      transactions: after.transactions - before.transactions,
      codes,
    };
  }

  /** Waits until the peer's block BLOCK has been seen (or the time is up). */
  async reach(block: number, timeoutMs = 30_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.#height < block) {
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
  }

  /** Transaction IDs among IDS that no block holds as valid. */
  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.#valid.has(id));
  }

  close(): void {
    this.#closed = true;
    this.#close?.();
  }
}
