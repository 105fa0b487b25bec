import { accountLookupSchema } from '@upsignal/shared';
import { readEnvironment } from '../../proxy/src/config/environment.ts';
import { createLogger } from '../../proxy/src/observability/logger.ts';
import { toTargetItem } from '../../proxy/src/scoring/lookup-target.ts';
import { buildScoreQuery } from '../../proxy/src/scoring/score-query.ts';
import { startProxy } from '../../proxy/src/server/start-proxy.ts';
import {
  memorySample,
  type ProxyChildReady,
  type RawScoreTiming,
  serveParent,
} from './child-protocol.ts';

/**
 * The proxy as `upsignal serve` starts it (same start-up, JSON logs at the configured level),
 * plus the calls a benchmark needs from inside: its memory, and the raw scoring statement run
 * through the proxy's own DuckDB adapter, so both sides of the cold-lookup figure share one
 * engine, one buffer pool and one process.
 */

const today = process.env.BENCH_TODAY!;
const env = readEnvironment();
const log = createLogger({ level: env.UPSIGNAL_LOG_LEVEL, format: 'json' });
const proxy = await startProxy({ env, log, today: () => today });
if (!proxy.demoToken) throw new Error('the bench proxy runs on DuckDB, which issues a demo token');

serveParent(
  { url: proxy.url, token: proxy.demoToken } satisfies ProxyChildReady,
  {
    memory: (options) => memorySample(options),

    async rawScore(payload): Promise<RawScoreTiming> {
      const lookup = accountLookupSchema.parse(payload);
      const started = performance.now();
      const query = buildScoreQuery(
        proxy.tables,
        proxy.config,
        { items: [toTargetItem(0, lookup)] },
        today,
      );
      const rows = await proxy.warehouse.query(query.sql, query.binds, { label: 'bench-raw' });
      return { ms: performance.now() - started, rows: rows.length };
    },
  },
  () => proxy.close(),
);
