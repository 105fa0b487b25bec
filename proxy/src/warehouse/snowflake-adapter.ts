import type { ConnectionOptions } from 'snowflake-sdk';
import { describe, failedBeforeRunning } from './snowflake-failures.ts';
import { toRows } from './snowflake-rows.ts';
import { type ConnectionPool, sessionBroker } from './snowflake-sessions.ts';
import { executeStatement } from './snowflake-statement.ts';
import {
  type QueryOptions,
  type Row,
  type SqlValue,
  type Warehouse,
  WarehouseError,
} from './warehouse.ts';

/**
 * The production warehouse: Snowflake through the official snowflake-sdk driver, with key-pair
 * (JWT) authentication, a pool of sessions and a statement timeout on each. Loaded only when
 * Snowflake is chosen, because the driver pulls in large cloud SDKs.
 */

export type SnowflakeSettings = {
  account: string;
  username: string;
  privateKeyPath: string;
  privateKeyPassphrase?: string;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
  /** A full endpoint URL (private link, tests); otherwise derived from the account. */
  accessUrl?: string;
  statementTimeoutSeconds: number;
  poolMax: number;
};

/** Login retries on network errors; the driver's default of 7 takes minutes to give up. */
const LOGIN_RETRIES = 2;

const writes = /^\s*(INSERT|UPDATE|DELETE|MERGE)\b/i;

export async function openSnowflakeWarehouse(settings: SnowflakeSettings): Promise<Warehouse> {
  const timeout = settings.statementTimeoutSeconds;
  if (!Number.isInteger(timeout) || timeout < 1 || timeout > 604_800) {
    throw new RangeError(`statementTimeoutSeconds must be whole seconds in 1..604800: ${timeout}`);
  }

  const snowflake = await loadDriver();
  const pool = snowflake.createPool(connectionOptions(settings), {
    max: settings.poolMax,
    min: 0,
    testOnBorrow: true,
    evictionRunIntervalMillis: 60_000,
    idleTimeoutMillis: 30 * 60_000,
    acquireTimeoutMillis: 60_000,
  });
  const warehouse = snowflakeWarehouse(pool, timeout);

  try {
    await warehouse.query('select 1', [], { label: 'open' });
  } catch (error) {
    await warehouse.close();
    throw loginFailure(settings, error);
  }
  return warehouse;
}

function snowflakeWarehouse(pool: ConnectionPool, statementTimeoutSeconds: number): Warehouse {
  const withSession = sessionBroker(pool, statementTimeoutSeconds);

  return {
    kind: 'snowflake',

    query(sql: string, binds: readonly SqlValue[], options: QueryOptions): Promise<Row[]> {
      return withSession({
        label: options.label,
        // A write is repeated only when Snowflake certainly never ran it.
        mayRetry: (error) => !writes.test(sql) || failedBeforeRunning(error),
        run: async (connection) => {
          const { columns, rows } = await executeStatement(connection, sql, binds);
          return toRows(columns, rows);
        },
      });
    },

    run(statements: readonly string[], options: QueryOptions): Promise<void> {
      let completed = 0;
      return withSession({
        label: options.label,
        // A batch is replayed only if none of it can have run.
        mayRetry: (error) => completed === 0 && failedBeforeRunning(error),
        run: async (connection) => {
          for (const statement of statements) {
            await executeStatement(connection, statement);
            completed++;
          }
        },
      });
    },

    async close() {
      await pool.drain();
      await pool.clear();
    },
  };
}

async function loadDriver() {
  // Read at the driver's import: it otherwise probes cloud metadata endpoints (AWS, Azure,
  // GCP) for login telemetry (lib/telemetry/platform_detection.js).
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= 'true';
  const { default: snowflake } = await import('snowflake-sdk');

  // The driver logs to the console and ./snowflake.log by default; keep it silent.
  const silent = () => {};
  snowflake.configure({
    logLevel: 'OFF',
    additionalLogToConsole: false,
    customLogger: { error: silent, warn: silent, info: silent, debug: silent, trace: silent },
  });
  return snowflake;
}

function connectionOptions(settings: SnowflakeSettings): ConnectionOptions {
  return {
    account: settings.account,
    username: settings.username,
    authenticator: 'SNOWFLAKE_JWT',
    privateKeyPath: settings.privateKeyPath,
    ...(settings.privateKeyPassphrase ? { privateKeyPass: settings.privateKeyPassphrase } : {}),
    ...(settings.warehouse ? { warehouse: settings.warehouse } : {}),
    ...(settings.database ? { database: settings.database } : {}),
    ...(settings.schema ? { schema: settings.schema } : {}),
    ...(settings.role ? { role: settings.role } : {}),
    ...(settings.accessUrl ? { accessUrl: settings.accessUrl } : {}),
    application: 'Upsignal',
    sfRetryMaxLoginRetries: LOGIN_RETRIES,
    // With fetchAsString, NULL would otherwise arrive as the string 'NULL'.
    representNullAsStringNull: false,
  };
}

const unreachable = /ECONNREFUSED|ECONNRESET|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|Network error|hang up/;

/** Names the account and user and what to check; never the key or its passphrase. */
function loginFailure(settings: SnowflakeSettings, error: unknown): WarehouseError {
  if (error instanceof WarehouseError && error.failure !== 'unavailable') return error;

  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  let detail = describe(cause);
  if (settings.privateKeyPassphrase) {
    detail = detail.replaceAll(settings.privateKeyPassphrase, '[passphrase]');
  }

  const endpoint = `SNOWFLAKE_ACCOUNT${settings.accessUrl ? ' and SNOWFLAKE_ACCESS_URL' : ''}`;
  const advice = unreachable.test(detail)
    ? `Check ${endpoint} and that this host can reach Snowflake.`
    : `Check ${endpoint}, that SNOWFLAKE_USER has the public key of SNOWFLAKE_PRIVATE_KEY_PATH ` +
      'as its RSA_PUBLIC_KEY, and SNOWFLAKE_PRIVATE_KEY_PASSPHRASE if the key is encrypted.';

  return new WarehouseError(
    'unavailable',
    `cannot log in to Snowflake account "${settings.account}" as user "${settings.username}": ` +
      `${detail.replace(/\.?$/, '.')} ${advice}`,
    { cause: error },
  );
}
