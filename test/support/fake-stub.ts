/**
 * An in-memory ChaincodeStub for unit tests: world state, private collections, transient map,
 * transaction ID and time, events and key-level policies, with the semantics the contracts
 * rely on (sorted range scans, private hashes, purges, history). Each `nextTx()` starts a new
 * transaction on the same state, the way the next block would see it.
 */
import { createHash } from 'node:crypto';
import type { ChaincodeStub } from 'fabric-shim';
import sinon from 'sinon';
import { HealthContext } from '../../chaincode/src/shared/context';

const SEP = '\u0000';

interface Written {
  txId: string;
  seconds: number;
  value: Uint8Array | undefined;
}

export interface Event {
  name: string;
  payload: Record<string, unknown>;
}

export class FakeStub {
  readonly state = new Map<string, Uint8Array>();
  readonly privateData = new Map<string, Map<string, Uint8Array>>();
  readonly purged: { collection: string; key: string }[] = [];
  readonly history = new Map<string, Written[]>();
  readonly validationParameters = new Map<string, Uint8Array>();
  /** Events of every transaction so far, the last one set per transaction. */
  readonly events: Event[] = [];
  transient = new Map<string, Uint8Array>();
  txId = 'tx0';
  /** The endorsing peer's MSP (CORE_PEER_LOCALMSPID); unset, getMspID throws like the shim. */
  peerMspId: string | undefined;
  /** Seconds since the epoch of the current transaction. */
  seconds = Date.parse('2026-03-01T12:00:00Z') / 1000;
  #txCount = 0;
  #pendingEvent: Event | undefined;

  /** Starts the next transaction: commits the pending event, new ID (TXID when given, as a
   * proposal's random nonce would make it), optional time and transient. */
  nextTx(options: { at?: string; transient?: Record<string, string>; txId?: string } = {}): void {
    this.commitEvent();
    this.#txCount += 1;
    this.txId = options.txId ?? `tx${this.#txCount}`;
    if (options.at !== undefined) this.seconds = Date.parse(options.at) / 1000;
    this.transient = new Map(
      Object.entries(options.transient ?? {}).map(([k, v]) => [k, Buffer.from(v, 'utf8')]),
    );
  }

  commitEvent(): void {
    if (this.#pendingEvent) this.events.push(this.#pendingEvent);
    this.#pendingEvent = undefined;
  }

  lastEvent(): Event | undefined {
    return this.#pendingEvent ?? this.events[this.events.length - 1];
  }

  getMspID(): string {
    if (this.peerMspId === undefined)
      throw new Error('CORE_PEER_LOCALMSPID is unset in chaincode process');
    return this.peerMspId;
  }

  getTxID(): string {
    return this.txId;
  }
  getTxTimestamp(): { seconds: number; nanos: number } {
    return { seconds: this.seconds, nanos: 0 };
  }
  getTransient(): Map<string, Uint8Array> {
    return this.transient;
  }
  createCompositeKey(objectType: string, attributes: string[]): string {
    return SEP + objectType + SEP + attributes.map((a) => a + SEP).join('');
  }
  splitCompositeKey(key: string): { objectType: string; attributes: string[] } {
    const parts = key.split(SEP).slice(1, -1);
    return { objectType: parts[0] ?? '', attributes: parts.slice(1) };
  }
  async getState(key: string): Promise<Uint8Array> {
    return this.state.get(key) ?? new Uint8Array();
  }
  async putState(key: string, value: Uint8Array): Promise<void> {
    this.state.set(key, value);
    this.#record(key, value);
  }
  async deleteState(key: string): Promise<void> {
    this.state.delete(key);
    this.#record(key, undefined);
  }
  async getStateByPartialCompositeKey(objectType: string, attributes: string[]) {
    return iterator(range(this.state, this.createCompositeKey(objectType, attributes)));
  }
  async getStateByPartialCompositeKeyWithPagination(
    objectType: string,
    attributes: string[],
    pageSize: number,
    bookmark = '',
  ) {
    const all = range(this.state, this.createCompositeKey(objectType, attributes)).filter(
      ([k]) => bookmark === '' || k > bookmark,
    );
    const page = all.slice(0, pageSize);
    const last = page[page.length - 1];
    return {
      iterator: iterator(page),
      metadata: { fetchedRecordsCount: page.length, bookmark: last ? last[0] : '' },
    };
  }
  async getHistoryForKey(key: string) {
    const entries = [...(this.history.get(key) ?? [])].reverse();
    let i = 0;
    return {
      async next() {
        const w = entries[i++];
        if (!w) return { done: true, value: undefined };
        return {
          done: false,
          value: {
            txId: w.txId,
            timestamp: { seconds: w.seconds, nanos: 0 },
            isDelete: w.value === undefined,
            value: w.value ?? new Uint8Array(),
          },
        };
      },
      async close() {},
    };
  }
  async getPrivateData(collection: string, key: string): Promise<Uint8Array> {
    return this.privateData.get(collection)?.get(key) ?? new Uint8Array();
  }
  async putPrivateData(collection: string, key: string, value: Uint8Array): Promise<void> {
    if (!this.privateData.has(collection)) this.privateData.set(collection, new Map());
    this.privateData.get(collection)?.set(key, value);
  }
  async getPrivateDataHash(collection: string, key: string): Promise<Uint8Array> {
    const value = this.privateData.get(collection)?.get(key);
    return value ? createHash('sha256').update(value).digest() : new Uint8Array();
  }
  async purgePrivateData(collection: string, key: string): Promise<void> {
    this.privateData.get(collection)?.delete(key);
    this.purged.push({ collection, key });
  }
  /** How many times a key's policy was set, to show an unchanged policy is not rewritten. */
  readonly policyWrites: string[] = [];

  async setStateValidationParameter(key: string, policy: Uint8Array): Promise<void> {
    this.policyWrites.push(key);
    this.validationParameters.set(key, policy);
  }
  async getStateValidationParameter(key: string): Promise<Uint8Array> {
    return this.validationParameters.get(key) ?? new Uint8Array();
  }
  async getPrivateDataValidationParameter(collection: string, key: string): Promise<Uint8Array> {
    return this.validationParameters.get(`${collection}/${key}`) ?? new Uint8Array();
  }
  async setPrivateDataValidationParameter(
    collection: string,
    key: string,
    policy: Uint8Array,
  ): Promise<void> {
    this.policyWrites.push(`${collection}/${key}`);
    this.validationParameters.set(`${collection}/${key}`, policy);
  }
  setEvent(name: string, payload: Uint8Array): void {
    this.#pendingEvent = { name, payload: JSON.parse(Buffer.from(payload).toString('utf8')) };
  }

  /** Every byte written anywhere public (state, events), to search for PHI. */
  publicText(): string {
    const values = [...this.state.entries()].map(([k, v]) => k + Buffer.from(v).toString('utf8'));
    const events = [...this.events, ...(this.#pendingEvent ? [this.#pendingEvent] : [])];
    return values.join('\n') + JSON.stringify(events);
  }

  #record(key: string, value: Uint8Array | undefined): void {
    const list = this.history.get(key) ?? [];
    list.push({ txId: this.txId, seconds: this.seconds, value });
    this.history.set(key, list);
  }
}

function range(map: Map<string, Uint8Array>, prefix: string): [string, Uint8Array][] {
  return [...map.entries()]
    .filter(([k]) => k.startsWith(prefix))
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

function iterator(entries: [string, Uint8Array][]) {
  let i = 0;
  return {
    async next() {
      const e = entries[i++];
      return e
        ? { done: false, value: { key: e[0], value: e[1] } }
        : { done: true, value: undefined };
    },
    async close() {},
  };
}

export interface IdentityOptions {
  mspId: string;
  role?: string;
  patientId?: string;
  practitionerId?: string;
  name?: string;
}

/** A transaction context over the fake stub with a sinon-stubbed client identity. */
export function contextFor(stub: FakeStub, who: IdentityOptions): HealthContext {
  const ctx = new HealthContext();
  const attrs: Record<string, string | undefined> = {
    role: who.role,
    patientId: who.patientId,
    practitionerId: who.practitionerId,
  };
  const identity = {
    getMSPID: sinon.stub().returns(who.mspId),
    getID: sinon
      .stub()
      .returns(`x509::CN=${who.name ?? who.role ?? 'user'},OU=client::CN=ca.${who.mspId}`),
    getAttributeValue: sinon.stub().callsFake((name: string) => attrs[name] ?? null),
    assertAttributeValue: sinon.stub().callsFake((name: string, v: string) => attrs[name] === v),
    getIDBytes: sinon.stub().returns(new Uint8Array()),
  };
  ctx.stub = stub as unknown as ChaincodeStub;
  ctx.clientIdentity = identity as unknown as HealthContext['clientIdentity'];
  return ctx;
}

/** Runs a contract call and returns the error code it failed with (or throws if it did not). */
/** The message a call failed with: to check that it names the field and leaks no value. */
export async function messageOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export async function errorCodeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return message.split(':')[0] ?? message;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
