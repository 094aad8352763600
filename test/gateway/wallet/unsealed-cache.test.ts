/** Opened wallet entries in memory: for the token lifetime, bounded, zeroed when dropped. */
import assert from 'node:assert/strict';
import { newUnsealedCache } from '../../../gateway/src/wallet/unsealed-cache';

describe('unsealed cache', () => {
  let t = 0;
  const cache = (maxEntries = 3) => newUnsealedCache({ ttlMs: 1000, maxEntries, now: () => t });
  beforeEach(() => (t = 0));

  it('serves an entry until the token lifetime has passed', () => {
    const c = cache();
    c.set('physician1', 'KEY');
    t = 999;
    assert.equal(c.get('physician1'), 'KEY');
    t = 1000;
    assert.equal(c.get('physician1'), undefined);
    assert.equal(c.size, 0);
  });

  it('drops the least recently used entry beyond its bound', () => {
    const c = cache(2);
    c.set('a', 'A');
    c.set('b', 'B');
    c.get('a');
    c.set('c', 'C');
    assert.deepEqual([c.get('a'), c.get('b'), c.get('c')], ['A', undefined, 'C']);
  });

  it('drops expired entries when another is added', () => {
    const c = cache();
    c.set('a', 'A');
    t = 2000;
    c.set('b', 'B');
    assert.equal(c.size, 1);
  });

  it('overwrites the bytes of an entry it drops with zeros', () => {
    const held: Buffer[] = [];
    const from = Buffer.from.bind(Buffer);
    const original = Buffer.from;
    Buffer.from = ((...args: Parameters<typeof from>) => {
      const b = from(...args);
      held.push(b);
      return b;
    }) as typeof Buffer.from;
    try {
      const c = cache(1);
      c.set('a', 'SECRET');
      c.set('b', 'OTHER');
    } finally {
      Buffer.from = original;
    }
    const secret = held.find((b) => b.length === 6);
    assert.ok(secret !== undefined);
    assert.ok(secret.every((byte) => byte === 0));
  });
});
