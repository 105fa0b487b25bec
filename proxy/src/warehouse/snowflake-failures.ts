import type { Connection } from 'snowflake-sdk';
import { WarehouseError } from './warehouse.ts';

/**
 * What a snowflake-sdk error means for the caller. Codes from the driver's
 * lib/constants/gs_errors.js and lib/error_code.js, and Snowflake's 000630 statement timeout.
 */

export type FailureKind = 'connection-lost' | 'no-answer' | 'timeout' | 'unavailable' | 'query';

/**
 * No answer in time. The driver re-sends a request that met a network error for hours
 * (sfRetryMaxNumRetries is 1000 in lib/connection/connection_config.js and cannot be set), so
 * the adapter bounds the wait itself.
 */
export class NoAnswerError extends Error {
  override readonly name = 'NoAnswerError';
}

/** Session gone (390111), expired (390112), renewal refused (390114), token invalid (390104). */
const deadSessionCodes = new Set(['390104', '390111', '390112', '390114']);

/** The driver's "Unable to perform operation using terminated connection." */
const TERMINATED_CONNECTION = 407002;

const STATEMENT_TIMEOUT = '000630';

export function classifyFailure(error: unknown, connection: Connection): FailureKind {
  const { name, code } = error as { name?: string; code?: unknown };
  const codeText = String(code);

  if (error instanceof NoAnswerError) return 'no-answer';
  if (codeText === STATEMENT_TIMEOUT) return 'timeout';
  if (!connection.isUp()) return 'connection-lost';
  if (deadSessionCodes.has(codeText) || code === TERMINATED_CONNECTION) return 'connection-lost';
  if (name === 'NetworkError') return 'connection-lost';
  if (name === 'RequestFailedError' || name === 'UnexpectedContentError') return 'unavailable';
  return 'query';
}

/**
 * Whether Snowflake certainly never ran the statement: a dead-session answer (390xxx) or the
 * driver's refusal to send on a terminated connection (407002). After a network error the
 * statement may or may not have run.
 */
export function failedBeforeRunning(error: unknown): boolean {
  const { code } = error as { code?: unknown };
  return deadSessionCodes.has(String(code)) || code === TERMINATED_CONNECTION;
}

export function warehouseError(kind: FailureKind, label: string, error: unknown): WarehouseError {
  const detail = describe(error);

  switch (kind) {
    case 'timeout':
      return new WarehouseError('timeout', `Snowflake query "${label}" timed out: ${detail}`, {
        cause: error,
      });
    case 'query':
      return new WarehouseError('query', `Snowflake query "${label}" failed: ${detail}`, {
        cause: error,
      });
    default:
      return new WarehouseError(
        'unavailable',
        `Snowflake is unavailable for "${label}": ${detail}`,
        { cause: error },
      );
  }
}

/** The driver's message with Snowflake's error code and SQL state, which its docs index. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);

  const { code, sqlState } = error as { code?: unknown; sqlState?: unknown };
  const tags = [code ? `code ${String(code)}` : '', sqlState ? `SQL state ${String(sqlState)}` : '']
    .filter(Boolean)
    .join(', ');
  const message = error.message.replace(/\s+/g, ' ').trim();
  return tags ? `${message} (${tags})` : message;
}
