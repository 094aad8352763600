/**
 * Short-lived bearer tokens: the user's claims and an expiry, signed with HMAC-SHA256 under a
 * key derived from the gateway's secret. A token names the organisation whose gateway issued
 * it, and only that gateway accepts it. Stateless, so a restart keeps users signed in.
 * A token that verified is remembered until it expires (bounded, least recently used first
 * out), so that a session's requests after the first skip the HMAC, base64 and claims parsing.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { unauthenticated } from '../http/problem';
import type { AuthUser } from './user';

export interface IssuedToken {
  readonly token: string;
  /** ISO instant. */
  readonly expiresAt: string;
}

export interface TokenService {
  issue(user: AuthUser): IssuedToken;
  /** The user of a valid token; a 401 problem otherwise. */
  verify(token: string): AuthUser;
}

export interface TokenOptions {
  readonly secret: string;
  readonly mspId: string;
  readonly ttlSeconds: number;
  /** Milliseconds since the epoch; injectable for tests. */
  readonly now?: () => number;
  /** Tokens that verified; by default one of DEFAULT_CACHE_ENTRIES. */
  readonly cache?: TokenCache;
}

export const DEFAULT_CACHE_ENTRIES = 10_000;
/** How often the cache drops every expired entry, not only the ones it meets. */
const SWEEP_INTERVAL_MS = 60_000;

/** Users of tokens that verified, each until its token's expiry (milliseconds). */
export interface TokenCache {
  /** The user of TOKEN if it verified before and has not expired at T; else undefined. */
  get(token: string, t: number): AuthUser | undefined;
  set(token: string, user: AuthUser, expiresMs: number, t: number): void;
  readonly size: number;
}

interface Verified {
  readonly user: AuthUser;
  readonly expiresMs: number;
}

export function newTokenCache(maxEntries = DEFAULT_CACHE_ENTRIES): TokenCache {
  // Map order is insertion order: re-inserting on use keeps the least recently used first.
  const entries = new Map<string, Verified>();
  let nextSweep = 0;
  return {
    get(token, t) {
      const entry = entries.get(token);
      if (entry === undefined) return undefined;
      entries.delete(token);
      if (entry.expiresMs <= t) return undefined;
      entries.set(token, entry);
      return entry.user;
    },
    set(token, user, expiresMs, t) {
      if (maxEntries <= 0) return;
      if (t >= nextSweep) {
        for (const [key, entry] of entries) if (entry.expiresMs <= t) entries.delete(key);
        nextSweep = t + SWEEP_INTERVAL_MS;
      }
      entries.delete(token);
      for (const oldest of entries.keys()) {
        if (entries.size < maxEntries) break;
        entries.delete(oldest);
      }
      entries.set(token, { user, expiresMs });
    },
    get size() {
      return entries.size;
    },
  };
}

const VERSION = 'v1';

const ClaimsSchema = z.strictObject({
  sub: z.string().min(1),
  org: z.string().min(1),
  role: z.string(),
  pid: z.string().optional(),
  prid: z.string().optional(),
  iat: z.int(),
  exp: z.int(),
});

type Claims = z.output<typeof ClaimsSchema>;

export function newTokenService(options: Readonly<TokenOptions>): TokenService {
  // A key of its own, so that the token key and the wallet key never coincide.
  const key = Buffer.from(
    hkdfSync('sha256', options.secret, 'healthledger', 'gateway-token-v1', 32),
  );
  const now = options.now ?? Date.now;
  const cache = options.cache ?? newTokenCache();
  const sign = (payload: string) =>
    createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();

  return {
    issue(user) {
      const iat = Math.floor(now() / 1000);
      const claims: Claims = {
        sub: user.id,
        org: user.mspId,
        role: user.role,
        pid: user.patientId,
        prid: user.practitionerId,
        iat,
        exp: iat + options.ttlSeconds,
      };
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return {
        token: `${VERSION}.${payload}.${sign(payload).toString('base64url')}`,
        expiresAt: new Date(claims.exp * 1000).toISOString(),
      };
    },

    verify(token) {
      const t = now();
      const known = cache.get(token, t);
      if (known !== undefined) return known;
      // Only a token that passes every check below gets into the cache.
      const [version, payload, signature, ...rest] = token.split('.');
      if (version !== VERSION || !payload || !signature || rest.length > 0) {
        throw unauthenticated('the token is malformed');
      }
      const expected = sign(payload);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw unauthenticated('the token signature is not valid here');
      }
      const claims = parseClaims(payload);
      if (claims.org !== options.mspId)
        throw unauthenticated('the token belongs to another organisation');
      if (claims.exp * 1000 <= t) throw unauthenticated('the token has expired; log in again');
      // Frozen: from the cache, the same object serves many requests.
      const user: AuthUser = Object.freeze({
        id: claims.sub,
        mspId: claims.org,
        role: claims.role,
        ...(claims.pid === undefined ? {} : { patientId: claims.pid }),
        ...(claims.prid === undefined ? {} : { practitionerId: claims.prid }),
      });
      cache.set(token, user, claims.exp * 1000, t);
      return user;
    },
  };
}

function parseClaims(payload: string): Claims {
  try {
    return ClaimsSchema.parse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
  } catch {
    throw unauthenticated('the token is malformed');
  }
}
