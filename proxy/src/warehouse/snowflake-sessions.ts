import type { Connection } from 'snowflake-sdk';
import { classifyFailure, describe, NoAnswerError, warehouseError } from './snowflake-failures.ts';
import { executeStatement } from './snowflake-statement.ts';
import { WarehouseError } from './warehouse.ts';

/**
 * Borrowing pooled Snowflake sessions. Pooled connections die (idle sessions expire on the
 * server, networks drop them: snowflake-sdk issues #336 and #682); the pool's testOnBorrow
 * heartbeat catches most, and work that still fails because its connection died is retried
 * once on a fresh one, unless it may already have written. Each new session gets the
 * statement timeout before its first use, and no call waits longer than twice that.
 */

export type ConnectionPool = ReturnType<typeof import('snowflake-sdk')['createPool']>;

export type SessionWork<T> = {
  label: string;
  run(connection: Connection): Promise<T>;
  /** Whether the work may run again after its connection died with this error. */
  mayRetry(error: unknown): boolean;
};

export function sessionBroker(pool: ConnectionPool, statementTimeoutSeconds: number) {
  const prepared = new WeakSet<Connection>();
  // Past Snowflake's own timeout, with room for result polling and slow networks.
  const answerDeadlineMs = (2 * statementTimeoutSeconds + 10) * 1000;

  async function acquire(label: string): Promise<Connection> {
    try {
      return await pool.acquire();
    } catch (error) {
      throw new WarehouseError(
        'unavailable',
        `Snowflake is unavailable for "${label}": cannot open a session: ${describe(error)}`,
        { cause: error },
      );
    }
  }

  async function prepare(connection: Connection): Promise<void> {
    if (prepared.has(connection)) return;
    // Snowflake's default statement timeout is two days; ours bounds every statement.
    await executeStatement(
      connection,
      `ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = ${statementTimeoutSeconds}`,
    );
    prepared.add(connection);
  }

  return async function withSession<T>(work: SessionWork<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const connection = await acquire(work.label);
      let started = false;
      try {
        await withinDeadline(prepare(connection), answerDeadlineMs);
        started = true;
        const result = await withinDeadline(work.run(connection), answerDeadlineMs);
        await pool.release(connection);
        return result;
      } catch (error) {
        const kind = classifyFailure(error, connection);
        if (kind === 'no-answer') {
          // Its request may still be in flight: drop the session without waiting on it.
          pool.destroy(connection).catch(() => {});
          throw warehouseError(kind, work.label, error);
        }
        if (kind !== 'connection-lost') {
          await pool.release(connection);
          throw warehouseError(kind, work.label, error);
        }

        await pool.destroy(connection);
        if (attempt === 1 && (!started || work.mayRetry(error))) continue;
        throw warehouseError(kind, work.label, error);
      }
    }
  };
}

function withinDeadline<T>(work: Promise<T>, deadlineMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new NoAnswerError(`no answer within ${deadlineMs / 1000} s`)),
      deadlineMs,
    );
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
