/**
 * The open-loop load generator: requests start at a fixed offered rate whatever the answers
 * do (so a slow system cannot slow the load down and hide its latency), with a cap on the
 * requests in flight; an arrival that finds the cap reached is shed and counted. Latency runs
 * from the scheduled start, so time a request waited inside this process counts too.
 */
import { performance } from 'node:perf_hooks';
import type { ErrorKind, Failure } from './errors';
import { type Latency, latencyOf, round } from './stats';

/** A transaction the system acknowledged as committed. */
export interface Ack {
  readonly txId: string;
  readonly block: number;
}

export interface OpOutcome {
  readonly ok: boolean;
  readonly failure?: Failure;
  readonly acked?: readonly Ack[];
  /** MVCC conflicts retried by the client (SDK path; the HTTP gateway retries out of sight). */
  readonly retries?: number;
}

/** One operation of a workload; never rejects (failures come back as outcomes). */
export type Op = () => Promise<OpOutcome>;

export interface StepOptions {
  readonly rate: number;
  readonly durationMs: number;
  readonly maxInFlight: number;
  /** Completions before this much time are left out of the throughput (pipeline filling). */
  readonly warmupMs: number;
  /** How long to wait for the requests still in flight after the last arrival. */
  readonly drainMs: number;
  /** Called when the last arrival is due (before the drain), e.g. to sample CPU counters. */
  readonly onArrivalsEnd?: () => void;
}

export interface StepResult {
  readonly offered: number;
  readonly durationS: number;
  readonly sent: number;
  readonly shed: number;
  readonly ok: number;
  readonly failed: number;
  /** Successful operations per second, completed inside the window after the warm-up. */
  readonly tps: number;
  readonly latency: Latency;
  readonly errors: Record<ErrorKind, number>;
  readonly errorDetails: Record<string, number>;
  /** One message per kind of error in errorDetails. */
  readonly errorSamples: Record<string, string>;
  readonly retries: number;
  readonly maxInFlight: number;
  /** Still unanswered when the drain time ran out. */
  readonly abandoned: number;
  readonly acked: readonly Ack[];
}

export async function runStep(op: Op, options: Readonly<StepOptions>): Promise<StepResult> {
  const { rate, durationMs, maxInFlight } = options;
  const interval = 1000 / rate;
  const latencies: number[] = [];
  const errors: Record<ErrorKind, number> = { mvcc: 0, timeout: 0, other: 0 };
  const errorDetails: Record<string, number> = {};
  const errorSamples: Record<string, string> = {};
  const acked: Ack[] = [];
  const pending = new Set<Promise<void>>();
  let issued = 0;
  let shed = 0;
  let ok = 0;
  let failed = 0;
  let retries = 0;
  let inWindow = 0;
  let peak = 0;

  const t0 = performance.now();
  const end = t0 + durationMs;
  const windowStart = t0 + options.warmupMs;

  const launch = (scheduledAt: number) => {
    const p = op().then(
      (outcome) => record(outcome, scheduledAt),
      (err: unknown) =>
        record(
          { ok: false, failure: { kind: 'other', detail: `bench ${String(err)}` } },
          scheduledAt,
        ),
    );
    pending.add(p);
    peak = Math.max(peak, pending.size);
    void p.finally(() => pending.delete(p));
  };

  const record = (outcome: OpOutcome, scheduledAt: number) => {
    const done = performance.now();
    retries += outcome.retries ?? 0;
    if (outcome.ok) {
      ok += 1;
      latencies.push(done - scheduledAt);
      if (done >= windowStart && done <= end) inWindow += 1;
      if (outcome.acked) acked.push(...outcome.acked);
    } else {
      failed += 1;
      const failure = outcome.failure ?? { kind: 'other' as const, detail: 'unknown' };
      errors[failure.kind] += 1;
      errorDetails[failure.detail] = (errorDetails[failure.detail] ?? 0) + 1;
      if (failure.message !== undefined) errorSamples[failure.detail] ??= failure.message;
    }
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      const due = Math.min(
        Math.floor((Math.min(now, end) - t0) / interval) + 1,
        Math.ceil(durationMs / interval),
      );
      while (issued < due) {
        const scheduledAt = t0 + issued * interval;
        issued += 1;
        if (pending.size < maxInFlight) launch(scheduledAt);
        else shed += 1;
      }
      if (now >= end) {
        options.onArrivalsEnd?.();
        resolve();
      } else setTimeout(tick, Math.max(0, Math.min(5, t0 + issued * interval - performance.now())));
    };
    tick();
  });

  const drained = await Promise.race([
    Promise.all([...pending]).then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), options.drainMs)),
  ]);
  const windowS = (durationMs - options.warmupMs) / 1000;
  return {
    offered: rate,
    durationS: durationMs / 1000,
    sent: issued - shed,
    shed,
    ok,
    failed,
    tps: round(inWindow / windowS),
    latency: latencyOf(latencies),
    errors,
    errorDetails,
    errorSamples,
    retries,
    maxInFlight: peak,
    abandoned: drained ? 0 : pending.size,
    acked,
  };
}
