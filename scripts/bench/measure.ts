/**
 * Measuring a workload on one path: a step at a fixed offered rate, then the saturation
 * search (the rate raised step by step until the throughput stops rising). Every step also
 * records CPU per process over its arrivals, the ledger's count of blocks and validation
 * codes, and checks that every acknowledged transaction is valid in a block.
 */
import { type Op, runStep, type StepResult } from './loadgen';
import { LedgerWatch, type LedgerTally } from './ledger-watch';
import { cpuBetween, type CpuShare, type ProcSample, sample } from './procs';
import { percentile, round } from './stats';

export interface StepKnobs {
  readonly fixedMs: number;
  readonly stepMs: number;
  readonly maxInFlight: number;
  readonly rampFactor: number;
  readonly maxSteps: number;
  readonly drainMs: number;
  /** Rounds of repeat steps at each path's saturation rate after a lockstep ramp (0: none). */
  readonly confirmRounds?: number;
}

export interface Measured extends Omit<StepResult, 'acked'> {
  readonly acked: number;
  /** Acknowledged transactions that no block holds as valid. */
  readonly lost: number;
  readonly cpu: CpuShare;
  readonly ledger: LedgerTally;
}

export interface Saturation {
  readonly steps: readonly Measured[];
  /** The step of highest throughput: the saturation point. */
  readonly best: Measured;
  /** Steps repeated at the saturation point's rate after the ramp, paths in turn. */
  readonly confirm?: readonly Measured[];
  /** Throughput at the saturation point: the median of the best step and its repeats (one
   * 10 s step swings by ±15 % on this box; absent in runs before repeats existed). */
  readonly tps?: number;
}

/** The saturation throughput of S: the median of its best step and repeats. */
export function saturationTps(s: Saturation): number {
  return s.tps ?? s.best.tps;
}

export async function measure(
  op: Op,
  rate: number,
  durationMs: number,
  knobs: Readonly<StepKnobs>,
  watch: LedgerWatch,
): Promise<Measured> {
  const before = sample();
  let atEnd: ProcSample | undefined;
  const tallyBefore = watch.tally();
  const result = await runStep(op, {
    rate,
    durationMs,
    maxInFlight: knobs.maxInFlight,
    warmupMs: Math.min(2000, durationMs / 5),
    drainMs: knobs.drainMs,
    onArrivalsEnd: () => (atEnd = sample()),
  });
  const lastBlock = Math.max(-1, ...result.acked.map((a) => a.block));
  await watch.reach(lastBlock, 30_000);
  const { acked, ...rest } = result;
  return {
    ...rest,
    acked: acked.length,
    lost: watch.missing(acked.map((a) => a.txId)).length,
    cpu: cpuBetween(before, atEnd ?? sample()),
    ledger: LedgerWatch.between(tallyBefore, watch.tally()),
  };
}

interface Ramp {
  readonly steps: Measured[];
  best: Measured | undefined;
  flat: number;
  done: boolean;
}

/** Adds step M to RAMP; true when the ramp should stop: two steps in a row added less than
 * 5 %, or the generator shed or failed a fifth of what it offered (well past saturation). */
function advance(ramp: Ramp, m: Measured): boolean {
  ramp.steps.push(m);
  if (ramp.best === undefined || m.tps > ramp.best.tps * 1.05) ramp.flat = 0;
  else ramp.flat += 1;
  if (ramp.best === undefined || m.tps > ramp.best.tps) ramp.best = m;
  return ramp.flat >= 2 || m.shed + m.failed > (m.sent + m.shed) / 5;
}

function finished(ramp: Ramp, confirm: readonly Measured[] = []): Saturation {
  if (!ramp.best) throw new Error('no saturation step ran');
  const sorted = [ramp.best.tps, ...confirm.map((m) => m.tps)].sort((a, b) => a - b);
  return { steps: ramp.steps, best: ramp.best, confirm, tps: round(percentile(sorted, 50)) };
}

/** Raises the rate by rampFactor from START until the throughput stops rising. */
export async function saturate(
  op: Op,
  start: number,
  knobs: Readonly<StepKnobs>,
  watch: LedgerWatch,
  say: (line: string) => void,
): Promise<Saturation> {
  const ramp: Ramp = { steps: [], best: undefined, flat: 0, done: false };
  let rate = start;
  for (let i = 0; i < knobs.maxSteps && !ramp.done; i++) {
    const m = await measure(op, rate, knobs.stepMs, knobs, watch);
    say(`    ${describe(m)}`);
    ramp.done = advance(ramp, m);
    rate = Math.round(rate * knobs.rampFactor);
  }
  return finished(ramp);
}

/**
 * The saturation search of several paths in lockstep: at each rate every path still rising
 * runs its step, one after the other, so that the paths meet the same background load on a
 * shared machine and their ratio holds even when that load drifts.
 */
export async function saturateTogether<P extends string>(
  ops: ReadonlyMap<P, Op>,
  start: number,
  knobs: Readonly<StepKnobs>,
  watch: LedgerWatch,
  say: (line: string) => void,
  before: (path: P) => Promise<void>,
): Promise<Map<P, Saturation>> {
  const ramps = new Map<P, Ramp>(
    [...ops.keys()].map((p) => [p, { steps: [], best: undefined, flat: 0, done: false }]),
  );
  let rate = start;
  for (let i = 0; i < knobs.maxSteps && [...ramps.values()].some((r) => !r.done); i++) {
    for (const [path, op] of ops) {
      const ramp = ramps.get(path);
      if (!ramp || ramp.done) continue;
      await before(path);
      const m = await measure(op, rate, knobs.stepMs, knobs, watch);
      say(`    ${path.padEnd(4)} ${describe(m)}`);
      ramp.done = advance(ramp, m);
    }
    rate = Math.round(rate * knobs.rampFactor);
  }
  // Repeat each path's saturation step, the paths in turn (the other order first), so that one
  // lucky or unlucky 10 s step does not decide the ratio.
  const confirms = new Map<P, Measured[]>([...ops.keys()].map((p) => [p, []]));
  const paths = [...ops];
  for (let round = 0; round < (knobs.confirmRounds ?? 0); round++) {
    for (const [path, op] of round % 2 === 0 ? [...paths].reverse() : paths) {
      const best = ramps.get(path)?.best;
      if (!best) continue;
      await before(path);
      const m = await measure(op, best.offered, knobs.stepMs, knobs, watch);
      say(`    ${path.padEnd(4)} again: ${describe(m)}`);
      confirms.get(path)?.push(m);
    }
  }
  return new Map([...ramps].map(([p, r]) => [p, finished(r, confirms.get(p))]));
}

export function describe(m: Measured): string {
  const errors = m.errors.mvcc + m.errors.timeout + m.errors.other;
  return (
    `offered ${m.offered}/s -> ${m.tps}/s, p50 ${m.latency.p50} p99 ${m.latency.p99} ms, ` +
    `errors ${errors}, shed ${m.shed}, in flight <= ${m.maxInFlight}, cpu ${m.cpu.ours}% (${m.cpu.busiest})`
  );
}
