import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DuckDBInstance, type DuckDBType, DuckDBTypeId } from '@duckdb/node-api';
import pLimit from 'p-limit';
import { normaliseValue, type ValueKind } from './normalise-value.ts';
import {
  type QueryOptions,
  type Row,
  type SqlValue,
  type Warehouse,
  WarehouseError,
} from './warehouse.ts';

/**
 * Queries running at once. DuckDB parallelises each query over every core already; running
 * many cold scoring queries side by side only multiplies their memory (hundreds of concurrent
 * cold lookups once took the proxy to 4 GB), so the rest wait their turn.
 */
export const DUCKDB_MAX_CONCURRENT_QUERIES = 4;

/**
 * The embedded default: DuckDB in-process on a local file. Each query takes its own
 * connection from the one instance, which DuckDB runs concurrently.
 */
export async function openDuckDbWarehouse(path: string): Promise<Warehouse> {
  if (path !== ':memory:') await mkdir(dirname(path), { recursive: true });

  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (error) {
    throw new WarehouseError('unavailable', `cannot open the DuckDB file ${path}`, {
      cause: error,
    });
  }

  const limit = pLimit(DUCKDB_MAX_CONCURRENT_QUERIES);

  function withConnection<T>(
    work: (c: Awaited<ReturnType<DuckDBInstance['connect']>>) => Promise<T>,
  ) {
    return limit(async () => {
      const connection = await instance.connect();
      try {
        return await work(connection);
      } finally {
        connection.closeSync();
      }
    });
  }

  return {
    kind: 'duckdb',

    async query(sql: string, binds: readonly SqlValue[], options: QueryOptions): Promise<Row[]> {
      try {
        return await withConnection(async (connection) => {
          const reader = await connection.runAndReadAll(sql, [...binds]);
          const names = reader.columnNames().map((name) => name.toLowerCase());
          const kinds = reader.columnTypes().map(valueKind);

          return reader.getRowsJson().map((values) => {
            const row: Row = {};
            names.forEach((name, index) => {
              row[name] = normaliseValue(values[index], kinds[index]!);
            });
            return row;
          });
        });
      } catch (error) {
        throw new WarehouseError(
          'query',
          `DuckDB query "${options.label}" failed: ${message(error)}`,
          {
            cause: error,
          },
        );
      }
    },

    async run(statements: readonly string[], options: QueryOptions): Promise<void> {
      try {
        await withConnection(async (connection) => {
          for (const statement of statements) await connection.run(statement);
        });
      } catch (error) {
        throw new WarehouseError('query', `DuckDB "${options.label}" failed: ${message(error)}`, {
          cause: error,
        });
      }
    },

    async close() {
      instance.closeSync();
    },
  };
}

function valueKind(type: DuckDBType): ValueKind {
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.DECIMAL:
      return 'number';
    case DuckDBTypeId.BOOLEAN:
      return 'boolean';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_NS:
      return 'timestamp';
    default:
      return 'text';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
