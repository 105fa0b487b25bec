import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readEnvironment } from '../../proxy/src/config/environment.ts';
import { seedDemoWarehouse } from '../../proxy/src/demo/demo-seed.ts';
import { createLogger, type Logger } from '../../proxy/src/observability/logger.ts';
import { DEMO_EMAIL } from '../../proxy/src/server/demo-token.ts';
import { type RunningProxy, startProxy as start } from '../../proxy/src/server/start-proxy.ts';
import { openDuckDbWarehouse } from '../../proxy/src/warehouse/duckdb-adapter.ts';
import { resolveTables } from '../../proxy/src/warehouse/table-names.ts';
import {
  type SnowflakeTestWarehouse,
  startSnowflakeTestWarehouse,
} from './snowflake-server/test-warehouse.ts';

/**
 * Starts the real proxy in-process on a random port over a fresh DuckDB file seeded with the
 * demo data set. In Snowflake mode the same file sits behind the local Snowflake-protocol
 * server and the proxy reaches it through the real `snowflake-sdk` driver. The calendar is
 * pinned so that expected values never depend on the day the suite runs.
 */

export type WarehouseMode = 'duckdb' | 'snowflake';

/** Every suite that touches the warehouse runs once per mode. */
export const warehouseModes: WarehouseMode[] = ['duckdb', 'snowflake'];

export const TEST_TODAY = '2026-12-03';
export const TEST_ACCOUNTS = 60;

export type HarnessOptions = {
  warehouse?: WarehouseMode;
  env?: Record<string, string>;
  /** Demo accounts to seed; the default matches the product's first start. */
  accounts?: number;
  today?: string;
  /** An existing warehouse file to start on as it is (a restart); its owner removes it. */
  dbPath?: string;
  /** Where the proxy logs; silent JSON by default. */
  log?: Logger;
};

export type TestProxy = {
  baseUrl: string;
  token: string;
  dbPath: string;
  proxy: RunningProxy;
  /** The local Snowflake-protocol server in Snowflake mode (its `faults` switches); else null. */
  snowflake: SnowflakeTestWarehouse | null;
  /** Stops the proxy and removes the files it was started on. */
  stop(): Promise<void>;
  /** Stops the proxy and keeps its warehouse file, for a restart on the same data. */
  close(): Promise<void>;
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
  const today = options.today ?? TEST_TODAY;
  const dir = options.dbPath ? null : await mkdtemp(join(tmpdir(), 'upsignal-test-'));
  const dbPath = options.dbPath ?? join(dir!, 'warehouse.duckdb');
  if (dir) await seedTestWarehouse(dbPath, options.accounts ?? TEST_ACCOUNTS, today);

  const snowflake =
    options.warehouse === 'snowflake'
      ? await startSnowflakeTestWarehouse({ duckdbPath: dbPath })
      : null;

  const env = readEnvironment({
    PORT: '0',
    UPSIGNAL_DUCKDB_PATH: dbPath,
    UPSIGNAL_LOG_LEVEL: 'silent',
    ...snowflake?.environment,
    ...options.env,
  });
  const log = options.log ?? createLogger({ level: env.UPSIGNAL_LOG_LEVEL, format: 'json' });
  const proxy = await start({ env, log, today: () => today }).catch(async (error: unknown) => {
    await snowflake?.stop();
    throw error;
  });

  // Snowflake mode issues no demo token: the same seller gets one through the token store, so
  // both modes answer with the same requester.
  const token = proxy.demoToken ?? (await proxy.tokens.issue(DEMO_EMAIL, 'tests')).token;
  const close = async () => {
    await proxy.close();
    await snowflake?.stop();
  };

  return {
    baseUrl: proxy.url,
    token,
    dbPath,
    proxy,
    snowflake,
    async stop() {
      await close();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
    close,
  };
}
