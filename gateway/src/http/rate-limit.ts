/**
 * A fixed-window request budget per key (a user, or a client address for logins). In memory:
 * each gateway process limits its own traffic.
 */
import { tooManyRequests } from './problem';

export interface RateLimiter {
  /** Throws a 429 problem when KEY has spent its budget in the current window. */
  take(key: string): void;
}

export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs?: number;
  readonly now?: () => number;
}

export function newRateLimiter(options: Readonly<RateLimitOptions>): RateLimiter {
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const windows = new Map<string, { start: number; count: number }>();

  return {
    take(key) {
      const t = now();
      let w = windows.get(key);
      if (w === undefined || t - w.start >= windowMs) {
        if (windows.size > 10_000) sweep(windows, t, windowMs);
        w = { start: t, count: 0 };
        windows.set(key, w);
      }
      w.count += 1;
      if (w.count > options.limit) {
        throw tooManyRequests(Math.max(1, Math.ceil((w.start + windowMs - t) / 1000)));
      }
    },
  };
}

function sweep(windows: Map<string, { start: number }>, t: number, windowMs: number): void {
  for (const [key, w] of windows) if (t - w.start >= windowMs) windows.delete(key);
}
