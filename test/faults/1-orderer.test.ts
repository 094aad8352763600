/**
 * Drill 1: kill -9 the Raft leader among the three orderers while eight writers register
 * patients, issue licences and publish plans through all four gateways; restart it. The
 * other two keep the channel going; every write a gateway acknowledged (2xx with a
 * transaction ID) is committed VALID on every peer; every write it refused got a clear 409 or
 * 503; the restarted orderer catches up with the others.
 */
import assert from 'node:assert/strict';
import { runId } from '../e2e/support/enrol';
import type { User } from '../e2e/http/support/http';
import { Gateways } from '../e2e/security/support/https';
import { drill } from './support/drill';
import { Ledgers, PEER_ORGS } from './support/ledger';
import {
  acknowledged,
  licenceWriter,
  type Outcome,
  patientWriter,
  planWriter,
  statusSummary,
  Workload,
} from './support/load';
import {
  kill9,
  type Orderer,
  ordererHeight,
  orderers,
  raftLeader,
  restart,
  sleep,
} from './support/processes';
import { report, seconds } from './support/report';
import { written } from './support/written';

drill('drill 1: kill -9 the Raft leader orderer under load', function () {
  this.timeout(600_000);
  const gateways = new Gateways();
  const ledgers = new Ledgers();
  const run = runId();
  let outcomes: Outcome[] = [];
  let victim: Orderer;
  const t = { start: 0, kill: 0, restarted: 0, caughtUp: 0, end: 0 };
  after(() => {
    gateways.close();
    ledgers.close();
  });

  it('the load goes on while the leader is down, and the restarted orderer catches up', async () => {
    const [ra, rb, officer, adjudicator] = await Promise.all([
      gateways.login('providera', 'registrar1'),
      gateways.login('providerb', 'registrar1'),
      gateways.login('board', 'officer1'),
      gateways.login('insurer', 'adjudicator1'),
    ]);
    const load = new Workload([
      patientWriter('a1', 'providera', ra, run),
      patientWriter('a2', 'providera', ra, run),
      patientWriter('b1', 'providerb', rb, run),
      patientWriter('b2', 'providerb', rb, run),
      licenceWriter('l1', officer, run),
      licenceWriter('l2', officer, run),
      planWriter('p1', adjudicator, run),
      planWriter('p2', adjudicator, run),
    ]);
    t.start = Date.now();
    load.start();
    await sleep(8_000);
    victim = raftLeader();
    await kill9(`orderer.${victim}`);
    t.kill = Date.now();
    // Long enough for the two survivors to elect a leader (Raft election timeout: 5 s) and
    // for writers stuck on a transaction lost with the leader to time out (faults.sh sets the
    // gateways' commit deadline to 15 s) and write again, even on a busy machine.
    await sleep(25_000);
    await restart(`orderer.${victim}`);
    t.restarted = Date.now();
    for (;;) {
      const others = await Promise.all(
        orderers()
          .filter((o) => o !== victim)
          .map(ordererHeight),
      );
      if ((await ordererHeight(victim)) >= Math.max(...others)) break;
      if (Date.now() - t.restarted > 120_000) throw new Error(`${victim} never caught up`);
      await sleep(100);
    }
    t.caughtUp = Date.now();
    await sleep(5_000);
    outcomes = await load.stop();
    t.end = Date.now();
    const duringFault = load.acknowledgedSince(t.kill, t.restarted);
    assert.ok(duringFault.length > 0, 'writes were acknowledged while the leader was down');
  });

  it('every acknowledged write is committed VALID on every peer', async () => {
    const height = await ledgers.settled();
    const acks = outcomes.filter(acknowledged);
    const statuses = await ledgers.statuses(acks.map((o) => o.transactionId ?? ''));
    const lost = [...statuses].filter(([, row]) => PEER_ORGS.some((org) => row[org] !== 'VALID'));
    assert.deepEqual(lost, [], 'acknowledged but not VALID everywhere');
    written.publicPatients.push(...acks.filter((o) => o.key.startsWith('pat-')).map((o) => o.key));

    const refused = outcomes.filter((o) => !acknowledged(o));
    // A 503 after endorsement says "it may still commit": count those that did.
    const reader = await gateways.login('providerb', 'registrar1');
    let committedAnyway = 0;
    for (const o of refused) if (await exists(reader, o.key)) committedAnyway += 1;
    const orderersHeights = await Promise.all(orderers().map(ordererHeight));
    report('drill 1: kill -9 the Raft leader orderer under load', {
      load: `8 writers over 4 gateways (patients at ProviderA and ProviderB, licences, plans) for ${seconds(t.end - t.start)}`,
      fault: `kill -9 ${victim} (the Raft leader) for ${seconds(t.restarted - t.kill)}, then restarted`,
      requests: outcomes.length,
      acknowledged: acks.length,
      'acknowledged and found VALID on all 4 peers': acks.length - lost.length,
      'acknowledged while the leader was down': outcomes.filter(
        (o) => acknowledged(o) && o.startedAt >= t.kill && o.endedAt <= t.restarted,
      ).length,
      refused: `${refused.length} (${statusSummary(refused) || 'none'})`,
      'refused but committed all the same': committedAnyway,
      'answers by status': statusSummary(outcomes),
      'slowest answer': seconds(Math.max(...outcomes.map((o) => o.endedAt - o.startedAt))),
      'longest gap between acknowledgements': seconds(longestGap(acks)),
      'kill to the first acknowledgement sent after it': seconds(
        Math.min(...acks.filter((o) => o.startedAt >= t.kill).map((o) => o.endedAt)) - t.kill,
      ),
      'orderer restart to caught up': seconds(t.caughtUp - t.restarted),
      'peer height afterwards (all 4 equal)': height,
      'orderer heights afterwards': orderersHeights.join(', '),
    });
  });

  it('every refused write got a clear 409 or 503, and an answer', () => {
    const unclear = outcomes.filter(
      (o) => !acknowledged(o) && !(o.status === 409 || o.status === 503),
    );
    assert.deepEqual(unclear, [], statusSummary(unclear));
  });

  it('the restarted orderer holds the same chain height as the other two', async () => {
    const heights = await Promise.all(orderers().map(ordererHeight));
    assert.ok(
      heights.every((h) => h === heights[0]),
      heights.join(', '),
    );
  });

  it("acknowledged patients are readable through the other provider's gateway", async () => {
    const reader = await gateways.login('providerb', 'registrar1');
    const mine = outcomes.filter((o) => acknowledged(o) && o.org === 'providera');
    for (const o of mine) {
      const res = await reader.get(`/patients/${o.key}`);
      assert.equal(res.status, 200, `${o.key}: ${JSON.stringify(res.body)}`);
    }
  });
});

/** Whether the patient, licence or plan KEY exists on the ledger. */
async function exists(reader: User, key: string): Promise<boolean> {
  if (key.startsWith('pat-')) return (await reader.get(`/patients/${key}`)).status === 200;
  // A registration without an answer: its pseudonym, made by the chaincode, is unknown.
  if (key.startsWith('registration-')) return false;
  if (key.startsWith('plan-')) return (await reader.get(`/plans/${key}`)).status === 200;
  const res = await reader.get(`/credentials/${key}/history`);
  return res.status === 200;
}

/** The longest time between two consecutive acknowledgements, in ms. */
function longestGap(acks: readonly Outcome[]): number {
  const ends = acks.map((o) => o.endedAt).sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < ends.length; i++) gap = Math.max(gap, (ends[i] ?? 0) - (ends[i - 1] ?? 0));
  return gap;
}
