import {
  type SnowflakeServer,
  type SnowflakeServerOptions,
  startSnowflakeServer,
} from './index.ts';
import { generateTestKeyPair, type TestKeyPair } from './key-pair.ts';

/**
 * The double plus a fresh key pair, and the settings a client needs to reach it, for suites
 * that run the proxy in Snowflake mode on a DuckDB file they seeded:
 *
 *   const snowflake = await startSnowflakeTestWarehouse({ duckdbPath });
 *   spawnProxy({ env: { ...process.env, ...snowflake.environment } });
 */

export type SnowflakeTestWarehouse = {
  server: SnowflakeServer;
  keys: TestKeyPair;
  /** The fields of the adapter's SnowflakeSettings that locate and authenticate. */
  connection: {
    account: string;
    username: string;
    privateKeyPath: string;
    privateKeyPassphrase: string | undefined;
    accessUrl: string;
    warehouse: string;
    database: string;
    schema: string;
    role: string;
  };
  /** The same as the proxy's environment variables (ARCHITECTURE.md, Environment). */
  environment: Record<string, string>;
  stop(): Promise<void>;
};

export async function startSnowflakeTestWarehouse(
  options: Omit<SnowflakeServerOptions, 'publicKeyPem'> & { passphrase?: string },
): Promise<SnowflakeTestWarehouse> {
  const { passphrase, ...serverOptions } = options;
  const keys = await generateTestKeyPair(passphrase ? { passphrase } : {});
  const server = await startSnowflakeServer({ ...serverOptions, publicKeyPem: keys.publicKeyPem });

  const connection = {
    account: server.account,
    username: server.user,
    privateKeyPath: keys.privateKeyPath,
    privateKeyPassphrase: passphrase,
    accessUrl: server.url,
    warehouse: 'UPSIGNAL_WH',
    database: 'UPSIGNAL',
    schema: 'PUBLIC',
    role: 'UPSIGNAL_READER',
  };

  const environment: Record<string, string> = {
    UPSIGNAL_WAREHOUSE: 'snowflake',
    SNOWFLAKE_ACCOUNT: connection.account,
    SNOWFLAKE_USER: connection.username,
    SNOWFLAKE_PRIVATE_KEY_PATH: connection.privateKeyPath,
    SNOWFLAKE_ACCESS_URL: connection.accessUrl,
    SNOWFLAKE_WAREHOUSE: connection.warehouse,
    SNOWFLAKE_DATABASE: connection.database,
    SNOWFLAKE_SCHEMA: connection.schema,
    SNOWFLAKE_ROLE: connection.role,
    ...(passphrase ? { SNOWFLAKE_PRIVATE_KEY_PASSPHRASE: passphrase } : {}),
  };

  return {
    server,
    keys,
    connection,
    environment,
    async stop() {
      await server.stop();
      await keys.remove();
    },
  };
}
