/** Loads the CA registrar's identity from an MSP folder as fabric-ca-client writes it. */
import { createPrivateKey } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Registrar } from './ca-client';

export async function loadRegistrar(mspDir: string): Promise<Registrar> {
  const certificate = await readFile(await onlyFile(join(mspDir, 'signcerts')), 'utf8');
  const key = await readFile(await onlyFile(join(mspDir, 'keystore')), 'utf8');
  return { certificate, privateKey: createPrivateKey(key) };
}

async function onlyFile(dir: string): Promise<string> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.'));
  const [first] = names;
  if (first === undefined || names.length > 1) {
    throw new Error(`expected exactly one file in ${dir}, found ${names.length}`);
  }
  return join(dir, first);
}
