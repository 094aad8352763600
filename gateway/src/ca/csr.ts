/**
 * A fresh P-256 key pair and a PKCS#10 certificate signing request for it, with the enrolment
 * ID as common name (the Fabric CA replaces the rest of the subject with its own).
 */
import { createPublicKey, generateKeyPair, type KeyObject, sign } from 'node:crypto';
import {
  bitString,
  contextConstructed,
  objectIdentifier,
  sequence,
  set,
  smallInteger,
  utf8String,
} from './der';

const COMMON_NAME = '2.5.4.3';
const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

export interface KeyAndCsr {
  readonly privateKey: KeyObject;
  readonly csrPem: string;
}

export async function newKeyAndCsr(commonName: string): Promise<KeyAndCsr> {
  const privateKey = await new Promise<KeyObject>((resolve, reject) =>
    generateKeyPair('ec', { namedCurve: 'P-256' }, (err, _pub, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const info = sequence(
    smallInteger(0),
    sequence(set(sequence(objectIdentifier(COMMON_NAME), utf8String(commonName)))),
    spki,
    contextConstructed(0, Buffer.alloc(0)),
  );
  const signature = sign('sha256', info, privateKey);
  const der = sequence(info, sequence(objectIdentifier(ECDSA_WITH_SHA256)), bitString(signature));
  return { privateKey, csrPem: toPem('CERTIFICATE REQUEST', der) };
}

function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
