/**
 * The soak: the mixed workload over HTTP at a fixed rate for many minutes, in 15-second
 * steps, with the gateway's resident memory after each, to show whether it grows (target:
 * memory at the last minute within 10 % of minute 2).
 */
import type { LedgerWatch } from './ledger-watch';
import { describe, measure, type Measured, type StepKnobs } from './measure';
import { memoryOf, sample } from './procs';
import type { Fixtures } from './setup';
import { freshLogins } from './users';
import { round } from './stats';
import { catalogue } from './workloads';

export interface SoakPoint {
  readonly minute: number;
  readonly gatewayMiB: number;
  readonly allGatewaysMiB: number;
  readonly tps: number;
  readonly p99: number;
  readonly errors: number;
}

export async function soak(
  f: Fixtures,
  minutes: number,
  rate: number,
  knobs: StepKnobs,
  watch: LedgerWatch,
  say: (line: string) => void,
): Promise<{ points: SoakPoint[]; steps: Measured[]; summary: string }> {
  const mixed = catalogue(f).find((w) => w.name === 'mixed');
  if (!mixed) throw new Error('no mixed workload');
  const op = mixed.op('http');
  const points: SoakPoint[] = [];
  const steps: Measured[] = [];
  const start = Date.now();
  say(`soak: mixed over HTTP at ${rate}/s for ${minutes} min`);
  while (Date.now() - start < minutes * 60_000) {
    await freshLogins(f);
    const m = await measure(op, rate, 15_000, { ...knobs, drainMs: 30_000 }, watch);
    steps.push(m);
    const mem = memoryOf(sample());
    points.push({
      minute: round((Date.now() - start) / 60_000, 2),
      gatewayMiB: mem.perProcess['gateway.providera'] ?? 0,
      allGatewaysMiB: mem.byKind.gateway ?? 0,
      tps: m.tps,
      p99: m.latency.p99,
      errors: m.failed,
    });
    say(
      `    minute ${points.at(-1)?.minute}: gateway ${points.at(-1)?.gatewayMiB} MiB; ${describe(m)}`,
    );
  }
  const at = (minute: number) =>
    points.reduce((best, p) =>
      Math.abs(p.minute - minute) < Math.abs(best.minute - minute) ? p : best,
    );
  const first = points[0];
  if (!first) throw new Error('the soak ran no step');
  const two = at(2);
  const last = points[points.length - 1] ?? first;
  const growth = round(((last.gatewayMiB - two.gatewayMiB) / two.gatewayMiB) * 100);
  const peak = Math.max(...points.map((p) => p.gatewayMiB));
  const summary =
    `gateway.providera RSS: minute ${two.minute} ${two.gatewayMiB} MiB, minute ${last.minute} ` +
    `${last.gatewayMiB} MiB (${growth >= 0 ? '+' : ''}${growth} %), peak ${peak} MiB; ` +
    `${steps.reduce((n, s) => n + s.ok, 0)} requests, ${steps.reduce((n, s) => n + s.failed, 0)} errors, ` +
    `${steps.reduce((n, s) => n + s.lost, 0)} lost`;
  return { points, steps, summary };
}
