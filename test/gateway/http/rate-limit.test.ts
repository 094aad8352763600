import assert from 'node:assert/strict';
import { newRateLimiter } from '../../../gateway/src/http/rate-limit';
import { HttpProblem } from '../../../gateway/src/http/problem';

describe('rate limiter', () => {
  it('allows LIMIT requests per window and key, then 429 until the window ends', () => {
    let now = 0;
    const limiter = newRateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    limiter.take('a');
    limiter.take('a');
    limiter.take('b');
    assert.throws(
      () => limiter.take('a'),
      (e: unknown) => e instanceof HttpProblem && e.status === 429 && e.retryAfter === 60,
    );
    now = 60_000;
    limiter.take('a');
  });
});
