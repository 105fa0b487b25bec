/**
 * The JSON envelopes Snowflake's REST endpoints answer with, and the error codes this double
 * uses. Every answer is HTTP 200 with `success` telling the outcome; the driver reads `code`,
 * `message` and `data.sqlState` (snowflake-sdk lib/services/sf.js, sendHttpRequest).
 */

export type Envelope = {
  data: unknown;
  code: string | null;
  message: string | null;
  success: boolean;
  headers?: null;
};

export type SnowflakeFailure = {
  code: string;
  message: string;
  sqlState?: string;
  /** Extra fields of `data` (login failures carry `nextAction`, SQL errors carry `type`). */
  data?: Record<string, unknown>;
};

export function succeed(data: unknown, code: string | null = null): Envelope {
  return { data, code, message: null, success: true };
}

export function fail(failure: SnowflakeFailure, queryId?: string): Envelope {
  const data: Record<string, unknown> = { ...failure.data };
  if (failure.sqlState) {
    Object.assign(data, {
      internalError: false,
      errorCode: failure.code,
      age: 0,
      sqlState: failure.sqlState,
      queryId: queryId ?? null,
      line: -1,
      pos: -1,
    });
  }
  return { data, code: failure.code, message: failure.message, success: false, headers: null };
}

/** Codes the driver itself reacts to (snowflake-sdk lib/constants/gs_errors.js) and the SQL
 * codes Snowflake documents for the same situations. */
export const failures = {
  jwtInvalid: (): SnowflakeFailure => ({
    code: '390144',
    message: 'JWT token is invalid.',
    data: { nextAction: 'RETRY_LOGIN', authnMethod: 'KEY_PAIR', signInOptions: {} },
  }),
  sessionExpired: (): SnowflakeFailure => ({
    code: '390112',
    message: 'Your session has expired. Please login again.',
  }),
  sessionGone: (): SnowflakeFailure => ({
    code: '390111',
    message: 'Session no longer exists.  New login required to access the service.',
  }),
  sessionTokenInvalid: (): SnowflakeFailure => ({
    code: '390104',
    message: 'Authentication token is invalid.',
  }),
  masterTokenExpired: (): SnowflakeFailure => ({
    code: '390114',
    message: 'Authentication token has expired.  The user must authenticate again.',
  }),
  statementTimeout: (seconds: number): SnowflakeFailure => ({
    code: '000630',
    sqlState: '57014',
    message:
      `Statement reached its statement or warehouse timeout of ${seconds} second(s) ` +
      'and was canceled.',
    data: { type: 'EXECUTION' },
  }),
  canceled: (): SnowflakeFailure => ({
    code: '000604',
    sqlState: '57014',
    message: 'SQL execution canceled',
    data: { type: 'EXECUTION' },
  }),
  statementCount: (actual: number): SnowflakeFailure => ({
    code: '000008',
    sqlState: '0A000',
    message: `Actual statement count ${actual} did not match the desired statement count 1.`,
    data: { type: 'COMPILATION' },
  }),
  unsupported: (feature: string): SnowflakeFailure => ({
    code: '000002',
    sqlState: '0A000',
    message: `SQL compilation error:\nUnsupported feature '${feature}'.`,
    data: { type: 'COMPILATION' },
  }),
} as const;
