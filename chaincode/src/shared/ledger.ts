/**
 * The one path to the ledger: composite keys, deterministic JSON, validation of what is read
 * back, private data, key-level endorsement policies, events and the transaction's time.
 */
import type { ChaincodeStub, Iterators } from 'fabric-shim';
import { KeyEndorsementPolicy } from 'fabric-shim';
import type { z } from 'zod';
import { forbidden, invalidArgument, privateDataPending } from './errors';
import { collectionMembers } from './names';
import { sha256Hex } from './hash';
import { toBytes } from './json';
import { parse, parseJson } from './schema';

export interface Page<T> {
  readonly items: T[];
  /** Pass back to get the next page; empty when there is none. */
  readonly bookmark: string;
}

export interface HistoryEntry<T> {
  readonly txId: string;
  readonly timestamp: string;
  readonly isDelete: boolean;
  readonly value: T | undefined;
}

/** Fabric's message when the peer holds a private value's hash but not the value. */
const PRIVATE_DATA_MISSING = /private data matching public hash version is not available/;

export class Ledger {
  readonly #stub: ChaincodeStub;
  /**
   * What this transaction read, by key. A chaincode sees the state as committed before the
   * transaction, never its own writes, so a second read of a key is the first one's answer:
   * checking a fact's attestation after reading the fact, or the same patient in several rules
   * of one transaction, costs no second round trip to the peer.
   */
  readonly #reads = new Map<string, Promise<Uint8Array>>();

  constructor(stub: ChaincodeStub) {
    this.#stub = stub;
  }

  #read(kind: string, key: string, fetch: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const id = `${kind}\u0000${key}`;
    let read = this.#reads.get(id);
    if (read === undefined) {
      read = fetch();
      this.#reads.set(id, read);
    }
    return read;
  }

  #state(key: string): Promise<Uint8Array> {
    return this.#read('state', key, () => this.#stub.getState(key));
  }

  key(objectType: string, ...attributes: string[]): string {
    return this.#stub.createCompositeKey(objectType, attributes);
  }

  txId(): string {
    return this.#stub.getTxID();
  }

  /** The transaction's timestamp (set by the client, checked by the peers) as an ISO instant. */
  txTime(): string {
    const ts = this.#stub.getTxTimestamp();
    const millis = Number(ts.seconds) * 1000 + Math.floor(ts.nanos / 1_000_000);
    return new Date(millis).toISOString();
  }

  async exists(key: string): Promise<boolean> {
    const bytes = await this.#state(key);
    return bytes.length > 0;
  }

  async get<S extends z.ZodType>(schema: S, key: string): Promise<z.output<S> | undefined> {
    const bytes = await this.#state(key);
    return bytes.length > 0 ? decode(schema, bytes, key) : undefined;
  }

  /** Hex SHA-256 of the public value's bytes, as written; undefined when there is none. */
  async publicHash(key: string): Promise<string | undefined> {
    const bytes = await this.#state(key);
    return bytes.length > 0 ? sha256Hex(bytes) : undefined;
  }

  async put(key: string, value: unknown): Promise<void> {
    await this.#stub.putState(key, toBytes(value));
  }

  async list<S extends z.ZodType>(
    schema: S,
    objectType: string,
    ...attributes: string[]
  ): Promise<z.output<S>[]> {
    const iterator = await this.#stub.getStateByPartialCompositeKey(objectType, attributes);
    return collect(schema, iterator);
  }

  /** Paged range over a partial key; Fabric allows this only in evaluated transactions. */
  async page<S extends z.ZodType>(
    schema: S,
    pageSize: number,
    bookmark: string,
    objectType: string,
    ...attributes: string[]
  ): Promise<Page<z.output<S>>> {
    const { iterator, metadata } = await this.#stub.getStateByPartialCompositeKeyWithPagination(
      objectType,
      attributes,
      pageSize,
      bookmark,
    );
    const items = await collect(schema, iterator);
    return { items, bookmark: items.length < pageSize ? '' : metadata.bookmark };
  }

  async history<S extends z.ZodType>(schema: S, key: string): Promise<HistoryEntry<z.output<S>>[]> {
    const iterator = await this.#stub.getHistoryForKey(key);
    const entries: HistoryEntry<z.output<S>>[] = [];
    try {
      for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
        const m = r.value;
        const millis =
          Number(m.timestamp.seconds) * 1000 + Math.floor(m.timestamp.nanos / 1_000_000);
        entries.push({
          txId: m.txId,
          timestamp: new Date(millis).toISOString(),
          isDelete: m.isDelete,
          value: m.isDelete || m.value.length === 0 ? undefined : decode(schema, m.value, key),
        });
      }
    } finally {
      await iterator.close();
    }
    return entries;
  }

  async getPrivate<S extends z.ZodType>(
    schema: S,
    collection: string,
    key: string,
  ): Promise<z.output<S> | undefined> {
    const bytes = await this.#readPrivate(collection, key);
    return bytes.length > 0 ? decode(schema, bytes, key) : undefined;
  }

  /** A peer that holds only the hash of a private value makes the shim throw. Say why: its
   * organisation is not a member of the collection (it never will hold it), or it missed the
   * write (it was down) and has not reconciled it yet (retry). */
  async #readPrivate(collection: string, key: string): Promise<Uint8Array> {
    try {
      return await this.#read(`private\u0000${collection}`, key, () =>
        this.#stub.getPrivateData(collection, key),
      );
    } catch (err) {
      if (!PRIVATE_DATA_MISSING.test(String((err as Error).message))) throw err;
      const peerMsp = this.peerMsp();
      if (peerMsp !== undefined && collectionMembers(collection)?.includes(peerMsp) === false) {
        throw forbidden(
          `${collection}: this peer's organisation (${peerMsp}) is not a member of the collection and holds none of its data; ask a member's peer`,
        );
      }
      throw privateDataPending(
        `${collection}: this peer has not yet received this private data; retry shortly`,
      );
    }
  }

  /** The endorsing peer's organisation (CORE_PEER_LOCALMSPID of the chaincode process);
   * undefined when the chaincode server was not told. */
  peerMsp(): string | undefined {
    try {
      return this.#stub.getMspID();
    } catch {
      return undefined;
    }
  }

  async putPrivate(collection: string, key: string, value: unknown): Promise<void> {
    await this.#stub.putPrivateData(collection, key, toBytes(value));
  }

  /** Hex SHA-256 of a private value as the public ledger records it; works on non-member peers. */
  async privateHash(collection: string, key: string): Promise<string | undefined> {
    const bytes = await this.#read(`hash\u0000${collection}`, key, () =>
      this.#stub.getPrivateDataHash(collection, key),
    );
    return bytes.length > 0 ? Buffer.from(bytes).toString('hex') : undefined;
  }

  /** Removes a private value and its history from every peer's private store. */
  async purgePrivate(collection: string, key: string): Promise<void> {
    await this.#stub.purgePrivateData(collection, key);
  }

  /** Only these organisations' endorsements can change the key from now on. Set only when it
   * differs: a transaction that changes a key's policy invalidates any other transaction of
   * the same block that writes the key (ENDORSEMENT_POLICY_FAILURE, not a retried MVCC
   * conflict), so rewriting an unchanged policy turns every hot key into a failure. */
  async restrictTo(key: string, ...msps: string[]): Promise<void> {
    const policy = endorsementPolicy(msps);
    if (!samePolicy(await this.#stub.getStateValidationParameter(key), policy)) {
      await this.#stub.setStateValidationParameter(key, policy);
    }
  }

  async restrictPrivateTo(collection: string, key: string, ...msps: string[]): Promise<void> {
    const policy = endorsementPolicy(msps);
    const current = await this.#stub.getPrivateDataValidationParameter(collection, key);
    if (!samePolicy(current, policy)) {
      await this.#stub.setPrivateDataValidationParameter(collection, key, policy);
    }
  }

  /** Sets the transaction's event; Fabric keeps only the last one set in a transaction.
   * AUDIENCE names the organisations the event concerns (sorted, once each, as `audience` in
   * the payload): a gateway streams an event only to users of those organisations. */
  emit(name: string, payload: Record<string, unknown>, audience: readonly string[]): void {
    this.#stub.setEvent(name, toBytes({ ...payload, audience: [...new Set(audience)].sort() }));
  }

  /** Whether the transient map carries FIELD (non-empty). */
  hasTransient(field: string): boolean {
    const bytes = this.#stub.getTransient().get(field);
    return bytes !== undefined && bytes.length > 0;
  }

  transientText(field: string): string {
    const bytes = this.#stub.getTransient().get(field);
    if (bytes === undefined || bytes.length === 0) {
      throw invalidArgument(`transient.${field}`, 'is required in the transient map');
    }
    return Buffer.from(bytes).toString('utf8');
  }

  transientJson<S extends z.ZodType>(schema: S, field: string): z.output<S> {
    return parseJson(schema, this.transientText(field), `transient.${field}`);
  }
}

function samePolicy(current: Uint8Array | null | undefined, wanted: Uint8Array): boolean {
  return current != null && current.length > 0 && Buffer.from(current).equals(Buffer.from(wanted));
}

function endorsementPolicy(msps: string[]): Uint8Array {
  const policy = new KeyEndorsementPolicy();
  // PEER, never MEMBER: any client certificate of an organisation satisfies MEMBER, so a
  // member's user could sign an "endorsement" without a peer or the chaincode.
  policy.addOrgs('PEER', ...msps);
  return policy.getPolicy();
}

function decode<S extends z.ZodType>(schema: S, bytes: Uint8Array, key: string): z.output<S> {
  return parse(
    schema,
    JSON.parse(Buffer.from(bytes).toString('utf8')),
    `ledger[${printable(key)}]`,
  );
}

function printable(key: string): string {
  // Composite keys contain U+0000 separators.
  return key.split('\u0000').filter(Boolean).join('/');
}

async function collect<S extends z.ZodType>(
  schema: S,
  iterator: Iterators.StateQueryIterator,
): Promise<z.output<S>[]> {
  const items: z.output<S>[] = [];
  try {
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) {
      items.push(decode(schema, r.value.value, r.value.key));
    }
  } finally {
    await iterator.close();
  }
  return items;
}
