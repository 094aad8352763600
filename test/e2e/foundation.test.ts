/**
 * Issue 2's end-to-end proof on the real network: a registrar of each provider registers a
 * patient through its own peer with the Gateway SDK (demographics in the transient map), the
 * other provider's peer holds the same private copy, and no block of the channel contains
 * the patient's name, birth date or address.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { phiFoundInBlocks } from './support/blocks';
import { runId } from './support/enrol';
import { demographics, salt } from './support/phi';
import { MSP, NETWORK_HOME, type OrgName, TestNetwork } from './support/network';

describe('the foundation, on the real network', function () {
  this.timeout(120_000);
  const net = new TestNetwork();
  const leaked: string[] = [];
  const pseudonyms: string[] = [];
  after(() => net.close());

  it('runs against live CA, orderer, peer and chaincode processes', () => {
    const pids = join(NETWORK_HOME, 'pids');
    const running = readdirSync(pids)
      .filter((f) => f.endsWith('.pid'))
      .filter((f) => {
        try {
          process.kill(Number(readFileSync(join(pids, f), 'utf8')), 0);
          return true;
        } catch {
          return false;
        }
      })
      .map((f) => f.replace(/\.pid$/, ''));
    console.log(`      live processes: ${running.sort().join(', ')}`);
    assert.equal(running.filter((n) => n.startsWith('ca.')).length, 5);
    assert.equal(running.filter((n) => n.startsWith('orderer.')).length, 3);
    assert.equal(running.filter((n) => /\.peer\d+$/.test(n) && !n.startsWith('cc.')).length, 4);
    assert.equal(running.filter((n) => n.startsWith('cc.')).length, 4);
  });

  it('runs every Node process on Node 22 or later: the pinned one unless it was left out', () => {
    const repo = join(__dirname, '..', '..', '..');
    const pinned = (
      JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
        optionalDependencies: { node: string };
      }
    ).optionalDependencies.node;
    const brought = existsSync(join(repo, 'node_modules', '.bin', 'node'));
    const pids = join(NETWORK_HOME, 'pids');
    const versions = new Map<string, string>([['tests', process.version]]);
    for (const f of readdirSync(pids).filter((n) => /^(gateway|cc)\..*\.pid$/.test(n))) {
      const pid = readFileSync(join(pids, f), 'utf8').trim();
      const exe = readlinkSync(`/proc/${pid}/exe`);
      versions.set(f.replace(/\.pid$/, ''), execFileSync(exe, ['-v'], { encoding: 'utf8' }).trim());
    }
    console.log(`      node: ${[...versions].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    assert.ok(versions.size >= 9, 'the tests, four chaincode servers and four gateways');
    for (const [name, version] of versions) {
      const [major = 0, minor = 0] = version.slice(1).split('.').map(Number);
      assert.ok(major > 22 || (major === 22 && minor >= 12), `${name} runs on ${version}`);
      if (brought) assert.equal(version, `v${pinned}`, `${name} runs on the pinned Node`);
    }
  });

  for (const [provider, other] of [
    ['providera', 'providerb'],
    ['providerb', 'providera'],
  ] as [OrgName, OrgName][]) {
    describe(`a registrar of ${provider}`, () => {
      const run = runId();
      // Made by the chaincode at registration (the first test below).
      let patientId = '';
      const person = demographics(run);
      const personSalt = salt();
      leaked.push(person.givenName, person.familyName, person.address, person.mrn);

      it('registers a patient through its own peer and gets the pseudonym and hash back', async () => {
        const registrar = await net.as(provider, 'registrar1');
        const committed = await registrar.contract('records').submit('registerPatient', {
          args: [],
          transient: { payload: JSON.stringify(person), salt: personSalt },
          endorsingOrganizations: [MSP[provider]],
        });
        const result = JSON.parse(committed.result);
        assert.match(result.patientId, /^pat-[0-9a-f]{32}$/);
        patientId = result.patientId;
        pseudonyms.push(patientId);
        assert.match(result.hash, /^[0-9a-f]{64}$/);
        assert.ok(committed.blockNumber > 0n);
      });

      it(`is verified by its own registrar: the private copy matches the ledger's hash`, async () => {
        const registrar = await net.as(provider, 'registrar1');
        const check = JSON.parse(
          await registrar.contract('records').evaluate('verifyDemographics', {
            args: [patientId],
            transient: { payload: JSON.stringify(person), salt: personSalt },
            endorsingOrganizations: [MSP[provider]],
          }),
        );
        assert.deepEqual(check, { patientId, matchesLedger: true, matchesPrivateCopy: true });
      });

      it(`is public on ${other}'s peer, but ${other}'s registrar may not check the demographics`, async () => {
        const records = (await net.as(other, 'registrar1')).contract('records');
        const patient = JSON.parse(await records.evaluate('getPatient', { args: [patientId] }));
        assert.equal(patient.registeredBy, MSP[provider]);
        assert.equal(patient.status, 'active');
        const refused = await records
          .evaluate('verifyDemographics', {
            args: [patientId],
            transient: { payload: JSON.stringify(person), salt: personSalt },
          })
          .then(
            () => 'answered',
            (err: unknown) => String(err),
          );
        assert.match(refused, /FORBIDDEN: patient pat-[0-9a-f]{32} was registered by /);
      });
    });
  }

  describe('after both registrations', () => {
    it('leaves no name, address or MRN of those patients in any block of the channel', async () => {
      const session = await net.as('insurer', 'orgadmin');
      assert.equal(leaked.length, 8);
      assert.deepEqual(await phiFoundInBlocks(session.network, leaked), []);
    });

    it('while the scan does see what is public: the pseudonyms are in the blocks', async () => {
      const session = await net.as('insurer', 'orgadmin');
      assert.deepEqual(await phiFoundInBlocks(session.network, pseudonyms), pseudonyms);
    });
  });
});
