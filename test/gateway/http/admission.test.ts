/**
 * Admission control: at most maxActive requests at work, the rest waiting in arrival order, a
 * 503 (Retry-After 1) when the queue is full or a wait is too long, and nothing run for a
 * client that left. Then through the real app: the refused request never reaches Fabric.
 */
import assert from 'node:assert/strict';
import sinon from 'sinon';
import request from 'supertest';
import { newAdmission } from '../../../gateway/src/http/admission';
import { HttpProblem } from '../../../gateway/src/http/problem';
import { testGateway, USERS } from '../support/app';
import { submitted } from '../support/stubs';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const flush = () => new Promise((r) => setImmediate(r));

const isBusy = (e: unknown) =>
  e instanceof HttpProblem && e.status === 503 && e.code === 'UNAVAILABLE' && e.retryAfter === 1;

describe('admission control', () => {
  afterEach(() => sinon.restore());

  it('runs at most maxActive at once and the waiting ones in arrival order', async () => {
    const admission = newAdmission({ maxActive: 2, maxQueued: 10, queueMs: 60_000 });
    const started: string[] = [];
    const gates = new Map<string, ReturnType<typeof deferred<string>>>();
    const job = (name: string) => {
      const gate = deferred<string>();
      gates.set(name, gate);
      return admission.run(() => {
        started.push(name);
        return gate.promise;
      });
    };
    const results = ['a', 'b', 'c', 'd'].map(job);
    await flush();
    assert.deepEqual(started, ['a', 'b']);
    assert.equal(admission.active, 2);
    assert.equal(admission.queued, 2);

    gates.get('b')?.resolve('B');
    assert.equal(await results[1], 'B');
    await flush();
    assert.deepEqual(started, ['a', 'b', 'c']);

    gates.get('a')?.resolve('A');
    await flush();
    assert.deepEqual(started, ['a', 'b', 'c', 'd']);
    assert.equal(admission.queued, 0);
    gates.get('c')?.resolve('C');
    gates.get('d')?.resolve('D');
    assert.deepEqual(await Promise.all(results), ['A', 'B', 'C', 'D']);
    assert.equal(admission.active, 0);
  });

  it('refuses at once with 503 when the queue is full, and counts it', async () => {
    const onRefused = sinon.spy();
    const admission = newAdmission({ maxActive: 1, maxQueued: 1, queueMs: 60_000, onRefused });
    const gate = deferred<number>();
    const first = admission.run(() => gate.promise);
    const second = admission.run(() => Promise.resolve(2));
    const work = sinon.stub().resolves(3);
    await assert.rejects(admission.run(work), isBusy);
    assert.equal(work.callCount, 0);
    assert.deepEqual(onRefused.args, [['full']]);
    gate.resolve(1);
    assert.deepEqual(await Promise.all([first, second]), [1, 2]);
  });

  it('refuses a request that waited queueMs, never runs it, and lets the next one in', async () => {
    const clock = sinon.useFakeTimers();
    const onRefused = sinon.spy();
    const admission = newAdmission({ maxActive: 1, maxQueued: 5, queueMs: 1000, onRefused });
    const gate = deferred<string>();
    const first = admission.run(() => gate.promise);
    const late = sinon.stub().resolves('late');
    const waited = admission.run(late);
    const refused = assert.rejects(waited, isBusy);
    await clock.tickAsync(999);
    assert.equal(admission.queued, 1);
    await clock.tickAsync(1);
    await refused;
    assert.equal(admission.queued, 0);
    assert.deepEqual(onRefused.args, [['waited']]);

    const next = admission.run(() => Promise.resolve('next'));
    gate.resolve('first');
    assert.deepEqual(await Promise.all([first, next]), ['first', 'next']);
    assert.equal(late.callCount, 0);
  });

  it('drops a waiting request whose client left, and passes its place on', async () => {
    const onAbandoned = sinon.spy();
    const admission = newAdmission({ maxActive: 1, maxQueued: 5, queueMs: 60_000, onAbandoned });
    const gate = deferred<string>();
    const first = admission.run(() => gate.promise);
    const abandoned = sinon.stub().resolves('never');
    const left = admission.run(abandoned, () => true);
    const next = admission.run(
      () => Promise.resolve('next'),
      () => false,
    );
    gate.resolve('first');
    assert.deepEqual(await Promise.all([first, left, next]), ['first', undefined, 'next']);
    assert.equal(abandoned.callCount, 0);
    assert.equal(onAbandoned.callCount, 1);
    assert.equal(admission.active, 0);
  });

  it('frees the place when the work fails, and passes the failure on', async () => {
    const admission = newAdmission({ maxActive: 1, maxQueued: 5, queueMs: 60_000 });
    await assert.rejects(
      admission.run(() => Promise.reject(new Error('peer down'))),
      /peer down/,
    );
    assert.equal(admission.active, 0);
    assert.equal(await admission.run(() => Promise.resolve('ok')), 'ok');
  });

  it('answers 503 with Retry-After through the app, before the refused request reaches Fabric', async () => {
    const gw = testGateway({
      admission: newAdmission({ maxActive: 1, maxQueued: 0, queueMs: 60_000 }),
    });
    const bearer = gw.bearer(USERS.physician);
    const held = deferred<ReturnType<typeof submitted>>();
    gw.contracts.records.logAccess.onFirstCall().returns(held.promise);
    gw.contracts.records.logAccess.resolves(submitted({ accessId: 'acc-2' }));
    gw.contracts.records.readRecord.resolves({ metadata: { recordId: 'rec-1' } });

    const first = request(gw.app)
      .get('/records/rec-1?purpose=treatment')
      .set('authorization', bearer);
    const firstDone = first.then((r) => r);
    while (gw.contracts.records.logAccess.callCount === 0) await flush();

    const refused = await request(gw.app)
      .get('/records/rec-1?purpose=treatment')
      .set('authorization', bearer);
    assert.equal(refused.status, 503);
    assert.equal(refused.body.error.code, 'UNAVAILABLE');
    assert.equal(refused.headers['retry-after'], '1');
    assert.equal(gw.contracts.records.logAccess.callCount, 1);

    held.resolve(submitted({ accessId: 'acc-1' }));
    assert.equal((await firstDone).status, 200);
    const after = await request(gw.app)
      .get('/records/rec-1?purpose=treatment')
      .set('authorization', bearer);
    assert.equal(after.status, 200);
    assert.equal(after.body.access.accessId, 'acc-2');
  });
});
