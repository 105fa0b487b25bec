import { existsSync } from 'node:fs';
import type { Environment } from '../config/environment.ts';
import { seedDemoWarehouse } from '../demo/demo-seed.ts';
import type { Logger } from '../observability/logger.ts';
import { openDuckDbWarehouse } from './duckdb-adapter.ts';
import { outputTableStatements } from './schema.ts';
import type { Tables } from './table-names.ts';
import type { Warehouse } from './warehouse.ts';

export type OpenedWarehouse = { warehouse: Warehouse; seeded: boolean };

/**
 * Opens the configured warehouse and makes sure Upsignal's own tables exist. The embedded file
 * is seeded with the demo data set only when it does not exist yet: an existing file (say, an
 * export of a company's own tables) is used as it is.
 */
export async function openWarehouse(
  env: Environment,
  tables: Tables,
  log: Logger,
): Promise<OpenedWarehouse> {
  if (env.UPSIGNAL_WAREHOUSE === 'snowflake') {
    // Loaded only when chosen: the driver pulls in large cloud SDKs.
    const { openSnowflakeWarehouse } = await import('./snowflake-adapter.ts');
    const warehouse = await openSnowflakeWarehouse({
      account: env.SNOWFLAKE_ACCOUNT!,
      username: env.SNOWFLAKE_USER!,
      privateKeyPath: env.SNOWFLAKE_PRIVATE_KEY_PATH!,
      privateKeyPassphrase: env.SNOWFLAKE_PRIVATE_KEY_PASSPHRASE,
      warehouse: env.SNOWFLAKE_WAREHOUSE,
      database: env.SNOWFLAKE_DATABASE,
      schema: env.SNOWFLAKE_SCHEMA,
      role: env.SNOWFLAKE_ROLE,
      accessUrl: env.SNOWFLAKE_ACCESS_URL,
      statementTimeoutSeconds: env.UPSIGNAL_STATEMENT_TIMEOUT_SECONDS,
      poolMax: env.SNOWFLAKE_POOL_MAX,
    });
    await warehouse.run(outputTableStatements(tables), { label: 'create output tables' });
    return { warehouse, seeded: false };
  }

  const path = env.UPSIGNAL_DUCKDB_PATH;
  const isNew = path === ':memory:' || !existsSync(path);
  const warehouse = await openDuckDbWarehouse(path);

  if (isNew) {
    const accounts = env.UPSIGNAL_DEMO_ACCOUNTS;
    log.info({ path, accounts }, 'seeding the demo warehouse');
    await seedDemoWarehouse(warehouse, tables, {
      accounts,
      today: new Date().toISOString().slice(0, 10),
      // A large demo takes a while; say how far it got (`upsignal seed` draws a bar instead).
      onProgress: (done, total, step) => log.debug({ done, total, step }, 'seeding'),
    });
  }
  await warehouse.run(outputTableStatements(tables), { label: 'create output tables' });
  return { warehouse, seeded: isNew };
}
