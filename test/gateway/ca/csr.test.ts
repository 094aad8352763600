/** The CSR the gateway sends to the CA, and the attributes it reads back from certificates. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublicKey, verify } from 'node:crypto';
import { certificateAttributes } from '../../../gateway/src/ca/attributes';
import { newKeyAndCsr } from '../../../gateway/src/ca/csr';
import { readTlv } from '../../../gateway/src/ca/der';

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s/g, ''), 'base64');
}

describe('newKeyAndCsr', () => {
  it('makes a P-256 key and a CSR signed by it, for the enrolment ID', async () => {
    const { privateKey, csrPem } = await newKeyAndCsr('physician1');
    assert.equal(privateKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
    assert.match(csrPem, /^-----BEGIN CERTIFICATE REQUEST-----\n/);
    const der = derOf(csrPem);
    const outer = readTlv(der, 0);
    assert.ok(outer);
    const info = readTlv(outer.value, 0);
    assert.ok(info);
    const infoDer = outer.value.subarray(0, info.end);
    const algorithm = readTlv(outer.value, info.end);
    assert.ok(algorithm);
    const signature = readTlv(outer.value, algorithm.end);
    assert.ok(signature);
    const ok = verify('sha256', infoDer, createPublicKey(privateKey), signature.value.subarray(1));
    assert.equal(ok, true, 'the signature verifies with the public key');
    assert.ok(infoDer.includes(Buffer.from('physician1')), 'names the enrolment ID');
  });
});

describe('certificateAttributes', () => {
  it('reads role and links from a Fabric CA certificate', () => {
    const pem = readFileSync(
      join(__dirname, '..', '..', '..', '..', 'test', 'gateway', 'fixtures', 'physician-cert.pem'),
      'utf8',
    );
    const attrs = certificateAttributes(pem);
    assert.equal(attrs.role, 'physician');
    assert.equal(attrs.practitionerId, 'pr-a-phys1');
  });
});
