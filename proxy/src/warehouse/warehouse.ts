/**
 * The port every warehouse adapter implements. SQL handed to it is written once in the dialect
 * subset that DuckDB and Snowflake both accept (`?` placeholders, string date parts, CASE
 * rather than IFF); adapters only connect, bind and normalise.
 */

export type WarehouseKind = 'duckdb' | 'snowflake';

export type SqlValue = string | number | boolean | null;

/**
 * A result row as both adapters return it: lower-case column names; numbers as numbers;
 * DATE as 'YYYY-MM-DD'; TIMESTAMP as an ISO-8601 string in UTC; booleans as booleans.
 */
export type Row = Record<string, string | number | boolean | null>;

export type QueryOptions = {
  /** A short name for metrics and logs ("score", "resolve"); never the SQL or the binds. */
  label: string;
};

export interface Warehouse {
  readonly kind: WarehouseKind;
  query(sql: string, binds: readonly SqlValue[], options: QueryOptions): Promise<Row[]>;
  /** Several statements in order on one connection (DDL, seeding); no result. */
  run(statements: readonly string[], options: QueryOptions): Promise<void>;
  close(): Promise<void>;
}

export type WarehouseFailure = 'unavailable' | 'timeout' | 'query';

/**
 * The one error type that leaves an adapter. `unavailable` and `timeout` are worth retrying
 * later (the HTTP layer answers 503 with Retry-After); `query` is a fault in the SQL or data.
 */
export class WarehouseError extends Error {
  override readonly name = 'WarehouseError';

  constructor(
    readonly failure: WarehouseFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
