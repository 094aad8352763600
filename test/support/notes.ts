/** What a test of a private note looks through: every byte the public side of a transaction
 * could show (state, events) and every private collection, by name. */
import type { FakeStub } from '../support/fake-stub';

/** Public state and every event so far, as one text. */
export function publicText(stub: FakeStub): string {
  stub.commitEvent();
  const state = [...stub.state.values()].map((v) => Buffer.from(v).toString('utf8'));
  return [...state, ...stub.events.map((e) => JSON.stringify(e))].join('\n');
}

/** The collections whose values contain TEXT. */
export function collectionsHolding(stub: FakeStub, text: string): string[] {
  return [...stub.privateData.entries()]
    .filter(([, values]) =>
      [...values.values()].some((v) => Buffer.from(v).toString('utf8').includes(text)),
    )
    .map(([name]) => name);
}
