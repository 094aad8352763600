/**
 * The report: Markdown tables on standard output (the same tables docs/BENCHMARKS.md holds)
 * and every figure as JSON under results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Measured, type Saturation, saturationTps } from './measure';
import { ratio } from './stats';

export interface PathResult {
  readonly fixed: Measured;
  readonly saturation: Saturation;
}

export interface WorkloadResult {
  readonly name: string;
  readonly kind: string;
  readonly what: string;
  readonly fixedRate: number;
  readonly sdk?: PathResult;
  readonly http?: PathResult;
  /** Resident memory (MiB) by process and by kind after both paths of the workload. */
  readonly memoryAfter: { perProcess: Record<string, number>; byKind: Record<string, number> };
}

export const errs = (m: Measured) => `${m.errors.mvcc}/${m.errors.timeout}/${m.errors.other}`;
const invalid = (m: Measured) =>
  Object.entries(m.ledger.codes)
    .filter(([c]) => c !== 'VALID')
    .reduce((n, [, v]) => n + v, 0);
const fmt = (v: number | null) => (v === null ? '–' : String(v));

export function table(head: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The highest step the system kept up with: at least 95 % of the offered rate answered, no
 * shedding, no errors. Its p99 is the latency at a sustainable load; the saturation step's
 * p99 includes queueing behind the in-flight cap. */
export function sustained(r: PathResult): Measured | undefined {
  return [r.fixed, ...r.saturation.steps]
    .filter((m) => m.tps >= 0.95 * m.offered && m.shed === 0 && m.failed === 0)
    .sort((a, b) => b.offered - a.offered)[0];
}

export function mainTable(results: readonly WorkloadResult[]): string {
  const rows: (string | number)[][] = [];
  for (const w of results) {
    for (const path of ['sdk', 'http'] as const) {
      const r = w[path];
      if (!r) continue;
      const f = r.fixed;
      const s = r.saturation.best;
      const k = sustained(r);
      rows.push([
        w.name,
        path.toUpperCase(),
        f.offered,
        f.tps,
        f.latency.p50,
        f.latency.p95,
        f.latency.p99,
        errs(f),
        k?.tps ?? '–',
        k?.latency.p99 ?? '–',
        s.offered,
        saturationTps(r.saturation),
        s.latency.p50,
        s.latency.p99,
        errs(s),
        s.retries,
        invalid(s),
        [...r.saturation.steps, ...(r.saturation.confirm ?? [])].reduce(
          (n, m) => n + m.lost,
          f.lost,
        ),
        `${s.cpu.busiest} ${s.cpu.perProcess[s.cpu.busiest] ?? 0}%`,
      ]);
    }
  }
  return table(
    [
      'workload',
      'path',
      'fixed rate/s',
      'TPS',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'err m/t/o',
      'sustained TPS',
      'its p99 ms',
      'sat. offered/s',
      'sat. TPS (median)',
      'sat. p50',
      'sat. p99',
      'sat. err m/t/o',
      'SDK MVCC retries',
      'ledger invalid',
      'lost',
      'busiest at sat. (CPU % of a core)',
    ],
    rows,
  );
}

export function ratioTable(results: readonly WorkloadResult[]): string {
  const rows = results
    .filter((w) => w.sdk && w.http)
    .map((w) => {
      const sdk = w.sdk as PathResult;
      const http = w.http as PathResult;
      const gw = w.memoryAfter.perProcess['gateway.providera'] ?? 0;
      return [
        w.name,
        fmt(ratio(saturationTps(http.saturation), saturationTps(sdk.saturation))),
        fmt(ratio(http.fixed.latency.p99, sdk.fixed.latency.p99)),
        fmt(ratio(http.saturation.best.latency.p99, sdk.saturation.best.latency.p99)),
        gw,
        w.memoryAfter.byKind.gateway ?? 0,
        w.memoryAfter.byKind.peer ?? 0,
        w.memoryAfter.byKind.orderer ?? 0,
        w.memoryAfter.byKind.chaincode ?? 0,
      ];
    });
  return table(
    [
      'workload',
      'HTTP/SDK sat. TPS',
      'HTTP/SDK p99 (fixed)',
      'HTTP/SDK p99 (sat.)',
      'gateway.providera RSS MiB',
      'all 4 gateways MiB',
      '4 peers MiB',
      '3 orderers MiB',
      '4 cc servers MiB',
    ],
    rows,
  );
}

export function cpuTable(results: readonly WorkloadResult[]): string {
  const rows: (string | number)[][] = [];
  for (const w of results) {
    for (const path of ['sdk', 'http'] as const) {
      const s = w[path]?.saturation.best;
      if (!s) continue;
      const top = Object.entries(s.cpu.perProcess)
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([n, v]) => `${n} ${v}`)
        .join(', ');
      rows.push([
        w.name,
        path.toUpperCase(),
        s.tps,
        s.cpu.ours,
        Math.max(0, Math.round(s.cpu.machine - s.cpu.ours)),
        top,
      ]);
    }
  }
  return table(
    [
      'workload',
      'path',
      'best step TPS',
      'CPU network + bench %',
      'CPU other users %',
      'top processes (% of a core)',
    ],
    rows,
  );
}

export function writeJson(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}
