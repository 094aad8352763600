/**
 * The gateway's wallet: each user's enrolment certificate and private key, one sealed file
 * per user, named by a hash of the enrolment ID (no names in file names, no path tricks),
 * written atomically with owner-only permissions. Plain text never touches the disk.
 *
 * Sealing and opening derive a key with scrypt (a 32 MiB buffer each); they run one at a time,
 * so that a burst of logins holds 32 MiB of native memory rather than one buffer per libuv
 * worker thread, which glibc then keeps. What was put or opened is served from memory for the
 * token's lifetime (unsealed-cache.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { open, seal, SealedSchema } from './sealed';
import { newUnsealedCache } from './unsealed-cache';

export interface Credentials {
  readonly certificate: string;
  readonly privateKey: string;
}

export interface Wallet {
  put(userId: string, credentials: Credentials): Promise<void>;
  /** undefined when the user never logged in at this gateway. */
  get(userId: string): Promise<Credentials | undefined>;
}

export interface WalletOptions {
  readonly dir: string;
  readonly secret: string;
  readonly mspId: string;
  /** How long opened entries stay in memory (the token lifetime: 15 minutes). */
  readonly cacheTtlMs?: number;
  /** Opened entries kept at most (1000, as many as Gateway sessions). */
  readonly maxCached?: number;
}

const CredentialsSchema = z.strictObject({
  certificate: z.string().min(1),
  privateKey: z.string().min(1),
});

export function newFileWallet(options: Readonly<WalletOptions>): Wallet {
  const { dir, secret, mspId } = options;
  const owner = (userId: string) => `${mspId}\n${userId}`;
  const cache = newUnsealedCache({
    ttlMs: options.cacheTtlMs ?? 15 * 60_000,
    maxEntries: options.maxCached ?? 1000,
  });
  const oneAtATime = serially();
  const file = (userId: string) =>
    join(dir, `${createHash('sha256').update(owner(userId)).digest('hex')}.json`);

  return {
    async put(userId, credentials) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const plaintext = JSON.stringify(credentials);
      const sealed = await oneAtATime(() => seal(secret, owner(userId), plaintext));
      const target = file(userId);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, JSON.stringify(sealed), { mode: 0o600 });
      await rename(temp, target);
      cache.set(userId, plaintext);
    },

    async get(userId) {
      const cached = cache.get(userId);
      if (cached !== undefined) return CredentialsSchema.parse(JSON.parse(cached));
      let text: string;
      try {
        text = await readFile(file(userId), 'utf8');
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
      const sealed = SealedSchema.parse(JSON.parse(text));
      const plaintext = await oneAtATime(() => open(secret, owner(userId), sealed));
      const credentials = CredentialsSchema.parse(JSON.parse(plaintext));
      cache.set(userId, plaintext);
      return credentials;
    },
  };
}

/** Runs the tasks given to it one after the other, in the order given. */
function serially(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = last.then(task, task);
    last = run.catch(() => undefined);
    return run;
  };
}

function isMissing(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
}
