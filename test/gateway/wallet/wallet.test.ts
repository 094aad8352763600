/** The wallet keeps certificates and keys sealed: no plain text on disk, bound to the user. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newFileWallet } from '../../../gateway/src/wallet/wallet';

const credentials = {
  certificate: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  privateKey: '-----BEGIN PRIVATE KEY-----\nSECRETKEYBYTES\n-----END PRIVATE KEY-----\n',
};

describe('file wallet', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'wallet-')), 'wallet');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  const wallet = (secret = 'wallet-test-secret-123') =>
    newFileWallet({ dir, secret, mspId: 'ProviderAMSP' });

  it('gives back what was put', async () => {
    await wallet().put('physician1', credentials);
    assert.deepEqual(await wallet().get('physician1'), credentials);
  });

  it('serves what it put from memory, without opening the file again', async () => {
    const w = wallet();
    await w.put('physician1', credentials);
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(await w.get('physician1'), credentials);
    assert.equal(await wallet().get('physician1'), undefined);
  });

  it('has nothing for a user who never logged in', async () => {
    assert.equal(await wallet().get('nobody'), undefined);
  });

  it('writes no key, certificate or user name in plain text, owner-only', async () => {
    await wallet().put('physician1', credentials);
    const files = readdirSync(dir);
    assert.equal(files.length, 1);
    const [file = ''] = files;
    assert.ok(!file.includes('physician1'));
    const text = readFileSync(join(dir, file), 'utf8');
    assert.ok(
      !text.includes('SECRETKEYBYTES') &&
        !text.includes('PRIVATE KEY') &&
        !text.includes('CERTIFICATE'),
    );
    assert.equal(statSync(join(dir, file)).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
  });

  it('does not open with another secret', async () => {
    await wallet().put('physician1', credentials);
    await assert.rejects(wallet('another-secret-456789').get('physician1'));
  });

  it("does not open an entry copied over another user's file", async () => {
    await wallet().put('physician1', credentials);
    await wallet().put('patient1', { ...credentials, privateKey: 'other' });
    const before = new Set(readdirSync(dir));
    const [a = '', b = ''] = [...before];
    writeFileSync(join(dir, b), readFileSync(join(dir, a)));
    const results = await Promise.allSettled([
      wallet().get('physician1'),
      wallet().get('patient1'),
    ]);
    assert.ok(
      results.some((r) => r.status === 'rejected'),
      'the swapped entry is refused',
    );
  });
});
