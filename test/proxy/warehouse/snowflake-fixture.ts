import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { SnowflakeSettings } from '../../../proxy/src/warehouse/snowflake-adapter.ts';
import {
  type SnowflakeTestWarehouse,
  startSnowflakeTestWarehouse,
} from '../../support/snowflake-server/test-warehouse.ts';

/**
 * One small data set in two identical DuckDB files: one for the DuckDB adapter, one behind the
 * Snowflake double, so the same SQL can be compared through both adapters. The rows cover
 * every type the port normalises, NULLs, quotes and accents, and a timestamp before 1970.
 */

const schema = `CREATE TABLE accounts (
  account_id TEXT, name TEXT, plan TEXT, seats BIGINT, seat_limit BIGINT, mrr DECIMAL(12, 2),
  storage_gb DOUBLE, renewal_date DATE, created_at TIMESTAMP, active BOOLEAN, signals TEXT)`;

const rows = `INSERT INTO accounts VALUES
  ('acc-1', 'Acme "Rockets"', 'team', 45, 50, 1234.50, 12.75, DATE '2026-03-31',
   TIMESTAMP '2024-01-02 03:04:05.123456', true, '{"seats":0.9}'),
  ('acc-2', 'Zoë''s Café', 'business', 10, 100, 99.99, 0.1, DATE '2025-12-01',
   TIMESTAMP '1969-12-31 23:59:59.5', false, NULL),
  ('acc-3', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`;

export const PASSPHRASE = 'correct horse battery staple';

export type Fixture = {
  duckdbPath: string;
  snowflake: SnowflakeTestWarehouse;
  settings(overrides?: Partial<SnowflakeSettings>): SnowflakeSettings;
  remove(): Promise<void>;
};

export async function startFixture(
  options: { inProgressAfterMs?: number; sessionTokenValiditySeconds?: number } = {},
): Promise<Fixture> {
  const dir = await mkdtemp(join(tmpdir(), 'upsignal-snowflake-adapter-'));
  const duckdbPath = join(dir, 'embedded.duckdb');
  const behindSnowflake = join(dir, 'behind-snowflake.duckdb');

  const instance = await DuckDBInstance.create(duckdbPath);
  const connection = await instance.connect();
  await connection.run(schema);
  await connection.run(rows);
  connection.closeSync();
  instance.closeSync();
  await copyFile(duckdbPath, behindSnowflake);

  const snowflake = await startSnowflakeTestWarehouse({
    duckdbPath: behindSnowflake,
    passphrase: PASSPHRASE,
    ...options,
  });

  return {
    duckdbPath,
    snowflake,
    settings: (overrides = {}) => ({
      ...snowflake.connection,
      statementTimeoutSeconds: 30,
      poolMax: 2,
      ...overrides,
    }),
    async remove() {
      await snowflake.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
