/**
 * A Fabric identity for the Gateway SDK: an enrolment certificate and its signer (with the
 * hash the SDK applies before signing), read from an MSP folder as the Fabric CA client
 * writes it (signcerts/cert.pem, keystore/key.pem).
 */
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hash, Identity, Signer } from '@hyperledger/fabric-gateway';
import { newSigner } from './signer';

export interface SigningIdentity {
  readonly identity: Identity;
  readonly signer: Signer;
  readonly hash: Hash;
}

export function newSigningIdentity(
  mspId: string,
  certificatePem: string,
  privateKeyPem: string,
): SigningIdentity {
  return {
    identity: { mspId, credentials: Buffer.from(certificatePem) },
    ...newSigner(createPrivateKey(privateKeyPem)),
  };
}

export async function loadMspIdentity(mspId: string, mspDir: string): Promise<SigningIdentity> {
  const [certificate, key] = await Promise.all([
    readFile(join(mspDir, 'signcerts', 'cert.pem'), 'utf8'),
    readFile(join(mspDir, 'keystore', 'key.pem'), 'utf8'),
  ]);
  return newSigningIdentity(mspId, certificate, key);
}
