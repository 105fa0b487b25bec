import type { DuckDbEngine } from './duckdb-engine.ts';
import type { Faults } from './faults.ts';
import type { SessionStore } from './session-store.ts';
import type { Envelope } from './wire-format.ts';

/** What every route of the double shares: who may log in, the sessions, the engine, the
 * fault switches and what happened so far. */

export type Identity = { account: string; user: string; publicKeyPem: string };

export type ServerStats = {
  /** Successful logins, each a new session. */
  logins: number;
  failedLogins: number;
  /** Why the last login was refused (for a test's failure message). */
  lastLoginRefusal: string | null;
  /** Query requests that reached the engine or the session-statement handler. */
  queries: number;
  /** GET /queries/<id>/result calls: polls for statements answered "in progress". */
  resultPolls: number;
  heartbeats: number;
  renewals: number;
  closedSessions: number;
};

export type QueryRecord = {
  sessionId: number;
  sql: string;
  bindings: unknown;
  outcome: 'success' | { code: string };
};

export type ServerContext = {
  identity: Identity;
  sessions: SessionStore;
  engine: DuckDbEngine;
  faults: Faults;
  stats: ServerStats;
  history: QueryRecord[];
  /** Queries still running after their first answer, by query id, for result polling. */
  running: Map<string, Promise<Envelope>>;
  inProgressAfterMs: number;
};

/** The session parameters Snowflake returns on login and with every result; the driver reads
 * the output formats from them (lib/connection/result/column.js). */
export const sessionParameters = [
  { name: 'TIMEZONE', value: 'America/Los_Angeles' },
  { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3' },
  { name: 'TIMESTAMP_LTZ_OUTPUT_FORMAT', value: '' },
  { name: 'TIMESTAMP_TZ_OUTPUT_FORMAT', value: '' },
  { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
  { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS' },
  { name: 'BINARY_OUTPUT_FORMAT', value: 'HEX' },
  { name: 'CLIENT_SESSION_KEEP_ALIVE', value: false },
  { name: 'CLIENT_SESSION_KEEP_ALIVE_HEARTBEAT_FREQUENCY', value: 3600 },
  { name: 'QUERY_CONTEXT_CACHE_SIZE', value: 5 },
];
