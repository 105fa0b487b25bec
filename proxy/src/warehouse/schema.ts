import type { Tables } from './table-names.ts';

/**
 * Tables Upsignal itself writes, created when missing. The DDL sticks to types both engines
 * share (TEXT, DOUBLE, BIGINT, TIMESTAMP, DATE) so one statement serves both.
 */
export function outputTableStatements(tables: Tables): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${tables.expansionSignals} (
      run_id TEXT NOT NULL,
      computed_at TIMESTAMP NOT NULL,
      account_id TEXT NOT NULL,
      score DOUBLE NOT NULL,
      band TEXT NOT NULL,
      signals TEXT NOT NULL,
      plays TEXT NOT NULL,
      as_of DATE
    )`,
    `CREATE TABLE IF NOT EXISTS ${tables.handoffs} (
      id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      account_id TEXT NOT NULL,
      play_id TEXT NOT NULL,
      note TEXT,
      requested_by TEXT NOT NULL,
      state TEXT NOT NULL,
      channel TEXT,
      attempts BIGINT NOT NULL,
      last_error TEXT,
      slack_ts TEXT,
      permalink TEXT,
      payload TEXT,
      created_at TIMESTAMP NOT NULL,
      next_attempt_at TIMESTAMP,
      delivered_at TIMESTAMP
    )`,
    `CREATE TABLE IF NOT EXISTS ${tables.apiTokens} (
      token_hash TEXT NOT NULL,
      email TEXT NOT NULL,
      label TEXT,
      created_at TIMESTAMP NOT NULL,
      revoked_at TIMESTAMP,
      last_used_at TIMESTAMP
    )`,
  ];
}

/** The source tables, for the embedded warehouse and for test fixtures. */
export function sourceTableStatements(tables: Tables): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS ${tables.accounts} (
      account_id TEXT, name TEXT, domain TEXT, created_at TIMESTAMP)`,
    `CREATE TABLE IF NOT EXISTS ${tables.subscriptions} (
      account_id TEXT, plan TEXT, seat_limit BIGINT, storage_limit_gb DOUBLE,
      api_call_limit BIGINT, mrr DOUBLE, renewal_date DATE)`,
    `CREATE TABLE IF NOT EXISTS ${tables.usageDaily} (
      account_id TEXT, day DATE, seats_used BIGINT, storage_gb DOUBLE, api_calls BIGINT)`,
    `CREATE TABLE IF NOT EXISTS ${tables.accountIdentities} (
      account_id TEXT, kind TEXT, value TEXT, valid_from TIMESTAMP, valid_to TIMESTAMP)`,
    `CREATE TABLE IF NOT EXISTS ${tables.tracks} (
      id TEXT, user_id TEXT, anonymous_id TEXT, context_group_id TEXT, event TEXT,
      timestamp TIMESTAMP)`,
    `CREATE TABLE IF NOT EXISTS ${tables.identifies} (
      user_id TEXT, anonymous_id TEXT, email TEXT, timestamp TIMESTAMP)`,
    `CREATE TABLE IF NOT EXISTS ${tables.groups} (
      user_id TEXT, group_id TEXT, timestamp TIMESTAMP)`,
  ];
}
