import type { Environment } from '../config/environment.ts';
import { loadConfig } from '../config/scoring-config.ts';
import type { Logger } from '../observability/logger.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import { resolveTables } from '../warehouse/table-names.ts';
import { WarehouseError } from '../warehouse/warehouse.ts';

/** Opens the warehouse for a one-off command, explaining the embedded file's single writer. */
export async function openForCli(env: Environment, log: Logger) {
  const config = await loadConfig(env.UPSIGNAL_CONFIG);
  const tables = resolveTables(config.warehouse?.tables);

  try {
    const { warehouse } = await openWarehouse(env, tables, log);
    return { config, tables, warehouse };
  } catch (error) {
    if (error instanceof WarehouseError && /lock/i.test(String((error.cause as Error)?.message))) {
      throw new WarehouseError(
        'unavailable',
        `${env.UPSIGNAL_DUCKDB_PATH} is open in a running proxy; DuckDB allows one writer. ` +
          'Stop the proxy, run this command, then start it again.',
      );
    }
    throw error;
  }
}
