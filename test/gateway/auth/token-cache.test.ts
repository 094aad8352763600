/** The cache of verified tokens: it changes how fast a token is checked, never the answer. */
import assert from 'node:assert/strict';
import { newTokenCache, newTokenService, type TokenCache } from '../../../gateway/src/auth/token';
import { HttpProblem } from '../../../gateway/src/http/problem';

const SECRET = 'a-long-enough-secret';
const MSP = 'ProviderAMSP';
const START = Date.parse('2026-03-01T12:00:00Z');
const patient = { id: 'patient1', mspId: MSP, role: 'patient', patientId: 'pat-a00001' };
const physician = { id: 'doc1', mspId: MSP, role: 'physician', practitionerId: 'pr-a-1' };

/** A token service on a clock the test moves, with the cache the test can look into. */
function service(cache: TokenCache = newTokenCache()) {
  const clock = { t: START };
  const tokens = newTokenService({
    secret: SECRET,
    mspId: MSP,
    ttlSeconds: 900,
    now: () => clock.t,
    cache,
  });
  return { tokens, clock, cache };
}

function failureOf(call: () => unknown): string | undefined {
  try {
    call();
    return undefined;
  } catch (err) {
    return err instanceof HttpProblem ? `${err.status} ${err.message}` : String(err);
  }
}

describe('verified token cache', () => {
  it('answers a second verification with the same user as the first, and as no cache', () => {
    const { tokens, cache } = service();
    const uncached = service(newTokenCache(0));
    const { token } = tokens.issue(physician);
    const first = tokens.verify(token);
    assert.equal(cache.size, 1);
    assert.deepEqual(tokens.verify(token), first);
    assert.deepEqual(tokens.verify(token), physician);
    assert.deepEqual(uncached.tokens.verify(token), physician);
    assert.equal(uncached.cache.size, 0);
  });

  it('hands out a user that cannot be changed for the next request', () => {
    const { tokens } = service();
    const { token } = tokens.issue(patient);
    assert.ok(Object.isFrozen(tokens.verify(token)));
    assert.ok(Object.isFrozen(tokens.verify(token)));
  });

  it('refuses an expired token with 401 even though it was cached, and drops it', () => {
    const { tokens, clock, cache } = service();
    const { token } = tokens.issue(patient);
    tokens.verify(token);
    clock.t = START + 899_999;
    assert.deepEqual(tokens.verify(token), patient);
    clock.t = START + 900_000;
    assert.equal(
      failureOf(() => tokens.verify(token)),
      '401 the token has expired; log in again',
    );
    assert.equal(cache.size, 0);
  });

  it('never keeps a token that failed', () => {
    const { tokens, clock, cache } = service();
    const { token } = tokens.issue(patient);
    const tampered = token.slice(0, -1) + (token.at(-1) === 'A' ? 'B' : 'A');
    assert.match(failureOf(() => tokens.verify(tampered)) ?? '', /^401 /);
    const other = newTokenService({ secret: SECRET, mspId: 'ProviderBMSP', ttlSeconds: 900 });
    const foreign = other.issue({ ...patient, mspId: 'ProviderBMSP' }).token;
    assert.equal(
      failureOf(() => tokens.verify(foreign)),
      '401 the token belongs to another organisation',
    );
    clock.t = START + 900_000;
    assert.match(failureOf(() => tokens.verify(token)) ?? '', /expired/);
    assert.equal(cache.size, 0);
  });

  it('holds no more than its bound, dropping the least recently used token first', () => {
    const { tokens, cache } = service(newTokenCache(3));
    const issue = (id: string) => tokens.issue({ ...patient, id }).token;
    const [t1, t2, t3, t4] = [issue('u1'), issue('u2'), issue('u3'), issue('u4')];
    for (const token of [t1, t2, t3]) tokens.verify(token);
    tokens.verify(t1); // t2 is now the least recently used
    tokens.verify(t4);
    assert.equal(cache.size, 3);
    assert.equal(cache.get(t2, START), undefined);
    for (const token of [t1, t3, t4]) assert.notEqual(cache.get(token, START), undefined);
    // Dropped from the cache is not refused: the token is checked again in full.
    assert.equal(tokens.verify(t2).id, 'u2');
    assert.equal(cache.size, 3);
  });

  it('drops every expired entry when a token is added a minute or more later', () => {
    const cache = newTokenCache(10);
    cache.set('a', patient, START + 1_000, START);
    cache.set('b', patient, START + 120_000, START);
    cache.set('c', patient, START + 1_000, START + 30_000);
    assert.equal(cache.size, 3);
    cache.set('d', patient, START + 200_000, START + 60_000);
    assert.equal(cache.size, 2);
    assert.deepEqual(cache.get('b', START + 60_000), patient);
  });
});
