import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The proxy's Prometheus metrics, in a registry of its own so several app instances (tests,
 * benchmarks) never share counters.
 */
export function createMetrics() {
  const registry = new Registry();

  return {
    registry,
    httpRequests: new Counter({
      name: 'upsignal_http_requests_total',
      help: 'HTTP requests by method, route and status.',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'upsignal_http_request_duration_seconds',
      help: 'HTTP request latency by route.',
      labelNames: ['method', 'route'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    cacheEvents: new Counter({
      name: 'upsignal_cache_events_total',
      help: 'Score cache lookups: hit, miss, coalesced (joined an in-flight query), stale.',
      labelNames: ['event'],
      registers: [registry],
    }),
    warehouseQueries: new Counter({
      name: 'upsignal_warehouse_queries_total',
      help: 'Warehouse queries by purpose and outcome.',
      labelNames: ['label', 'outcome'],
      registers: [registry],
    }),
    warehouseDuration: new Histogram({
      name: 'upsignal_warehouse_query_duration_seconds',
      help: 'Warehouse query latency by purpose.',
      labelNames: ['label'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    handoffs: new Gauge({
      name: 'upsignal_handoffs',
      help: 'Handoffs in the outbox by delivery state.',
      labelNames: ['state'],
      registers: [registry],
    }),
    handoffAttempts: new Counter({
      name: 'upsignal_handoff_attempts_total',
      help: 'Slack delivery attempts by outcome.',
      labelNames: ['outcome'],
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
