/** The token service on its own: what a token carries, and what makes one invalid. */
import assert from 'node:assert/strict';
import { newTokenService } from '../../../gateway/src/auth/token';
import { HttpProblem } from '../../../gateway/src/http/problem';

const user = { id: 'patient1', mspId: 'ProviderAMSP', role: 'patient', patientId: 'pat-a00001' };

function statusOf(call: () => unknown): number | undefined {
  try {
    call();
    return undefined;
  } catch (err) {
    return err instanceof HttpProblem ? err.status : -1;
  }
}

describe('tokens', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  const tokens = newTokenService({
    secret: 'a-long-enough-secret',
    mspId: 'ProviderAMSP',
    ttlSeconds: 900,
    now: () => now,
  });

  it('carry the user and expire after the TTL', () => {
    const issued = tokens.issue(user);
    assert.equal(issued.expiresAt, '2026-03-01T12:15:00.000Z');
    assert.deepEqual(tokens.verify(issued.token), user);
  });

  it('are refused with 401 when any character changes', () => {
    const { token } = tokens.issue(user);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    assert.equal(
      statusOf(() => tokens.verify(token.slice(0, -1) + last)),
      401,
    );
  });

  it('are refused with 401 one second after expiry', () => {
    const { token } = tokens.issue(user);
    const later = newTokenService({
      secret: 'a-long-enough-secret',
      mspId: 'ProviderAMSP',
      ttlSeconds: 900,
      now: () => now + 900_000,
    });
    assert.equal(
      statusOf(() => later.verify(token)),
      401,
    );
  });

  it('are refused with 401 when not three dot-separated parts', () => {
    assert.equal(
      statusOf(() => tokens.verify('v1.abc')),
      401,
    );
    assert.equal(
      statusOf(() => tokens.verify('v2.a.b')),
      401,
    );
  });
});
