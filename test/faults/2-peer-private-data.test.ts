/**
 * Drill 2: kill -9 the insurer's peer while ProviderA submits claims, and restart it. A
 * claim's contents live in claimsProviderA, whose members are ProviderA and the insurer, and
 * every write to it needs both peers' endorsement: while the insurer's peer is down, new
 * claims are refused (an answer, not a loss), and claims it endorsed just before the kill
 * commit without it. Its transient store (what it endorsed and had not committed) is removed
 * before the restart, so what it missed has to come from ProviderA's peer, pulled at commit
 * or reconciled. After the restart it catches up on the blocks, holds the contents of every
 * claim, each hashing to the public ledger, and holds nothing it is not entitled to: no
 * demographics of ProviderA's patients (ProviderA's implicit collection), as ProviderB's peer
 * holds no claim of ProviderA. */
import assert from 'node:assert/strict';
import type { Contract } from '@hyperledger/fabric-gateway';
import { saltedHash } from '../../chaincode/src/shared/hash';
import { planTerms } from '../e2e/support/claims-data';
import { SubmittedClaimViewSchema } from '../e2e/support/claims-flow';
import { runId } from '../e2e/support/enrol';
import { CHAINCODE, MSP, type Session } from '../e2e/support/network';
import { day, issueLicence, licenceRequest } from '../e2e/support/people';
import { demographicsOf, salt } from '../e2e/security/support/leaks';
import { Gateways } from '../e2e/security/support/https';
import { drill } from './support/drill';
import { Ledgers, PEER_ORGS } from './support/ledger';
import {
  acknowledged,
  type ClaimBody,
  claimWriter,
  type Outcome,
  statusSummary,
  Workload,
} from './support/load';
import { dropTransientStore, kill9, logSince, logSize, restart, sleep } from './support/processes';
import { report, seconds } from './support/report';
import { type PrivatePatient, written } from './support/written';

const INSURER_PEER = 'insurer.peer0';
const CLAIM_PARTIES = [MSP.providera, MSP.insurer];
/** Members per writer: a member's claims are at least this many claims apart. */
const POOL = 6;
/** Claims endorsed by both peers just before the kill and sent to the orderer after it. */
const IN_FLIGHT = 4;

interface Ack {
  readonly claimId: string;
  readonly transactionId: string;
  readonly blockNumber: number;
}

drill("drill 2: kill -9 the insurer's peer while claims are written", function () {
  this.timeout(600_000);
  const ledgers = new Ledgers();
  const gateways = new Gateways();
  const net = ledgers.net;
  const run = runId();
  const planId = `plan-fc-${run}`;
  const practitionerId = `pr-fc-${run}`;
  const patients: PrivatePatient[] = [];
  const sent = new Map<string, ClaimBody>();
  const inFlight: Ack[] = [];
  let load: Workload | undefined;
  let outcomes: Outcome[] = [];
  let acks: Ack[] = [];
  let adjudicator: Session;
  /** The insurer's peer missed blocks from its height at the kill up to the others' height
   * at its restart. */
  const missedBlocks = { from: 0, to: 0 };
  let logOffset = 0;
  const t = { start: 0, kill: 0, restarted: 0, blocksCaughtUp: 0, readBack: 0, end: 0 };
  after(async () => {
    await load?.stop();
    gateways.close();
    ledgers.close();
  });

  before(async () => {
    adjudicator = await net.as('insurer', 'adjudicator1');
    const intake = (await net.as('insurer', 'intake1')).contract('claims');
    const registrar = (await net.as('providera', 'registrar1')).contract('records');
    await adjudicator.contract('claims').submit('publishPlan', {
      args: [JSON.stringify(planTerms(planId, false))],
      endorsingOrganizations: [MSP.insurer],
    });
    await issueLicence(net, licenceRequest(practitionerId, `LIC-${practitionerId}`, MSP.providera));
    // The chaincode makes each pseudonym.
    const ids = await Promise.all(
      Array.from({ length: 3 * POOL }, async (_, n) => {
        const demographics = demographicsOf(run, n);
        const personSalt = salt();
        const committed = await registrar.submit('registerPatient', {
          args: [],
          transient: { payload: JSON.stringify(demographics), salt: personSalt },
          endorsingOrganizations: [MSP.providera],
        });
        const { patientId } = JSON.parse(committed.result) as { patientId: string };
        patients.push({ patientId, demographics, salt: personSalt });
        return patientId;
      }),
    );
    await ledgers.settled();
    for (const patientId of ids) {
      const enrolment = {
        patientId,
        planId,
        memberNumber: `MBR-${patientId}`,
        coverageFrom: day(-30),
        coverageTo: day(300),
      };
      await intake.submit('enrolMember', {
        transient: { payload: JSON.stringify(enrolment), salt: salt() },
        endorsingOrganizations: [MSP.insurer],
      });
    }
    await ledgers.settled();
  });

  /** Claims endorsed by both peers now, to be sent to the orderer later. */
  async function endorseClaims(members: readonly string[]) {
    const registrar = await net.as('providera', 'registrar1');
    const contract: Contract = registrar.network.getContract(CHAINCODE, 'claims');
    return Promise.all(
      members.map(async (patientId, n) => {
        const body: ClaimBody = {
          claimId: `clm-f-${run}-sdk-${n}`,
          patientId,
          renderingPractitionerId: practitionerId,
          serviceDate: day(0),
          diagnosisCodes: [`ZQ${run.slice(0, 6).toUpperCase()}${n}`],
          lines: [{ code: '99213', units: 1, chargeCents: 18_000 }],
        };
        sent.set(body.claimId, body);
        const proposal = contract.newProposal('submitClaim', {
          transientData: { payload: JSON.stringify(body), salt: salt() },
          endorsingOrganizations: CLAIM_PARTIES,
        });
        return { claimId: body.claimId, transaction: await proposal.endorse() };
      }),
    );
  }

  /** Endorses the in-flight claims, kills the insurer's peer, sends them, keeps it down for
   * 15 s, restarts it and waits until it has caught up and claims are acknowledged again. */
  async function outage(load: Workload, inFlightMembers: readonly string[]): Promise<void> {
    await sleep(5_000);
    const endorsed = await endorseClaims(inFlightMembers);
    missedBlocks.from = await ledgers.height('insurer');
    await kill9(INSURER_PEER);
    t.kill = Date.now();
    try {
      for (const { claimId, transaction } of endorsed) {
        const status = await (await transaction.submit()).getStatus();
        assert.ok(status.successful, `${claimId}: ${status.code}`);
        const blockNumber = Number(status.blockNumber);
        inFlight.push({ claimId, transactionId: status.transactionId, blockNumber });
      }
      await sleep(Math.max(0, t.kill + 15_000 - Date.now()));
      // Without this the peer finds everything it missed in its own transient store, since
      // it endorsed all of it: the drill would not show that missed data comes back from the
      // other member.
      dropTransientStore(INSURER_PEER);
    } finally {
      // Restarted even if the outage went wrong, so the drills after this one have a network.
      logOffset = logSize(INSURER_PEER);
      await restart(INSURER_PEER);
      t.restarted = Date.now();
    }
    missedBlocks.to = await ledgers.height('providera');
    // This client's connection to the restarted peer may still be in gRPC's reconnect
    // back-off for a while: a refused height is "not yet".
    const insurerHeight = () => ledgers.height('insurer').catch(() => -1);
    while ((await insurerHeight()) < missedBlocks.to) {
      if (Date.now() - t.restarted > 180_000) throw new Error("the insurer's peer never caught up");
      await sleep(100);
    }
    t.blocksCaughtUp = Date.now();
    while (load.acknowledgedSince(t.restarted).length < 4) {
      if (Date.now() - t.restarted > 120_000) throw new Error('claims never resumed');
      await sleep(250);
    }
  }

  it("claims go on until the insurer's peer dies, resume after its restart, and it catches up on blocks", async () => {
    const registrar = await gateways.login('providera', 'registrar1');
    const pool = (k: number) => patients.slice(k * POOL, (k + 1) * POOL).map((p) => p.patientId);
    load = new Workload([
      claimWriter('a1', registrar, run, pool(0), practitionerId, sent),
      claimWriter('a2', registrar, run, pool(1), practitionerId, sent),
    ]);
    t.start = Date.now();
    load.start();
    try {
      await outage(load, pool(2).slice(0, IN_FLIGHT));
    } finally {
      // Stopped whatever happened: writers left running would keep the next drills' peers
      // from ever settling.
      outcomes = await load.stop();
      t.end = Date.now();
    }
    acks = [
      ...outcomes.filter(acknowledged).map((o) => ({
        claimId: o.key,
        transactionId: o.transactionId ?? '',
        blockNumber: o.blockNumber ?? -1,
      })),
      ...inFlight,
    ];
    assert.ok(
      inFlight.every((a) => a.blockNumber >= missedBlocks.from),
      "the claims endorsed before the kill committed while the insurer's peer was down",
    );
  });

  it("the insurer's peer then holds every claim's contents, each hashing to the ledger", async () => {
    // The access entry goes through ProviderA's peer, whose view of the network the restart
    // did not disturb; the read goes to the insurer's peer alone.
    const logger = (await net.as('insurer', 'adjudicator1', 'providera')).contract('claims');
    const reader = adjudicator.contract('claims');
    const logged = new Set<string>();
    const pending = new Set(acks.map((a) => a.claimId));
    while (pending.size > 0) {
      // An access entry touches the member's keys: one claim per member at a time.
      const members = new Set<string>();
      const round = [...pending].filter((id) => {
        const member = sent.get(id)?.patientId ?? '';
        if (members.has(member)) return false;
        members.add(member);
        return true;
      });
      await Promise.all(
        round.map(async (claimId) => {
          try {
            if (!logged.has(claimId)) {
              await logger.submit('logClaimAccess', {
                args: [claimId],
                endorsingOrganizations: CLAIM_PARTIES,
              });
              logged.add(claimId);
            }
            // The in-flight claims were only submitted (intake): no adjudication to read.
            const view = SubmittedClaimViewSchema.parse(
              JSON.parse(
                await reader.evaluate('getClaim', {
                  args: [claimId],
                  endorsingOrganizations: [MSP.insurer],
                }),
              ),
            );
            assert.deepEqual(
              view.contents,
              { ...sent.get(claimId), providerMsp: MSP.providera },
              `${claimId}: the contents as submitted`,
            );
            assert.equal(saltedHash(view.salt, view.contents), view.claim.hash, `${claimId}`);
            pending.delete(claimId);
          } catch (err) {
            if (!notHereYet(err)) throw err;
          }
        }),
      );
      if (pending.size === 0) break;
      if (Date.now() - t.restarted > 300_000)
        throw new Error(`never held: ${[...pending].join(', ')}`);
      await sleep(500);
    }
    t.readBack = Date.now();
  });

  it("neither peer holds what it is not entitled to: the insurer's no demographics, ProviderB's no claim", async () => {
    await ledgers.settled(); // ProviderB's peer has the access entries: only the data is missing
    const registrarViaInsurer = (await net.as('providera', 'registrar1', 'insurer')).contract(
      'records',
    );
    for (const p of patients) {
      const text = await failure(
        registrarViaInsurer.evaluate('verifyDemographics', {
          args: [p.patientId],
          transient: { payload: JSON.stringify(p.demographics), salt: p.salt },
          endorsingOrganizations: [MSP.insurer],
        }),
      );
      assert.match(text, /FORBIDDEN: _implicit_org_ProviderAMSP: .*InsurerMSP.* not a member/);
    }
    const claims = (await net.as('insurer', 'adjudicator1', 'providerb')).contract('claims');
    for (const a of acks) {
      const text = await failure(
        claims.evaluate('getClaim', { args: [a.claimId], endorsingOrganizations: [MSP.providerb] }),
      );
      assert.match(text, /FORBIDDEN: claimsProviderA: .*ProviderBMSP.* not a member/);
    }
    written.privatePatients.push(...patients);
  });

  it('every acknowledged claim is VALID on every peer; every refused one is absent and was answered', async () => {
    const height = await ledgers.settled();
    const statuses = await ledgers.statuses(acks.map((a) => a.transactionId));
    const lost = [...statuses].filter(([, row]) => PEER_ORGS.some((org) => row[org] !== 'VALID'));
    assert.deepEqual(lost, []);
    const refused = outcomes.filter((o) => !acknowledged(o));
    const onLedgerAnyway: string[] = [];
    const reader = adjudicator.contract('claims');
    for (const o of refused) {
      const answer = await failure(reader.evaluate('getClaim', { args: [o.key] }));
      if (!/NOT_FOUND/.test(answer)) onLedgerAnyway.push(o.key);
    }
    const log = logSince(INSURER_PEER, logOffset);
    const missed = privateDataSources(log, missedBlocks);
    const firstAfterRestart = Math.min(
      ...outcomes
        .filter((o) => acknowledged(o) && o.startedAt >= t.restarted)
        .map((o) => o.endedAt),
    );
    report("drill 2: kill -9 the insurer's peer while claims are written", {
      load:
        `2 writers submitting claims through ProviderA's gateway for ${seconds(t.end - t.start)} ` +
        `(claimsProviderA: ProviderA + insurer, both peers endorse), and ${IN_FLIGHT} claims ` +
        'endorsed just before the kill and sent to the orderer after it (SDK)',
      fault: `kill -9 ${INSURER_PEER} for ${seconds(t.restarted - t.kill)}, its transient store removed, then restarted`,
      requests: outcomes.length,
      acknowledged: `${acks.length} (${acks.length - inFlight.length} over HTTPS + ${inFlight.length} in flight)`,
      'acknowledged and found VALID on all 4 peers': acks.length - lost.length,
      'committed while the insurer was down (contents it missed)': acks.filter(
        (a) => a.blockNumber >= missedBlocks.from && a.blockNumber < missedBlocks.to,
      ).length,
      refused: `${refused.length} (${statusSummary(refused) || 'none'})`,
      'refused and on the ledger all the same': onLedgerAnyway.length,
      'answers by status': statusSummary(outcomes),
      'requests in flight at the kill, and their answers': inFlightAt(outcomes, t.kill),
      'slowest answer': seconds(Math.max(...outcomes.map((o) => o.endedAt - o.startedAt))),
      'restart to blocks caught up (a block waits up to 5 s for private data it misses)': seconds(
        t.blocksCaughtUp - t.restarted,
      ),
      'restart to the first claim acknowledged after it': seconds(firstAfterRestart - t.restarted),
      'private write sets of the missed blocks at commit (transient store / other peers / left to the reconciler)': `${missed.transient} / ${missed.pulled} / ${missed.later}`,
      'private data keys the reconciler fetched after the restart': reconciledKeys(log),
      "restart to every claim read back on the insurer's peer, hashing to the ledger":
        t.readBack === 0 ? 'not reached' : seconds(t.readBack - t.restarted),
      "ProviderA demographics the insurer's peer refused as a non-member": patients.length,
      "claims ProviderB's peer refused as a non-member": acks.length,
      'peer height afterwards (all 4 equal)': height,
    });
    // Fabric answers an endorsement the dying peer cut (its connection reset or refused,
    // before discovery drops the peer) with ABORTED, which the gateway maps to 502.
    const unclear = refused.filter(
      (o) => !(o.status === 409 || o.status === 503 || o.code === 'UPSTREAM_ERROR'),
    );
    assert.deepEqual(unclear, [], statusSummary(unclear));
    assert.deepEqual(onLedgerAnyway, [], 'refused, yet on the ledger');
    assert.ok(
      missed.pulled + reconciledKeys(log) > 0,
      "what the insurer's peer missed came from ProviderA's peer",
    );
  });
});

/** Not yet on the restarted peer: a private write it knows by its hash only
 * (PRIVATE_DATA_PENDING), a block it has not committed (NOT_FOUND, or the access entry just
 * logged through ProviderA's peer). */
function notHereYet(err: unknown): boolean {
  return /PRIVATE_DATA_PENDING|NOT_FOUND|no fresh access entry/.test(errorText(err));
}

/** The requests sent before AT and answered after it, by status. */
function inFlightAt(outcomes: readonly Outcome[], at: number): string {
  const cut = outcomes.filter((o) => o.startedAt < at && o.endedAt > at);
  return `${cut.length} (${statusSummary(cut) || 'none'})`;
}

function errorText(err: unknown): string {
  const details = (err as { details?: { message?: string }[] }).details ?? [];
  return [String(err), ...details.map((d) => d.message ?? '')].join('\n');
}

async function failure(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (err) {
    return errorText(err);
  }
  throw new Error('expected a refusal, but the call succeeded');
}

/** Where the restarted peer found the private write sets of the blocks it missed (FROM up to
 * TO), by its RetrievePvtdata lines: its own transient store (it endorsed them before it
 * died), other peers, or none yet (left to the reconciler). */
function privateDataSources(log: string, { from, to }: { from: number; to: number }) {
  const out = { transient: 0, pulled: 0, later: 0 };
  const line =
    /(Successfully fetched|Could not fetch)[^\n]*?(\d+) eligible collection private write sets for block \[(\d+)\] \(\d+ from local cache, (\d+) from transient store, (\d+) from other peers\)/g;
  for (const m of log.matchAll(line)) {
    const block = Number(m[3]);
    if (block < from || block >= to) continue;
    out.transient += Number(m[4]);
    out.pulled += Number(m[5]);
    if (m[1] === 'Could not fetch') out.later += Number(m[2]);
  }
  return out;
}

/** Private data keys the reconciler fetched, by its "reconciled N private data keys" lines. */
function reconciledKeys(log: string): number {
  return [...log.matchAll(/reconciled (\d+) private data keys/g)].reduce(
    (sum, m) => sum + Number(m[1]),
    0,
  );
}
