/**
 * Opened wallet entries kept in memory for a token's lifetime, so that a login and the first
 * request of the session after it derive the wallet key once, not twice (scrypt: about 50 ms
 * and a 32 MiB buffer each time). Bounded: the least recently used entry goes first. An entry
 * is held as bytes and overwritten with zeros when it expires, is replaced or is evicted.
 */

export interface UnsealedCacheOptions {
  /** How long an entry is served; the token lifetime. */
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly now?: () => number;
}

export interface UnsealedCache {
  get(userId: string): string | undefined;
  set(userId: string, plaintext: string): void;
  readonly size: number;
}

interface Entry {
  readonly bytes: Buffer;
  readonly expires: number;
}

export function newUnsealedCache(options: Readonly<UnsealedCacheOptions>): UnsealedCache {
  const now = options.now ?? Date.now;
  // Map order is insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Entry>();

  const drop = (userId: string) => {
    entries.get(userId)?.bytes.fill(0);
    entries.delete(userId);
  };

  const sweep = (t: number) => {
    for (const [userId, entry] of entries) if (entry.expires <= t) drop(userId);
    while (entries.size > options.maxEntries) {
      const [oldest] = entries.keys();
      if (oldest === undefined) break;
      drop(oldest);
    }
  };

  return {
    get(userId) {
      const entry = entries.get(userId);
      if (entry === undefined) return undefined;
      if (entry.expires <= now()) {
        drop(userId);
        return undefined;
      }
      entries.delete(userId);
      entries.set(userId, entry);
      return entry.bytes.toString('utf8');
    },
    set(userId, plaintext) {
      drop(userId);
      const t = now();
      entries.set(userId, { bytes: Buffer.from(plaintext, 'utf8'), expires: t + options.ttlMs });
      sweep(t);
    },
    get size() {
      return entries.size;
    },
  };
}
