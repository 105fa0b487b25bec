import type { Column, Connection } from 'snowflake-sdk';
import type { SqlValue } from './warehouse.ts';

/** The callback-based `connection.execute` as a promise. Values are always bound, never
 * spliced into the SQL text; rows come back as arrays so duplicate column names survive until
 * the row is built, and NUMBER values as exact strings. */

export type StatementResult = { columns: Column[]; rows: unknown[][] };

export function executeStatement(
  connection: Connection,
  sqlText: string,
  binds: readonly SqlValue[] = [],
): Promise<StatementResult> {
  return new Promise((resolve, reject) => {
    try {
      connection.execute({
        sqlText,
        ...(binds.length > 0 ? { binds: [...binds] } : {}),
        rowMode: 'array',
        fetchAsString: ['Number'],
        complete(error, statement, rows) {
          if (error) {
            reject(error);
            return;
          }
          resolve({ columns: statement.getColumns() ?? [], rows: (rows ?? []) as unknown[][] });
        },
      });
    } catch (error) {
      // The driver validates its arguments synchronously.
      reject(error);
    }
  });
}
