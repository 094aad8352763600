/**
 * Private keys at rest in the gateways' wallets: after users of every organisation have
 * logged in, each wallet file is sealed JSON, owner-only, named by a hash (no enrolment ID),
 * and holds no PEM, no "PRIVATE KEY" and no PKCS#8 key in base64 or hex. The file of a user
 * who just logged in opens with the gateway's secret and gives that user's certificate; with
 * another secret it does not open.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { newFileWallet } from '../../../gateway/src/wallet/wallet';
import { MSP, NETWORK_HOME, type OrgName } from '../support/network';
import { Gateways } from './support/https';
import { count } from './support/refusals';

const ORGS: readonly OrgName[] = ['providera', 'providerb', 'insurer', 'board'];
const USERS: Record<OrgName, string> = {
  providera: 'registrar1',
  providerb: 'registrar1',
  insurer: 'adjudicator1',
  board: 'officer1',
};
// The DER prefix of a PKCS#8 P-256 private key, as bytes, base64 and hex.
const PKCS8 = Buffer.from('308187020100301306072a8648ce3d020106082a8648ce3d030107', 'hex');
const MARKERS = [
  '-----BEGIN',
  'PRIVATE KEY',
  PKCS8.toString('base64').slice(0, 24),
  PKCS8.toString('hex'),
  'MIGHAgEAMBMGByqGSM49',
];

const walletDir = (org: OrgName) => join(NETWORK_HOME, 'gateways', org, 'wallet');
const secretOf = (org: OrgName) =>
  readFileSync(join(NETWORK_HOME, 'gateways', org, 'gateway.secret'), 'utf8').trim();

describe('private keys at rest in the gateway wallets', function () {
  this.timeout(120_000);
  const gateways = new Gateways();
  after(() => gateways.close());

  before(async () => {
    for (const org of ORGS) await gateways.login(org, USERS[org]);
  });

  for (const org of ORGS) {
    it(`${org}: every wallet file is sealed, owner-only and free of key material in the clear`, () => {
      const dir = walletDir(org);
      assert.equal(statSync(dir).mode & 0o077, 0, 'the wallet folder is owner-only');
      const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
      assert.ok(files.length > 0, 'someone logged in');
      for (const file of files) {
        assert.match(file, /^[0-9a-f]{64}\.json$/, 'named by a hash, not an enrolment ID');
        const path = join(dir, file);
        assert.equal(statSync(path).mode & 0o077, 0, `${file} is owner-only`);
        const text = readFileSync(path, 'utf8');
        const clear = MARKERS.filter((m) => text.includes(m));
        count('keys at rest', clear.length === 0 ? 'sealed' : 'IN THE CLEAR', clear.length === 0);
        assert.deepEqual(clear, [], `${file} holds key material in the clear`);
        // Every base64 run in the file, decoded, must not be a key either.
        for (const run of text.match(/[A-Za-z0-9+/=_-]{40,}/g) ?? []) {
          const bytes = Buffer.from(run, 'base64');
          assert.ok(!bytes.includes(PKCS8), `${file}: a base64 field decodes to a PKCS#8 key`);
          assert.ok(!bytes.toString('latin1').includes('-----BEGIN'), `${file}: decodes to PEM`);
        }
      }
    });

    it(`${org}: the user's file opens with the gateway's secret only`, async () => {
      const user = USERS[org];
      const name = createHash('sha256').update(`${MSP[org]}\n${user}`).digest('hex');
      assert.ok(readdirSync(walletDir(org)).includes(`${name}.json`), 'the user has a sealed file');
      const opened = await newFileWallet({
        dir: walletDir(org),
        secret: secretOf(org),
        mspId: MSP[org],
      }).get(user);
      assert.match(opened?.certificate ?? '', /BEGIN CERTIFICATE/);
      assert.match(opened?.privateKey ?? '', /PRIVATE KEY/);
      const wrong = newFileWallet({
        dir: walletDir(org),
        secret: `${secretOf(org)}x`,
        mspId: MSP[org],
      });
      await assert.rejects(wrong.get(user), 'another secret does not open it');
    });
  }
});
