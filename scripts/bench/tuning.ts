/**
 * Tuning experiments, before and after in the same run: the orderer's batch settings (a
 * channel config update), the peers' gateway concurrency limit (peers restarted), and a hot
 * key (every claim for one member, whose accumulators each claim rewrites, against claims
 * spread over many members). The network is put back as it was, even after a failure.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MSP } from '../../test/e2e/support/network';
import { httpCall, sdkEvaluate } from './calls';
import { DEFAULT_BATCH, REPO } from './env';
import type { LedgerWatch } from './ledger-watch';
import { measure, type Measured, type Saturation, saturate, type StepKnobs } from './measure';
import type { Fixtures } from './setup';
import { freshLogins } from './users';
import { catalogue, type Path } from './workloads';

const run = promisify(execFile);

async function tune(...args: string[]): Promise<string> {
  const { stdout } = await run('bash', [join(REPO, 'scripts', 'bench', 'tune.sh'), ...args], {
    env: process.env,
    maxBuffer: 1 << 20,
  });
  return stdout.trim();
}

export interface BatchCase {
  readonly setting: string;
  readonly fixed: Measured;
  readonly saturation: Saturation;
}

export interface ConcurrencyCase {
  readonly limit: number;
  readonly fixed: Measured;
  readonly saturation: Saturation;
}

export interface HotKeyCase {
  readonly path: Path;
  readonly members: 'one' | 'spread';
  readonly steps: readonly Measured[];
}

export interface TuningResults {
  batch?: { workload: string; cases: BatchCase[] };
  concurrency?: { workload: string; cases: ConcurrencyCase[] };
  hotkey?: { workload: string; cases: HotKeyCase[] };
}

type Say = (line: string) => void;

/** After the peers restarted: waits until both paths answer again (gRPC clients reconnect
 * with a back-off, so this can take several seconds). */
async function serving(f: Fixtures, say: Say): Promise<void> {
  const physician = f.physicians[0];
  if (!physician) return;
  const deadline = Date.now() + 180_000;
  for (;;) {
    const organisation = MSP[physician.party.org];
    const sdk = await sdkEvaluate(physician.party.contract('credentials'), 'verifyLicence', {
      args: [physician.licenceNumber, organisation, ''],
    });
    const http = await httpCall(
      physician.party.http(),
      'GET',
      `/credentials/${physician.licenceNumber}/verification?organisation=${organisation}`,
    );
    if (sdk.ok && http.ok) {
      say('tuning: the peers answer again');
      return;
    }
    if (Date.now() > deadline)
      throw new Error('the network did not answer again after the peers restarted');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function runTuning(
  which: readonly string[],
  f: Fixtures,
  knobs: StepKnobs,
  watch: LedgerWatch,
  say: Say,
): Promise<TuningResults> {
  const results: TuningResults = {};
  const named = (name: string, hot = false) => {
    const w = catalogue(f, { hotMember: hot }).find((x) => x.name === name);
    if (!w) throw new Error(`no workload ${name}`);
    return w;
  };

  if (which.includes('batch')) {
    const w = named('add-record');
    const settings: [string, number][] = [
      [DEFAULT_BATCH.timeout, DEFAULT_BATCH.maxMessageCount],
      ['2s', 10],
      ['1s', 500],
    ];
    const cases: BatchCase[] = [];
    try {
      for (const [timeout, count] of settings) {
        await tune('batch-set', timeout, String(count));
        say(`tuning: batch ${timeout} / ${count} (add-record, SDK)`);
        const op = w.op('sdk');
        const fixed = await measure(op, 10, knobs.fixedMs, knobs, watch);
        const saturation = await saturate(op, 20, knobs, watch, say);
        cases.push({ setting: `${timeout} / ${count}`, fixed, saturation });
      }
    } finally {
      await tune('batch-set', DEFAULT_BATCH.timeout, String(DEFAULT_BATCH.maxMessageCount));
    }
    results.batch = { workload: w.name, cases };
  }

  if (which.includes('concurrency')) {
    const w = named('add-record');
    const original = Number(process.env.HEALTHLEDGER_GATEWAY_CONCURRENCY ?? 500);
    const cases: ConcurrencyCase[] = [];
    let restarted = false;
    try {
      for (const limit of [original, 25]) {
        if (limit !== original) {
          restarted = true;
          await tune('peers-concurrency', String(limit));
          await serving(f, say);
        }
        say(`tuning: peer gateway concurrency ${limit} (add-record, SDK)`);
        const op = w.op('sdk');
        await measure(op, 10, 2000, knobs, watch); // warm the peers' chaincode connections
        const fixed = await measure(op, 20, knobs.fixedMs, knobs, watch);
        const saturation = await saturate(op, 30, knobs, watch, say);
        cases.push({ limit, fixed, saturation });
      }
    } finally {
      if (restarted) {
        await tune('peers-concurrency', String(original));
        await serving(f, say);
      }
    }
    results.concurrency = { workload: w.name, cases };
  }

  if (which.includes('hotkey')) {
    const cases: HotKeyCase[] = [];
    for (const path of ['sdk', 'http'] as const) {
      if (path === 'http') await freshLogins(f);
      for (const members of ['spread', 'one'] as const) {
        const op = named('submit-claim', members === 'one').op(path);
        say(`tuning: claims for ${members === 'one' ? 'one member' : 'many members'} (${path})`);
        const steps: Measured[] = [];
        for (const rate of [5, 15, 30]) {
          steps.push(await measure(op, rate, knobs.stepMs, knobs, watch));
        }
        cases.push({ path, members, steps });
      }
    }
    results.hotkey = { workload: 'submit-claim', cases };
  }
  return results;
}
