/**
 * Prometheus metrics of one gateway: HTTP requests by route and status, and the latency of
 * each Fabric call. Each app gets its own registry (no global default), so tests and several
 * apps in one process do not share counters.
 */
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpDuration: Histogram<'method' | 'route' | 'status'>;
  readonly fabricDuration: Histogram<'contract' | 'transaction' | 'kind' | 'outcome'>;
  readonly commitConfirmations: Counter<'source'>;
}

export interface MetricsOptions {
  /** Process metrics (CPU, memory, event loop); off in tests. */
  readonly processMetrics?: boolean;
  readonly labels?: Readonly<Record<string, string>>;
}

export function newMetrics(options: Readonly<MetricsOptions> = {}): Metrics {
  const registry = new Registry();
  if (options.labels) registry.setDefaultLabels({ ...options.labels });
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  return {
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
  };
}
