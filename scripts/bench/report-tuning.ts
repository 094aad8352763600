/** The tables of the tuning experiments (batch settings, peer concurrency limit, hot key). */
import type { Measured } from './measure';
import { errs, table } from './report';
import type { TuningResults } from './tuning';

export function tuningTables(t: TuningResults): string {
  const parts: string[] = [];
  if (t.batch) {
    parts.push(`Batch settings (${t.batch.workload}, SDK):\n`);
    parts.push(
      table(
        [
          'BatchTimeout / MaxMessageCount',
          'fixed 10/s p50',
          'fixed p99',
          'tx per block (fixed)',
          'sat. TPS',
          'sat. p99',
          'tx per block (sat.)',
        ],
        t.batch.cases.map((c) => [
          c.setting,
          c.fixed.latency.p50,
          c.fixed.latency.p99,
          perBlock(c.fixed),
          c.saturation.best.tps,
          c.saturation.best.latency.p99,
          perBlock(c.saturation.best),
        ]),
      ),
    );
  }
  if (t.concurrency) {
    parts.push(`\nPeer gateway concurrency limit (${t.concurrency.workload}, SDK):\n`);
    parts.push(
      table(
        [
          'limit',
          'fixed 20/s p99',
          'sat. offered',
          'sat. TPS',
          'sat. p50',
          'sat. p99',
          'sat. err m/t/o',
          'errors',
        ],
        t.concurrency.cases.map((c) => [
          c.limit,
          c.fixed.latency.p99,
          c.saturation.best.offered,
          c.saturation.best.tps,
          c.saturation.best.latency.p50,
          c.saturation.best.latency.p99,
          errs(c.saturation.best),
          JSON.stringify(c.saturation.best.errorDetails),
        ]),
      ),
    );
  }
  if (t.hotkey) {
    parts.push(
      `\nHot key (${t.hotkey.workload}): claims spread over members vs all for one member:\n`,
    );
    const rows: (string | number)[][] = [];
    for (const c of t.hotkey.cases) {
      for (const m of c.steps) {
        rows.push([
          c.path.toUpperCase(),
          c.members,
          m.offered,
          m.tps,
          m.latency.p50,
          m.latency.p99,
          m.ledger.codes.VALID ?? 0,
          m.ledger.codes.MVCC_READ_CONFLICT ?? 0,
          m.ledger.codes.ENDORSEMENT_POLICY_FAILURE ?? 0,
          c.path === 'sdk' ? m.retries : '–',
          errs(m),
          JSON.stringify(m.errorDetails),
        ]);
      }
    }
    parts.push(
      table(
        [
          'path',
          'members',
          'offered/s',
          'TPS',
          'p50 ms',
          'p99 ms',
          'valid on ledger',
          'MVCC on ledger',
          'EPF on ledger',
          'client MVCC retries',
          'err m/t/o',
          'errors',
        ],
        rows,
      ),
    );
  }
  return parts.join('\n');
}

function perBlock(m: Measured): string {
  return m.ledger.blocks === 0 ? '–' : (m.ledger.transactions / m.ledger.blocks).toFixed(1);
}
