import {
  type DuckDBConnection,
  DuckDBInstance,
  type DuckDBResultReader,
  StatementType,
} from '@duckdb/node-api';
import type { BindValue } from './binds.ts';
import { snowflakeColumnNames } from './column-names.ts';
import { encodeResult, type RowType } from './result-encoding.ts';
import { snowflakeErrorFor } from './sql-errors.ts';
import { failures, type SnowflakeFailure } from './wire-format.ts';

/**
 * The engine behind the double: each statement runs on its own DuckDB connection, so a
 * statement timeout interrupts that statement only, as Snowflake cancels one query.
 */

export type QueryResult = {
  rowtype: RowType[];
  rowset: (string | null)[][];
  statementTypeId: number;
};

export type QueryOutcome = { result: QueryResult } | { failure: SnowflakeFailure };

export type ExecuteOptions = {
  /** The session's STATEMENT_TIMEOUT_IN_SECONDS; 0 means none. */
  timeoutSeconds: number;
  /** A fault: the statement does nothing until it times out or the server stops. */
  hang: boolean;
  /** A fault: the statement waits this long before it runs. */
  delayMs: number;
};

/** Snowflake's statement type ids (the driver reads them to count DML rows). */
const statementTypeIds: Partial<Record<StatementType, number>> = {
  [StatementType.SELECT]: 0x1000,
  [StatementType.INSERT]: 0x3100,
  [StatementType.UPDATE]: 0x3200,
  [StatementType.DELETE]: 0x3300,
  [StatementType.MERGE_INTO]: 0x3400,
};

export class DuckDbEngine {
  private readonly stopWaiters = new Set<() => void>();
  private readonly active = new Map<DuckDBConnection, Promise<QueryOutcome>>();
  private closing = false;

  private constructor(private readonly instance: DuckDBInstance) {}

  static async open(path: string): Promise<DuckDbEngine> {
    return new DuckDbEngine(await DuckDBInstance.create(path));
  }

  async execute(sql: string, params: BindValue[], options: ExecuteOptions): Promise<QueryOutcome> {
    const connection = await this.instance.connect();
    const outcome = this.run(connection, sql, params, options);
    this.active.set(connection, outcome);
    try {
      return await outcome;
    } finally {
      this.active.delete(connection);
      connection.closeSync();
    }
  }

  private async run(
    connection: DuckDBConnection,
    sql: string,
    params: BindValue[],
    options: ExecuteOptions,
  ): Promise<QueryOutcome> {
    let timedOut = false;
    let wake = () => {};
    const stopped = new Promise<void>((resolve) => {
      wake = resolve;
    });
    this.stopWaiters.add(wake);
    const timer =
      options.timeoutSeconds > 0
        ? setTimeout(() => {
            timedOut = true;
            connection.interrupt();
            wake();
          }, options.timeoutSeconds * 1000)
        : undefined;

    try {
      const count = await statementCount(connection, sql);
      if (count === 0) return { failure: emptyStatement() };
      if (count > 1) return { failure: failures.statementCount(count) };

      // Faults: a hung statement waits for its timeout; a slow one for its delay first.
      if (options.hang) await stopped;
      else if (options.delayMs > 0) await Promise.race([stopped, sleep(options.delayMs)]);
      if (timedOut) return { failure: failures.statementTimeout(options.timeoutSeconds) };
      if (options.hang || this.closing) return { failure: failures.canceled() };

      const reader = await connection.runAndReadAll(sql, params);
      return { result: snowflakeResult(sql, reader) };
    } catch (error) {
      if (timedOut) return { failure: failures.statementTimeout(options.timeoutSeconds) };
      return { failure: snowflakeErrorFor(error) };
    } finally {
      clearTimeout(timer);
      this.stopWaiters.delete(wake);
    }
  }

  /** Cancels what is still running (hung statements end as canceled) and closes the file. */
  async close(): Promise<void> {
    this.closing = true;
    for (const connection of this.active.keys()) connection.interrupt();
    for (const wake of this.stopWaiters) wake();
    await Promise.allSettled(this.active.values());
    this.instance.closeSync();
  }
}

async function statementCount(connection: DuckDBConnection, sql: string): Promise<number> {
  return (await connection.extractStatements(sql)).count;
}

function snowflakeResult(sql: string, reader: DuckDBResultReader): QueryResult {
  const statementTypeId = statementTypeIds[reader.statementType] ?? 0x6000;
  const count = () => String(reader.getRowsJson()[0]?.[0] ?? '0');

  switch (reader.statementType) {
    case StatementType.SELECT: {
      const names = snowflakeColumnNames(sql, reader.columnNames());
      return { ...encodeResult(reader, names), statementTypeId };
    }
    case StatementType.INSERT:
      return counts(statementTypeId, ['number of rows inserted'], [count()]);
    case StatementType.UPDATE:
      return counts(
        statementTypeId,
        ['number of rows updated', 'number of multi-joined rows updated'],
        [count(), '0'],
      );
    case StatementType.DELETE:
      return counts(statementTypeId, ['number of rows deleted'], [count()]);
    default:
      return statusResult('Statement executed successfully.', statementTypeId);
  }
}

function counts(statementTypeId: number, names: string[], values: string[]): QueryResult {
  const rowtype = names.map((name) => column(name, 'fixed', { precision: 19, scale: 0 }));
  return { rowtype, rowset: [values], statementTypeId };
}

export function statusResult(status: string, statementTypeId = 0x6000): QueryResult {
  const text = { length: 16_777_216, byteLength: 16_777_216 };
  return { rowtype: [column('status', 'text', text)], rowset: [[status]], statementTypeId };
}

function column(name: string, type: string, sizes: Partial<RowType>): RowType {
  return {
    name,
    database: '',
    schema: '',
    table: '',
    nullable: true,
    type,
    scale: null,
    precision: null,
    length: null,
    byteLength: null,
    collation: null,
    ...sizes,
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function emptyStatement(): SnowflakeFailure {
  return { code: '000900', sqlState: '42000', message: 'Empty SQL statement.' };
}
