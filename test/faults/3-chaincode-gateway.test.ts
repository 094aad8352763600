/**
 * Drill 3: kill -9 ProviderA's chaincode server, then ProviderA's gateway, while registrars
 * write through the ProviderA and ProviderB gateways and a client follows ProviderA's event
 * stream; restart each. No acknowledged write is lost. The client reconnects with the
 * Last-Event-ID of the last event it got, and the events it receives over both connections
 * are exactly the ledger's PatientRegistered events of that span whose audience is ProviderA
 * (a user's stream carries their organisation's events only): none missed (those committed
 * while the gateway was down included), none twice, and none of ProviderB's.
 */
import assert from 'node:assert/strict';
import type { Network } from '@hyperledger/fabric-gateway';
import { EventReader, type SseEvent } from '../e2e/http/support/sse';
import { runId } from '../e2e/support/enrol';
import { CHAINCODE, MSP } from '../e2e/support/network';
import { Gateways } from '../e2e/security/support/https';
import { drill } from './support/drill';
import { Ledgers, PEER_ORGS } from './support/ledger';
import { acknowledged, type Outcome, patientWriter, statusSummary, Workload } from './support/load';
import { kill9, restart, sleep } from './support/processes';
import { report, seconds } from './support/report';
import { written } from './support/written';

const EVENT = 'PatientRegistered';

/** The ledger's EVENT events for ProviderA's users (audience) from block FROM up to block TO,
 * as "<block>:<txId>". The stream never ends by itself: reading stops after an event beyond
 * TO, or two idle seconds. */
async function ledgerEvents(network: Network, from: number, to: number): Promise<string[]> {
  const ids: string[] = [];
  const events = await network.getChaincodeEvents(CHAINCODE, { startBlock: BigInt(from) });
  const iterator = events[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), sleep(2_000).then(() => undefined)]);
      if (next === undefined || next.done === true) break;
      const e = next.value;
      if (Number(e.blockNumber) > to) break;
      if (e.eventName === EVENT && concernsProviderA(e.payload)) {
        ids.push(`${e.blockNumber}:${e.transactionId}`);
      }
    }
  } finally {
    events.close();
  }
  return ids;
}

function concernsProviderA(payload: Uint8Array): boolean {
  const { audience } = JSON.parse(Buffer.from(payload).toString('utf8')) as { audience?: unknown };
  return Array.isArray(audience) && audience.includes(MSP.providera);
}

drill(
  "drill 3: kill -9 ProviderA's chaincode server and gateway; the event stream resumes",
  function () {
    this.timeout(600_000);
    const gateways = new Gateways();
    const ledgers = new Ledgers();
    const run = runId();
    let outcomes: Outcome[] = [];
    const received: SseEvent[] = [];
    const t = {
      start: 0,
      ccKill: 0,
      ccRestarted: 0,
      ccFirstAck: 0,
      gwKill: 0,
      gwRestarted: 0,
      resumed: 0,
      end: 0,
    };
    let lastBlock = 0;
    after(() => {
      gateways.close();
      ledgers.close();
    });

    it('writes and events go on across both kills and restarts', async () => {
      const [ra, rb, follower] = await Promise.all([
        gateways.login('providera', 'registrar1'),
        gateways.login('providerb', 'registrar1'),
        gateways.login('providera', 'physician1'),
      ]);
      const first = await EventReader.open(follower, { query: `?names=${EVENT}` });
      assert.equal(first.status, 200);
      const load = new Workload([
        patientWriter('ga1', 'providera', ra, run),
        patientWriter('ga2', 'providera', ra, run),
        patientWriter('gb1', 'providerb', rb, run),
      ]);
      t.start = Date.now();
      load.start();
      await sleep(5_000);

      await kill9('cc.providera.peer0');
      t.ccKill = Date.now();
      await sleep(5_000);
      await restart('cc.providera.peer0');
      t.ccRestarted = Date.now();
      while (!load.acknowledgedSince(t.ccRestarted).some((o) => o.org === 'providera')) {
        if (Date.now() - t.ccRestarted > 120_000) throw new Error('ProviderA never wrote again');
        await sleep(100);
      }
      t.ccFirstAck = Date.now();
      await sleep(3_000);

      await kill9('gateway.providera');
      t.gwKill = Date.now();
      await sleep(5_000);
      await restart('gateway.providera');
      t.gwRestarted = Date.now();
      // The client reconnects as a browser would: after the last event id it received.
      received.push(...first.events);
      first.close();
      const lastId = received[received.length - 1]?.id;
      assert.ok(lastId, 'events arrived before the gateway was killed');
      const second = await EventReader.open(follower, {
        query: `?names=${EVENT}`,
        lastEventId: lastId,
      });
      assert.equal(second.status, 200, 'the same token works after the restart');
      t.resumed = Date.now();
      await sleep(5_000);
      outcomes = await load.stop();
      t.end = Date.now();

      // Wait until the stream has delivered the last acknowledged registration.
      lastBlock = Math.max(...outcomes.filter(acknowledged).map((o) => o.blockNumber ?? 0));
      await second.waitFor((e) => e.data.blockNumber >= lastBlock, 60_000);
      await sleep(2_000);
      received.push(...second.events);
      second.close();
    });

    it('every acknowledged write is VALID on every peer', async () => {
      await ledgers.settled();
      const acks = outcomes.filter(acknowledged);
      const statuses = await ledgers.statuses(acks.map((o) => o.transactionId ?? ''));
      const lost = [...statuses].filter(([, row]) => PEER_ORGS.some((org) => row[org] !== 'VALID'));
      assert.deepEqual(lost, []);
      written.publicPatients.push(...acks.map((o) => o.key));
    });

    it('refusals were answers (409, 502, 503) or a broken connection while the gateway was gone', () => {
      // Keep-alive sockets of the killed gateway fail the first requests after its restart too.
      const gatewayGone = (o: Outcome) =>
        o.status === 0 &&
        o.org === 'providera' &&
        o.startedAt >= t.gwKill - 1_000 &&
        o.startedAt <= t.gwRestarted + 3_000;
      const refused = outcomes.filter((o) => !acknowledged(o));
      const unclear = refused.filter(
        (o) => !(o.status === 503 || o.status === 502 || o.status === 409) && !gatewayGone(o),
      );
      assert.deepEqual(unclear, [], statusSummary(unclear));
    });

    it('the events over both connections are exactly the ledger events: none missed, none twice', async () => {
      const ids = received.map((e) => e.id);
      assert.equal(new Set(ids).size, ids.length, 'no event twice');
      const firstBlock = Number(ids[0]?.split(':')[0] ?? 0);
      const expected = await ledgerEvents(
        await ledgers.network('providera'),
        firstBlock,
        lastBlock,
      );
      const missed = expected.filter((id) => !ids.includes(id));
      const extra = ids.filter((id) => !expected.includes(id));
      assert.deepEqual({ missed, extra }, { missed: [], extra: [] });
      assert.deepEqual(ids, expected, 'in ledger order');
      const whileDown = ids.filter((id) =>
        outcomes.some(
          (o) =>
            o.transactionId === id.split(':')[1] &&
            o.endedAt > t.gwKill &&
            o.endedAt < t.gwRestarted,
        ),
      );
      const acks = outcomes.filter(acknowledged);
      const aDuringCc = outcomes.filter(
        (o) => o.org === 'providera' && o.startedAt >= t.ccKill && o.startedAt < t.ccRestarted,
      );
      report("drill 3: kill -9 ProviderA's chaincode server and gateway", {
        load: `3 registrars (2 through ProviderA's gateway, 1 through ProviderB's) for ${seconds(t.end - t.start)}; 1 SSE client on ProviderA's gateway`,
        faults: `kill -9 cc.providera.peer0 for ${seconds(t.ccRestarted - t.ccKill)}; kill -9 gateway.providera for ${seconds(t.gwRestarted - t.gwKill)}`,
        requests: outcomes.length,
        acknowledged: acks.length,
        'acknowledged and found VALID on all 4 peers': acks.length,
        'answers by status': statusSummary(outcomes),
        'slowest answer': seconds(Math.max(...outcomes.map((o) => o.endedAt - o.startedAt))),
        'ProviderA answers while its chaincode server was down': statusSummary(aDuringCc) || 'none',
        'chaincode restart to the next ProviderA acknowledgement': seconds(
          t.ccFirstAck - t.ccRestarted,
        ),
        'gateway restart (until /healthz)': seconds(t.gwRestarted - t.gwKill - 5_000),
        'events received (both connections)': ids.length,
        'ledger events in that span': expected.length,
        'events committed while the gateway was down, delivered on resume': whileDown.length,
        'missed / duplicated': `${missed.length} / ${ids.length - new Set(ids).size}`,
      });
    });
  },
);
