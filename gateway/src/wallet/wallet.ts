/**
 * The gateway's wallet: each user's enrolment certificate and private key, one sealed file
 * per user, named by a hash of the enrolment ID (no names in file names, no path tricks),
 * written atomically with owner-only permissions. Plain text never touches the disk.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { open, seal, SealedSchema } from './sealed';

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
}

const CredentialsSchema = z.strictObject({
  certificate: z.string().min(1),
  privateKey: z.string().min(1),
});

export function newFileWallet(options: Readonly<WalletOptions>): Wallet {
  const { dir, secret, mspId } = options;
  const owner = (userId: string) => `${mspId}\n${userId}`;
  const file = (userId: string) =>
    join(dir, `${createHash('sha256').update(owner(userId)).digest('hex')}.json`);

  return {
    async put(userId, credentials) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const sealed = await seal(secret, owner(userId), JSON.stringify(credentials));
      const target = file(userId);
      const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, JSON.stringify(sealed), { mode: 0o600 });
      await rename(temp, target);
    },

    async get(userId) {
      let text: string;
      try {
        text = await readFile(file(userId), 'utf8');
      } catch (err) {
        if (isMissing(err)) return undefined;
        throw err;
      }
      const sealed = SealedSchema.parse(JSON.parse(text));
      return CredentialsSchema.parse(JSON.parse(await open(secret, owner(userId), sealed)));
    },
  };
}

function isMissing(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'ENOENT';
}
