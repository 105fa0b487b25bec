import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnvironment } from '../../proxy/src/config/environment.ts';
import { seedDemoWarehouse } from '../../proxy/src/demo/demo-seed.ts';
import { createLogger } from '../../proxy/src/observability/logger.ts';
import { type RunningProxy, startProxy as start } from '../../proxy/src/server/start-proxy.ts';
import { openDuckDbWarehouse } from '../../proxy/src/warehouse/duckdb-adapter.ts';
import { resolveTables } from '../../proxy/src/warehouse/table-names.ts';

/**
 * Starts the real proxy in-process on a random port over a fresh DuckDB file seeded with the
 * demo data set. The calendar is pinned so that expected values never depend on the day the
 * suite runs.
 */

export const TEST_TODAY = '2026-12-03';
export const TEST_ACCOUNTS = 60;

export type HarnessOptions = {
  env?: Record<string, string>;
  /** Demo accounts to seed; the default matches the product's first start. */
  accounts?: number;
  today?: string;
};

export type TestProxy = {
  baseUrl: string;
  token: string;
  dbPath: string;
  proxy: RunningProxy;
  stop(): Promise<void>;
};

export async function seedTestWarehouse(
  path: string,
  accounts = TEST_ACCOUNTS,
  today = TEST_TODAY,
) {
  const warehouse = await openDuckDbWarehouse(path);
  try {
    await seedDemoWarehouse(warehouse, resolveTables(), { accounts, today });
  } finally {
    await warehouse.close();
  }
}

export async function startProxy(options: HarnessOptions = {}): Promise<TestProxy> {
  const dir = await mkdtemp(join(tmpdir(), 'upsignal-test-'));
  const dbPath = join(dir, 'warehouse.duckdb');
  const today = options.today ?? TEST_TODAY;
  await seedTestWarehouse(dbPath, options.accounts ?? TEST_ACCOUNTS, today);

  const env = readEnvironment({
    PORT: '0',
    UPSIGNAL_DUCKDB_PATH: dbPath,
    UPSIGNAL_LOG_LEVEL: 'silent',
    ...options.env,
  });
  const log = createLogger({ level: env.UPSIGNAL_LOG_LEVEL, format: 'json' });
  const proxy = await start({ env, log, today: () => today });

  if (!proxy.demoToken) throw new Error('the embedded proxy issued no demo token');
  return {
    baseUrl: proxy.url,
    token: proxy.demoToken,
    dbPath,
    proxy,
    async stop() {
      await proxy.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
