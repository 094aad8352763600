/**
 * Prometheus metrics of one gateway: HTTP requests by route and status, and the latency of
 * each Fabric call. Each app gets its own registry (no global default), so tests and several
 * apps in one process do not share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly fabricDuration: Histogram<'contract' | 'transaction' | 'kind' | 'outcome'>;
  readonly commitConfirmations: Counter<'source'>;
  /** Requests refused by admission control: its queue was full, or they waited too long. */
  readonly admissionRefusals: Counter<'reason'>;
  /** Requests dropped because their client left while they waited. */
  readonly admissionAbandoned: Counter;
  /** Reports the admission queue's figures at each scrape. */
  watchAdmission(source: () => { active: number; queued: number }): void;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop); off in tests. */
  readonly processMetrics?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export function newMetrics(options: Readonly<MetricsOptions> = {}): Metrics {
  const registry = new Registry();
  let admission = () => ({ active: 0, queued: 0 });
  if (options.labels) registry.setDefaultLabels({ ...options.labels });
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: 'healthledger_http_requests_total',
      help: 'HTTP requests answered, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'healthledger_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    fabricDuration: new Histogram({
      name: 'healthledger_fabric_call_duration_seconds',
      help: 'Time of a Fabric submit (to commit) or evaluate, by transaction and outcome',
      labelNames: ['contract', 'transaction', 'kind', 'outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    commitConfirmations: new Counter({
      name: 'healthledger_commit_confirmations_total',
      help: "Commits confirmed, by source: the gateway's block stream, or a status call to the peer",
      labelNames: ['source'],
      registers: [registry],
    }),
    admissionRefusals: new Counter({
      name: 'healthledger_admission_refusals_total',
      help: 'API requests answered 503 by admission control, by reason (full queue, waited too long)',
      labelNames: ['reason'],
      registers: [registry],
    }),
    admissionAbandoned: new Counter({
      name: 'healthledger_admission_abandoned_total',
      help: 'API requests dropped unstarted because their client left while they waited',
      registers: [registry],
    }),
    watchAdmission(source) {
      admission = source;
    },
  };
  new Gauge({
    name: 'healthledger_requests_in_progress',
    help: 'API requests doing their work (active) and waiting for a place (waiting)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { active, queued } = admission();
      this.set({ state: 'active' }, active);
      this.set({ state: 'waiting' }, queued);
    },
  });
  return metrics;
}
