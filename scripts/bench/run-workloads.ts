/**
 * The main matrix: every chosen workload on both paths. Each path is warmed up (not
 * reported), then measured at the workload's fixed rate; then both paths search for
 * saturation in lockstep. Resident memory is sampled after each workload.
 */
import type { LedgerWatch } from './ledger-watch';
import { describe, measure, type Measured, saturateTogether, type StepKnobs } from './measure';
import type { Options } from './options';
import { memoryOf, sample } from './procs';
import type { PathResult, WorkloadResult } from './report';
import type { Fixtures } from './setup';
import { freshLogins } from './users';
import { catalogue, type Path } from './workloads';

/** Appends each workload's result to RESULTS as soon as it is measured, so that a run that
 * fails half-way still reports what it measured. */
export async function runWorkloads(
  f: Fixtures,
  options: Options,
  knobs: StepKnobs,
  watch: LedgerWatch,
  say: (line: string) => void,
  results: WorkloadResult[],
): Promise<void> {
  const all = catalogue(f);
  for (const name of options.workloads ?? []) {
    if (!all.some((w) => w.name === name)) throw new Error(`unknown workload ${name}`);
  }
  const chosen = all.filter((w) => !options.workloads || options.workloads.includes(w.name));
  const ready = async (path: Path) => {
    if (path === 'http') await freshLogins(f);
  };
  for (const [i, w] of chosen.entries()) {
    // Alternate which path goes first, so neither always meets a fresher ledger.
    const order: Path[] = i % 2 === 0 ? [...options.paths] : [...options.paths].reverse();
    const rate = options.rates[w.name] ?? w.fixedRate;
    const ops = new Map(order.map((path) => [path, w.op(path)] as const));
    const fixed = new Map<Path, Measured>();
    for (const [path, op] of ops) {
      await ready(path);
      await measure(op, rate, options.warmupS * 1000, knobs, watch);
      say(`${w.name} over ${path}: fixed ${rate}/s for ${options.fixedS} s`);
      const m = await measure(op, rate, knobs.fixedMs, knobs, watch);
      say(`    ${describe(m)}`);
      fixed.set(path, m);
    }
    say(`${w.name}: saturation search (${order.join(' and ')} in turn at each rate)`);
    const start = Math.round(rate * knobs.rampFactor);
    const saturation = await saturateTogether(ops, start, knobs, watch, say, ready);
    const byPath: Partial<Record<Path, PathResult>> = {};
    for (const path of order) {
      const m = fixed.get(path);
      const s = saturation.get(path);
      if (m && s) byPath[path] = { fixed: m, saturation: s };
    }
    results.push({
      name: w.name,
      kind: w.kind,
      what: w.what,
      fixedRate: rate,
      ...byPath,
      memoryAfter: memoryOf(sample()),
    });
  }
}
