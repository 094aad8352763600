/**
 * `npm run bench`: measures each workload straight through the Gateway SDK and through the
 * HTTP gateway, at a fixed offered rate and up to saturation, on a running network (started by
 * `npm start`, or any network home and port offset the scripts honour); prints the tables and
 * writes every figure as JSON under results/. See docs/BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestNetwork } from '../../test/e2e/support/network';
import { isDefaultHome, REPO } from './env';
import { Directory } from './identities';
import { LedgerWatch } from './ledger-watch';
import type { StepKnobs } from './measure';
import { metaOf } from './meta';
import { parseOptions } from './options';
import { cpuTable, mainTable, ratioTable, type WorkloadResult, writeJson } from './report';
import { tuningTables } from './report-tuning';
import { runWorkloads } from './run-workloads';
import { setUp } from './setup';
import { soak } from './soak';
import { runTuning, type TuningResults } from './tuning';

const say = (line: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

function printTables(
  results: readonly WorkloadResult[],
  tuning: TuningResults | undefined,
  soakSummary: string | undefined,
): void {
  if (results.length > 0) {
    console.log(`\n## Throughput and latency\n\n${mainTable(results)}`);
    console.log(
      `\n## HTTP gateway / SDK, and resident memory after each workload\n\n${ratioTable(results)}`,
    );
    console.log(`\n## CPU at the saturation point\n\n${cpuTable(results)}`);
  }
  if (tuning) console.log(`\n## Tuning\n\n${tuningTables(tuning)}`);
  if (soakSummary) console.log(`\n## Soak\n\n${soakSummary}`);
}

/** The channel's batch settings, read with the orderer admin's peer CLI. */
function currentBatch(): string {
  try {
    const script = join(REPO, 'scripts', 'bench', 'tune.sh');
    return execFileSync('bash', [script, 'batch-get'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.report !== undefined) {
    const earlier = JSON.parse(readFileSync(options.report, 'utf8')) as {
      workloads: WorkloadResult[];
      tuning?: TuningResults;
      soak?: { summary: string };
    };
    printTables(earlier.workloads, earlier.tuning, earlier.soak?.summary);
    return;
  }
  if (options.tuning.length > 0 && isDefaultHome() && !options.force) {
    throw new Error(
      'tuning changes the channel config and restarts peers: run it on a bench network ' +
        '(HEALTHLEDGER_NETWORK_HOME, HEALTHLEDGER_PORT_OFFSET) or pass --force',
    );
  }
  const knobs: StepKnobs = {
    fixedMs: options.fixedS * 1000,
    stepMs: options.stepS * 1000,
    maxInFlight: options.maxInFlight,
    rampFactor: options.rampFactor,
    maxSteps: options.maxSteps,
    drainMs: options.drainS * 1000,
    confirmRounds: options.confirmRounds,
  };
  const started = new Date();
  const meta = { startedAt: started.toISOString(), ...metaOf(options, currentBatch()) };
  const net = new TestNetwork();
  const dir = new Directory(net, options.sockets, options.sdkSigner);
  const watch = new LedgerWatch((await net.as('providera', 'orgadmin')).network);
  await watch.start();
  const results: WorkloadResult[] = [];
  let failure: string | undefined;
  let tuning: TuningResults | undefined;
  let soaked: Awaited<ReturnType<typeof soak>> | undefined;
  try {
    const fixtures = await setUp(net, dir, { ...options, seedRecords: 16 }, say);
    if (options.main) await runWorkloads(fixtures, options, knobs, watch, say, results);
    if (options.tuning.length > 0) {
      tuning = await runTuning(options.tuning, fixtures, knobs, watch, say);
    }
    if (options.soakMinutes > 0) {
      soaked = await soak(fixtures, options.soakMinutes, options.soakRate, knobs, watch, say);
    }
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
    say(`the run failed: ${failure}; writing what was measured`);
  } finally {
    watch.close();
    dir.close();
    net.close();
  }
  const finished = new Date();
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const out = options.out ?? join(REPO, 'results', `bench-${stamp}.json`);
  writeJson(out, {
    meta: { ...meta, finishedAt: finished.toISOString(), failure },
    workloads: results,
    tuning,
    soak: soaked,
  });
  printTables(results, tuning, soaked?.summary);
  const seconds = Math.round((finished.getTime() - started.getTime()) / 1000);
  say(`wrote ${out} (${seconds} s)`);
  if (failure !== undefined) throw new Error(failure);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
