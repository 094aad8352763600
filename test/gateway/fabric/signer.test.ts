/** The native P-256 signer: signatures Fabric accepts (valid, DER, low S) from Node's crypto. */
import assert from 'node:assert/strict';
import { generateKeyPairSync, verify } from 'node:crypto';
import { hash } from '@hyperledger/fabric-gateway';
import { newSigner, signP256 } from '../../../gateway/src/fabric/signer';

const HALF_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n >> 1n;

/** S of a DER signature: SEQUENCE { INTEGER r, INTEGER s }. */
function sOf(der: Uint8Array): bigint {
  const buf = Buffer.from(der);
  assert.equal(buf[0], 0x30);
  assert.equal(buf[1], buf.length - 2);
  const rLength = buf[3] ?? 0;
  const s = buf.subarray(4 + rLength + 2);
  assert.equal(buf[4 + rLength + 1], s.length);
  return BigInt(`0x${s.toString('hex')}`);
}

describe('native signer', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('signs P-256 keys itself and asks the SDK for the whole message (hash.none)', () => {
    assert.equal(newSigner(privateKey).hash, hash.none);
  });

  it('leaves other curves to the SDK signer over a SHA-256 digest', () => {
    const other = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    assert.equal(newSigner(other).hash, hash.sha256);
  });

  it('makes DER signatures with a low S that verify over the SHA-256 of the message', () => {
    for (let i = 0; i < 200; i++) {
      const message = Buffer.from(`proposal ${i}`);
      const signature = signP256(privateKey, message);
      assert.ok(sOf(signature) <= HALF_N, `signature ${i} has a high S`);
      assert.equal(verify('sha256', message, publicKey, signature), true);
    }
  });
});
