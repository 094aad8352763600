/**
 * Drill 2: kill -9 ProviderB's peer while ProviderA writes private data of the clinical
 * collection (ProviderA and ProviderB; requiredPeerCount 0, so writes go on without it):
 * patient registrations and records of a patient who consented to ProviderB. Restart it. It
 * catches up on the blocks, then gets the private data it missed (pulled at commit or
 * reconciled), and every copy it holds hashes to what the public ledger says.
 */
import assert from 'node:assert/strict';
import { saltedHash } from '../../chaincode/src/shared/hash';
import { instant } from '../e2e/support/claims-data';
import { enrolUser, runId } from '../e2e/support/enrol';
import { MSP, type Session } from '../e2e/support/network';
import { licensedPhysician, type Practitioner } from '../e2e/support/people';
import { demographicsOf, observation, salt } from '../e2e/security/support/leaks';
import { drill } from './support/drill';
import { Ledgers, PEER_ORGS } from './support/ledger';
import { kill9, logSince, logSize, restart, sleep } from './support/processes';
import { report, seconds } from './support/report';
import { type PrivatePatient, type WrittenRecord, written } from './support/written';

interface Ack {
  readonly kind: 'patient' | 'record';
  readonly transactionId: string;
  readonly at: number;
}

drill("drill 2: kill -9 ProviderB's peer while private data is written", function () {
  this.timeout(600_000);
  const ledgers = new Ledgers();
  const net = ledgers.net;
  const run = runId();
  const consenting = `pat-fc${run}`;
  let registrar: Session;
  let physicianA: Practitioner;
  let physicianB: Practitioner;
  const patients: PrivatePatient[] = [];
  const records: WrittenRecord[] = [];
  const acks: Ack[] = [];
  const failures: string[] = [];
  const t = { start: 0, kill: 0, restarted: 0, blocksCaughtUp: 0, reconciled: 0, end: 0 };
  let logOffset = 0;
  after(() => ledgers.close());

  before(async () => {
    registrar = await net.as('providera', 'registrar1');
    [physicianA, physicianB] = await Promise.all([
      licensedPhysician(net, 'providera', `pr-fa-${run}`),
      licensedPhysician(net, 'providerb', `pr-fb-${run}`),
    ]);
    await register(consenting);
    const mspDir = await enrolUser('providera', `f-${run}-pc`, {
      role: 'patient',
      patientId: consenting,
    });
    const patient = await net.as('providera', { mspDir });
    await patient.contract('consent').submit('grantConsent', {
      args: [
        JSON.stringify({
          patientId: consenting,
          grantee: { kind: 'organisation', mspId: MSP.providerb },
          scope: 'all',
          purpose: 'treatment',
          validFrom: instant(-1),
          validTo: instant(60 * 24),
        }),
      ],
    });
    written.consenting = { patientId: consenting, mspDir };
    await ledgers.settled();
  });

  async function register(patientId: string): Promise<void> {
    const demographics = demographicsOf(run, patients.length);
    const personSalt = salt();
    const committed = await registrar.contract('records').submit('registerPatient', {
      args: [patientId],
      transient: { payload: JSON.stringify(demographics), salt: personSalt },
      endorsingOrganizations: [MSP.providera],
    });
    patients.push({ patientId, demographics, salt: personSalt });
    acks.push({ kind: 'patient', transactionId: committed.transactionId, at: Date.now() });
  }

  async function file(): Promise<void> {
    const resource = observation(run);
    const committed = await (await physicianA.session()).contract('records').submit('addRecord', {
      args: [consenting, ''],
      transient: { payload: JSON.stringify(resource), salt: salt() },
      endorsingOrganizations: [MSP.providera],
    });
    const added = JSON.parse(committed.result) as Omit<WrittenRecord, 'resource'>;
    records.push({ ...added, resource });
    acks.push({ kind: 'record', transactionId: committed.transactionId, at: Date.now() });
  }

  /** Writes through ProviderA until told to stop; failures are kept, not thrown. */
  function writer(write: () => Promise<void>, running: () => boolean): Promise<void> {
    return (async () => {
      while (running()) {
        try {
          await write();
        } catch (err) {
          failures.push(String((err as Error).message).split('\n')[0] ?? '');
        }
      }
    })();
  }

  it('ProviderA writes on while ProviderB is down; ProviderB restarts and catches up on blocks', async () => {
    let running = true;
    let n = 0;
    t.start = Date.now();
    const writers = [
      writer(
        () => register(`pat-fp${run}${n++}`),
        () => running,
      ),
      writer(
        () => register(`pat-fp${run}${n++}`),
        () => running,
      ),
      writer(file, () => running),
    ];
    await sleep(5_000);
    await kill9('providerb.peer0');
    t.kill = Date.now();
    await sleep(15_000);
    running = false;
    await Promise.all(writers);
    logOffset = logSize('providerb.peer0');
    await restart('providerb.peer0');
    t.restarted = Date.now();
    const target = await ledgers.height('providera');
    while ((await ledgers.height('providerb')) < target) {
      if (Date.now() - t.restarted > 180_000) throw new Error('ProviderB never caught up');
      await sleep(100);
    }
    t.blocksCaughtUp = Date.now();
    assert.ok(
      acks.filter((a) => a.at > t.kill).length > 0,
      'private data was written while ProviderB was down',
    );
  });

  it("ProviderB's peer then holds every demographics and record it missed, each hashing to the ledger", async () => {
    const registrarB = (await net.as('providerb', 'registrar1')).contract('records');
    const readerB = await physicianB.session();
    for (let i = 0; i < records.length; i += 10) {
      await Promise.all(
        records
          .slice(i, i + 10)
          .map((r) =>
            readerB.contract('records').submit('logAccess', { args: [r.recordId, 'treatment'] }),
          ),
      );
    }
    const pending = new Set([
      ...patients.map((p) => p.patientId),
      ...records.map((r) => r.recordId),
    ]);
    while (pending.size > 0) {
      for (const p of patients.filter((x) => pending.has(x.patientId))) {
        try {
          const check = JSON.parse(
            await registrarB.evaluate('verifyDemographics', {
              args: [p.patientId],
              transient: { payload: JSON.stringify(p.demographics), salt: p.salt },
              endorsingOrganizations: [MSP.providerb],
            }),
          );
          assert.equal(check.matchesLedger, true, `${p.patientId}: the copy hashes to the ledger`);
          if (check.matchesPrivateCopy === true) pending.delete(p.patientId);
        } catch (err) {
          if (!notHereYet(err)) throw err;
        }
      }
      for (const r of records.filter((x) => pending.has(x.recordId))) {
        try {
          const read = JSON.parse(
            await readerB.contract('records').evaluate('readRecord', {
              args: [r.recordId, ''],
              endorsingOrganizations: [MSP.providerb],
            }),
          );
          assert.deepEqual(read.resource, r.resource, `${r.recordId}: the content as written`);
          assert.equal(
            saltedHash(read.salt, read.resource),
            read.metadata.hash,
            `${r.recordId}: hash`,
          );
          assert.equal(read.metadata.hash, r.hash);
          pending.delete(r.recordId);
        } catch (err) {
          if (!notHereYet(err)) throw err;
        }
      }
      if (pending.size === 0) break;
      if (Date.now() - t.restarted > 300_000)
        throw new Error(`never reconciled: ${[...pending].join(', ')}`);
      await sleep(500);
    }
    t.reconciled = Date.now();
    written.privatePatients.push(...patients);
    written.records.push(...records);
  });

  it('every acknowledged write is VALID on every peer', async () => {
    await ledgers.settled();
    const statuses = await ledgers.statuses(acks.map((a) => a.transactionId));
    const lost = [...statuses].filter(([, row]) => PEER_ORGS.some((org) => row[org] !== 'VALID'));
    assert.deepEqual(lost, []);
    const log = logSince('providerb.peer0', logOffset);
    const reconciledKeys = log
      .split('\n')
      .filter(
        (l) => /privdata\]/.test(l) && /reconcil/i.test(l) && !/marked to reconcile later/.test(l),
      ).length;
    report("drill 2: kill -9 ProviderB's peer while private data is written", {
      load:
        '2 registrars and 1 physician writing through ProviderA (clinical collection) for ' +
        seconds(t.kill - t.start + 15_000),
      fault: `kill -9 providerb.peer0 for ${seconds(t.restarted - t.kill)} (15 s of writes while it was down)`,
      acknowledged: acks.length,
      'acknowledged and found VALID on all 4 peers': acks.length - lost.length,
      'written while ProviderB was down': acks.filter((a) => a.at > t.kill).length,
      'failed writes': `${failures.length}${failures.length ? ` (${[...new Set(failures)].join('; ')})` : ''}`,
      'private items checked on ProviderB (demographics + records)': `${patients.length} + ${records.length}`,
      'restart to blocks caught up (commits wait for the missed private data)': seconds(
        t.blocksCaughtUp - t.restarted,
      ),
      'restart to every private copy checked on ProviderB (incl. 1 access entry per record)':
        t.reconciled === 0 ? 'not reached' : seconds(t.reconciled - t.restarted),
      'private write sets pulled from other peers at commit': pulledFromPeers(log),
      'reconciliation lines in the peer log after the restart': reconciledKeys,
    });
  });
});

/** ProviderB's peer has the hash of a private write but not (yet) the value: the chaincode
 * answers PRIVATE_DATA_PENDING (the peer refuses the read) or NOT_FOUND (nothing to read). */
function notHereYet(err: unknown): boolean {
  const details = (err as { details?: { message?: string }[] }).details ?? [];
  const text = [String(err), ...details.map((d) => d.message ?? '')].join('\n');
  return /PRIVATE_DATA_PENDING|NOT_FOUND/.test(text);
}

/** Private write sets the peer's log says came "from other peers" at commit. */
function pulledFromPeers(log: string): number {
  return [...log.matchAll(/(\d+) from other peers/g)].reduce((sum, m) => sum + Number(m[1]), 0);
}
