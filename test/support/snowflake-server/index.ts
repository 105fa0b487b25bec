import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DuckDbEngine } from './duckdb-engine.ts';
import { Faults } from './faults.ts';
import { createRouter } from './router.ts';
import type { QueryRecord, ServerContext, ServerStats } from './server-context.ts';
import { statementTimeoutSeconds } from './session-statements.ts';
import { type SessionState, SessionStore } from './session-store.ts';

/**
 * A local stand-in for Snowflake that the real snowflake-sdk driver talks to over HTTP
 * (`accessUrl: server.url`), with DuckDB as its engine. It speaks the driver's REST protocol
 * and answers in Snowflake's conventions, so an adapter tested against it meets Snowflake's
 * wire format, identifier case, error codes and session behaviour.
 */

export { generateTestKeyPair, publicKeyFingerprint, type TestKeyPair } from './key-pair.ts';
export type { QueryRecord, ServerStats } from './server-context.ts';

export type SnowflakeServerOptions = {
  /** The DuckDB file the queries run on (opened by the server, closed by `stop`). */
  duckdbPath: string;
  /** The user's RSA_PUBLIC_KEY, SPKI PEM. */
  publicKeyPem: string;
  account?: string;
  user?: string;
  host?: string;
  port?: number;
  /** Statements running longer are answered "in progress" and polled; Snowflake: ~45 s. */
  inProgressAfterMs?: number;
  sessionTokenValiditySeconds?: number;
  masterTokenValiditySeconds?: number;
};

export type SessionSummary = {
  id: number;
  state: SessionState;
  statementTimeoutSeconds: number;
  parameters: Record<string, string>;
  warehouse?: string;
  database?: string;
  schema?: string;
  role?: string;
};

export type SnowflakeServer = {
  url: string;
  account: string;
  user: string;
  stats: Readonly<ServerStats>;
  /** Every statement the engine or the session handler answered, in order. */
  history: readonly QueryRecord[];
  faults: Faults;
  sessions(): SessionSummary[];
  stop(): Promise<void>;
};

export async function startSnowflakeServer(
  options: SnowflakeServerOptions,
): Promise<SnowflakeServer> {
  const account = (options.account ?? 'UPSIGNAL_TEST').toUpperCase();
  const user = (options.user ?? 'UPSIGNAL_SERVICE').toUpperCase();
  const host = options.host ?? '127.0.0.1';
  const sessions = new SessionStore({
    sessionSeconds: options.sessionTokenValiditySeconds ?? 3600,
    masterSeconds: options.masterTokenValiditySeconds ?? 14_400,
  });
  const server = createServer();
  let port = options.port ?? 0;

  const faults = new Faults({
    killSessions: (ids) => sessions.kill(ids),
    stopListening: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
    listenAgain: () => listen(server, host, port),
  });

  const context: ServerContext = {
    identity: { account, user, publicKeyPem: options.publicKeyPem },
    sessions,
    engine: await DuckDbEngine.open(options.duckdbPath),
    faults,
    stats: emptyStats(),
    history: [],
    running: new Map(),
    inProgressAfterMs: options.inProgressAfterMs ?? 45_000,
  };
  server.on('request', createRouter(context));

  await listen(server, host, port);
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    account,
    user,
    stats: context.stats,
    history: context.history,
    faults,
    sessions: () => sessions.list().map(summary),
    async stop() {
      if (server.listening) await faults.refuseConnections();
      await context.engine.close();
    },
  };
}

function listen(server: ReturnType<typeof createServer>, host: string, port: number) {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function emptyStats(): ServerStats {
  return {
    logins: 0,
    failedLogins: 0,
    lastLoginRefusal: null,
    queries: 0,
    resultPolls: 0,
    heartbeats: 0,
    renewals: 0,
    closedSessions: 0,
  };
}

function summary(session: ReturnType<SessionStore['list']>[number]): SessionSummary {
  return {
    id: session.id,
    state: session.state,
    statementTimeoutSeconds: statementTimeoutSeconds(session),
    parameters: Object.fromEntries(session.parameters),
    ...session.context,
  };
}
