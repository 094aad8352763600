/**
 * Commit confirmations from the gateway's block stream: a transaction expected before it is
 * ordered is confirmed by the block that carries it (status, code, block number); whenever the
 * stream cannot be trusted to tell in time (not live yet, broken, half the deadline gone) the
 * peer is asked instead, within the same deadline; submits through Transactions use it.
 */
import assert from 'node:assert/strict';
import type { Contract, Status } from '@hyperledger/fabric-gateway';
import sinon from 'sinon';
import {
  type BlockSource,
  type BlockStream,
  type CommittedBlock,
  CommitTracker,
} from '../../../gateway/src/fabric/commits';
import { CommitFailedError, Transactions } from '../../../gateway/src/fabric/transactions';

const MVCC_READ_CONFLICT = 11;
const TIMEOUT_MS = 10_000;

/** A block stream the test pushes blocks into, or breaks. */
class FakeStream implements BlockStream {
  readonly #queue: (CommittedBlock | Error)[] = [];
  #wake: (() => void) | undefined;
  closed = false;

  push(item: CommittedBlock | Error): void {
    this.#queue.push(item);
    this.#wake?.();
  }

  close(): void {
    this.closed = true;
    this.#wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<CommittedBlock> {
    for (;;) {
      const item = this.#queue.shift();
      if (item instanceof Error) throw item;
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }
}

function fakeSource(newest = 41n) {
  const streams: FakeStream[] = [];
  const starts: bigint[] = [];
  const source: BlockSource = {
    newestBlock: () => Promise.resolve(newest),
    open: (start) => {
      starts.push(start);
      const stream = new FakeStream();
      streams.push(stream);
      return Promise.resolve(stream);
    },
  };
  return { source, streams, starts, current: () => streams.at(-1) as FakeStream };
}

const block = (number: bigint, ...transactions: [string, number][]): CommittedBlock => ({
  number,
  transactions: transactions.map(([id, code]) => ({ id, code })),
});

const statusOf = (transactionId: string, blockNumber: bigint, code = 0): Status => ({
  transactionId,
  blockNumber,
  code: code as Status['code'],
  successful: code === 0,
});

const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A tracker whose stream is live (it has delivered the newest block). */
async function liveTracker(retryMs = 5) {
  const fake = fakeSource();
  const counts = { stream: 0, peer: 0 };
  const tracker = new CommitTracker({
    source: fake.source,
    commitTimeoutMs: TIMEOUT_MS,
    retryMs,
    onConfirm: (source) => (counts[source] += 1),
  });
  void tracker.run();
  await tick();
  fake.current().push(block(41n));
  await tick();
  assert.equal(tracker.live, true);
  return { tracker, counts, ...fake };
}

describe('CommitTracker', () => {
  afterEach(() => sinon.restore());

  it('confirms a transaction from the block that carries it, without asking the peer', async () => {
    const { tracker, current, counts } = await liveTracker();
    const fallback = sinon.stub().rejects(new Error('must not be asked'));
    const pending = tracker.expect('tx-a');
    current().push(block(42n, ['tx-other', 0], ['tx-a', 0]));
    assert.deepEqual(await pending.status(fallback), statusOf('tx-a', 42n));
    assert.equal(fallback.callCount, 0);
    assert.deepEqual(counts, { stream: 1, peer: 0 });
    tracker.close();
  });

  it("reports an invalid transaction's code (MVCC_READ_CONFLICT) as unsuccessful", async () => {
    const { tracker, current } = await liveTracker();
    const pending = tracker.expect('tx-b');
    current().push(block(42n, ['tx-b', MVCC_READ_CONFLICT]));
    const status = await pending.status(sinon.stub().rejects());
    assert.equal(status.successful, false);
    assert.equal(status.code, MVCC_READ_CONFLICT);
    tracker.close();
  });

  it('starts at the newest block, and asks the peer while the stream is not live', async () => {
    const fake = fakeSource(99n);
    const counts = { stream: 0, peer: 0 };
    const tracker = new CommitTracker({
      source: fake.source,
      commitTimeoutMs: TIMEOUT_MS,
      onConfirm: (source) => (counts[source] += 1),
    });
    void tracker.run();
    await tick();
    assert.deepEqual(fake.starts, [99n]);
    const before = Date.now();
    const fallback = sinon.stub().resolves(statusOf('tx-c', 100n));
    assert.deepEqual(await tracker.expect('tx-c').status(fallback), statusOf('tx-c', 100n));
    const deadline = fallback.firstCall.args[0] as Date;
    assert.ok(
      deadline.getTime() >= before + TIMEOUT_MS && deadline.getTime() <= Date.now() + TIMEOUT_MS,
    );
    assert.deepEqual(counts, { stream: 0, peer: 1 });
    tracker.close();
  });

  it('hands waiting transactions to the peer when the stream breaks, and reopens at the last block', async () => {
    const { tracker, current, starts } = await liveTracker();
    current().push(block(42n));
    const pending = tracker.expect('tx-d');
    const fallback = sinon.stub().resolves(statusOf('tx-d', 43n));
    const answer = pending.status(fallback);
    current().push(new Error('14 UNAVAILABLE: peer gone'));
    assert.deepEqual(await answer, statusOf('tx-d', 43n));
    assert.equal(tracker.live, false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(starts, [41n, 42n]);
    current().push(block(42n));
    await tick();
    assert.equal(tracker.live, true);
    tracker.close();
  });

  it('asks the peer when half the commit deadline has passed without the block', async () => {
    const { tracker } = await liveTracker();
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout'] });
    const pending = tracker.expect('tx-e');
    const fallback = sinon.stub().resolves(statusOf('tx-e', 50n));
    const answer = pending.status(fallback);
    await clock.tickAsync(TIMEOUT_MS / 2 - 1);
    assert.equal(fallback.callCount, 0);
    await clock.tickAsync(1);
    assert.deepEqual(await answer, statusOf('tx-e', 50n));
    clock.restore();
    tracker.close();
  });

  it('forgets a cancelled transaction (it never reached the orderer)', async () => {
    const { tracker, current, counts } = await liveTracker();
    const pending = tracker.expect('tx-f');
    pending.cancel();
    current().push(block(42n, ['tx-f', 0]));
    await tick();
    assert.deepEqual(counts, { stream: 0, peer: 0 });
    tracker.close();
  });
});

describe('Transactions.submit with a commit tracker', () => {
  /** A contract whose transactions get IDs tx-1, tx-2 ... and whose peer must not be asked. */
  function contract(onSubmit: (txId: string) => void) {
    let n = 0;
    const fake = {
      newProposal: () => ({
        endorse: () => {
          const id = `tx-${++n}`;
          return Promise.resolve({
            getTransactionId: () => id,
            submit: () => {
              onSubmit(id);
              return Promise.resolve({
                getResult: () => new TextEncoder().encode(`{"n":${n}}`),
                getStatus: () => Promise.reject(new Error('the peer must not be asked')),
              });
            },
          });
        },
      }),
    };
    return fake as unknown as Contract;
  }

  it('returns the result with the block from the stream, retrying an MVCC conflict', async () => {
    const { tracker, current } = await liveTracker();
    let height = 42n;
    const tx = new Transactions(
      contract((id) =>
        setImmediate(() =>
          current().push(block(height++, [id, id === 'tx-1' ? MVCC_READ_CONFLICT : 0])),
        ),
      ),
      { commits: tracker },
    );
    const committed = await tx.submit('addRecord');
    assert.deepEqual(committed, { result: '{"n":2}', transactionId: 'tx-2', blockNumber: 43n });
    tracker.close();
  });

  it('throws CommitFailedError with the code name when every attempt conflicts', async () => {
    const { tracker, current } = await liveTracker();
    const tx = new Transactions(
      contract((id) => setImmediate(() => current().push(block(42n, [id, MVCC_READ_CONFLICT])))),
      { commits: tracker, maxAttempts: 2 },
    );
    await assert.rejects(
      tx.submit('addRecord'),
      (err: unknown) => err instanceof CommitFailedError && err.code === 'MVCC_READ_CONFLICT',
    );
    tracker.close();
  });
});
