/**
 * Drill 4: stop the whole network (network.sh down: gateways, chaincode servers, peers,
 * orderers, CAs, each by its PID) and start it again (network.sh up, gateways.sh start). The
 * ledger comes back at the same height on every peer and orderer, with the same state: every
 * patient the drills registered reads the same, the custodian of every demographics (the
 * registering provider, the only peer that holds them) still holds it and it still matches,
 * every record reads back as filed from its custodian's peer, and a token issued before the
 * restart still works.
 */
import assert from 'node:assert/strict';
import { saltedHash } from '../../chaincode/src/shared/hash';
import { enrolUser, runId } from '../e2e/support/enrol';
import { MSP, type Session } from '../e2e/support/network';
import { custodianOf, licensedPhysician } from '../e2e/support/people';
import { Gateways } from '../e2e/security/support/https';
import { demographicsOf, observation, salt } from '../e2e/security/support/leaks';
import { drill } from './support/drill';
import { Ledgers, PEER_ORGS } from './support/ledger';
import { alive, ordererHeight, orderers, pidOf, script } from './support/processes';
import { report, seconds } from './support/report';
import { written } from './support/written';

/** A little of everything, for when this drill runs alone. */
async function seed(ledgers: Ledgers): Promise<void> {
  const run = runId();
  const registrar = (await ledgers.net.as('providera', 'registrar1')).contract('records');
  // The chaincode makes each pseudonym.
  const register = async (): Promise<string> => {
    const demographics = demographicsOf(run, written.privatePatients.length);
    const personSalt = salt();
    const committed = await registrar.submit('registerPatient', {
      args: [],
      transient: { payload: JSON.stringify(demographics), salt: personSalt },
      endorsingOrganizations: [MSP.providera],
    });
    const { patientId } = JSON.parse(committed.result) as { patientId: string };
    written.privatePatients.push({ patientId, demographics, salt: personSalt });
    written.publicPatients.push(patientId);
    return patientId;
  };
  const consenting = await register();
  for (let n = 0; n < 2; n++) await register();
  const physician = await licensedPhysician(ledgers.net, 'providera', `pr-fw-${run}`);
  for (let n = 0; n < 2; n++) {
    const resource = observation(run);
    const committed = await (await physician.session()).contract('records').submit('addRecord', {
      args: [consenting, ''],
      transient: { payload: JSON.stringify(resource), salt: salt() },
      endorsingOrganizations: [MSP.providera],
    });
    written.records.push({ ...JSON.parse(committed.result), resource });
  }
  const mspDir = await enrolUser('providera', `fw-${run}-p`, {
    role: 'patient',
    patientId: consenting,
  });
  written.consenting = { patientId: consenting, mspDir };
}

drill('drill 4: stop the whole network and start it again', function () {
  this.timeout(600_000);
  let ledgers = new Ledgers();
  let gateways = new Gateways();
  const before = {
    peers: {} as Record<string, number>,
    orderers: [] as number[],
    patients: new Map<string, string>(),
  };
  const t = { down: 0, up: 0, gateways: 0 };
  let token = '';
  after(() => {
    ledgers.close();
    gateways.close();
  });

  async function publicPatients(session: Session): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of written.publicPatients) {
      out.set(id, await session.contract('records').evaluate('getPatient', { args: [id] }));
    }
    return out;
  }

  it('the network stops completely and starts again', async () => {
    if (written.records.length === 0 || !written.consenting) await seed(ledgers);
    before.peers = await (async () => {
      await ledgers.settled();
      return ledgers.heights();
    })();
    before.orderers = await Promise.all(orderers().map(ordererHeight));
    before.patients = await publicPatients(await ledgers.net.as('providerb', 'registrar1'));
    token = (await gateways.login('providera', 'registrar1')).token;
    const pids = [
      'orderer.orderer0',
      'providera.peer0',
      'cc.providera.peer0',
      'gateway.providera',
      'ca.providera',
    ].map(pidOf);
    ledgers.close();
    gateways.close();

    t.down = await script('network.sh', 'down');
    assert.deepEqual(pids.filter(alive), [], 'every process stopped');
    t.up = await script('network.sh', 'up');
    t.gateways = await script('gateways.sh', 'start');
    ledgers = new Ledgers();
    gateways = new Gateways();
  });

  it('every peer and orderer is at the height it had before', async () => {
    assert.deepEqual(await ledgers.heights(), before.peers);
    assert.deepEqual(await Promise.all(orderers().map(ordererHeight)), before.orderers);
  });

  it('every registered patient reads the same as before', async () => {
    const after = await publicPatients(await ledgers.net.as('providerb', 'registrar1'));
    assert.deepEqual([...after], [...before.patients]);
  });

  it('the custodian still holds every private copy of the demographics, and it matches', async () => {
    // ProviderA registered them all: its registrar checks the copy on its own peer, the only
    // one that holds it.
    const registrar = await ledgers.net.as('providera', 'registrar1');
    const records = registrar.contract('records');
    for (const p of written.privatePatients) {
      const check = JSON.parse(
        await records.evaluate('verifyDemographics', {
          args: [p.patientId],
          transient: { payload: JSON.stringify(p.demographics), salt: p.salt },
          endorsingOrganizations: [MSP.providera],
        }),
      );
      assert.deepEqual(
        [check.matchesLedger, check.matchesPrivateCopy],
        [true, true],
        `${p.patientId}`,
      );
    }
  });

  it('every record reads back as filed, by its patient, after a fresh access entry', async () => {
    const consenting = written.consenting;
    assert.ok(consenting);
    const session = await ledgers.net.as('providera', { mspDir: consenting.mspDir });
    const patient = session.contract('records');
    for (const r of written.records) {
      // The entry is the custodian's to write, and only its peer holds the content.
      const custodian = await custodianOf(session, r.recordId);
      await patient.submit('logAccess', {
        args: [r.recordId, 'treatment'],
        endorsingOrganizations: [custodian],
      });
      const read = JSON.parse(
        await patient.evaluate('readRecord', {
          args: [r.recordId, ''],
          endorsingOrganizations: [custodian],
        }),
      );
      assert.deepEqual(read.resource, r.resource, r.recordId);
      assert.equal(read.metadata.hash, r.hash);
      assert.equal(saltedHash(read.salt, read.resource), r.hash);
    }
  });

  it('a token issued before the restart still works at the restarted gateway', async () => {
    const client = gateways.client('providera');
    const me = await client.send('GET', '/me', { token });
    assert.equal(me.status, 200, JSON.stringify(me.body));
    const id = written.publicPatients[0] ?? '';
    const res = await client.send('GET', `/patients/${id}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    report('drill 4: stop the whole network and start it again', {
      fault: 'network.sh down (every process by its PID), network.sh up, gateways.sh start',
      'network.sh down': seconds(t.down),
      'network.sh up': seconds(t.up),
      'gateways.sh start': seconds(t.gateways),
      'peer heights before / after': `${JSON.stringify(before.peers)} / the same`,
      'orderer heights before / after': `${before.orderers.join(', ')} / the same`,
      'registered patients read the same': before.patients.size,
      'demographics matching at their custodian (ProviderA)': written.privatePatients.length,
      'records read back as filed by their patient, at their custodian': written.records.length,
      'peers checked': PEER_ORGS.length,
    });
  });
});
