/**
 * Encryption at rest of a user's credentials: AES-256-GCM under a key derived with scrypt from
 * the gateway's secret and a random salt per entry. The associated data binds an entry to its
 * owner, so an entry copied over another user's file does not open.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';

/** scrypt cost: about 50 ms per derivation; a wallet entry is opened once per session. */
const SCRYPT = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

export const SealedSchema = z.strictObject({
  version: z.literal(1),
  kdf: z.literal('scrypt'),
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
  ciphertext: z.string().regex(/^[A-Za-z0-9+/=]*$/),
});

export type Sealed = z.output<typeof SealedSchema>;

export async function seal(secret: string, owner: string, plaintext: string): Promise<Sealed> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(secret, salt), iv);
  cipher.setAAD(Buffer.from(owner));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    version: 1,
    kdf: 'scrypt',
    salt: salt.toString('hex'),
    iv: iv.toString('hex'),
    tag: cipher.getAuthTag().toString('hex'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Throws when the secret, the owner or any byte of the entry is wrong. */
export async function open(secret: string, owner: string, sealed: Sealed): Promise<string> {
  const key = await deriveKey(secret, Buffer.from(sealed.salt, 'hex'));
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'hex'));
  decipher.setAAD(Buffer.from(owner));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'hex'));
  return Buffer.concat([
    decipher.update(Buffer.from(sealed.ciphertext, 'base64')),
    decipher.final(),
  ]).toString('utf8');
}

function deriveKey(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, 32, SCRYPT, (err, key) => (err ? reject(err) : resolve(key)));
  });
}
