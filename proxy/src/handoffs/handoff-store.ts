import { type HandoffState, handoffStates } from '@upsignal/shared';
import { sqlTimestamp } from '../warehouse/sql-timestamp.ts';
import type { Tables } from '../warehouse/table-names.ts';
import type { SqlValue, Warehouse } from '../warehouse/warehouse.ts';
import { HANDOFF_COLUMNS, type StoredHandoff, toStoredHandoff } from './handoff-row.ts';

/**
 * The HANDOFFS outbox in the warehouse. Every statement is portable SQL (binds, CAST to
 * TIMESTAMP, no engine-specific functions) and every time comes from the proxy's clock, so the
 * same code runs on DuckDB and on Snowflake, whose CURRENT_TIMESTAMP carries a session zone.
 */

/** What one delivery attempt changes on a row. */
export type AttemptUpdate = {
  state: HandoffState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  slackTs: string | null;
  permalink: string | null;
  deliveredAt: Date | null;
};

export class HandoffStore {
  readonly #warehouse: Warehouse;
  readonly #table: string;

  constructor(warehouse: Warehouse, tables: Tables) {
    this.#warehouse = warehouse;
    this.#table = tables.handoffs;
  }

  async insert(handoff: StoredHandoff): Promise<void> {
    await this.#warehouse.query(
      `INSERT INTO ${this.#table} (${HANDOFF_COLUMNS})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
         CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP), CAST(? AS TIMESTAMP))`,
      [
        handoff.id,
        handoff.idempotencyKey,
        handoff.accountId,
        handoff.playId,
        handoff.note,
        handoff.requestedBy,
        handoff.state,
        handoff.channel,
        handoff.attempts,
        handoff.lastError,
        handoff.slackTs,
        handoff.permalink,
        handoff.message === null ? null : JSON.stringify(handoff.message),
        stripZone(handoff.createdAt),
        handoff.nextAttemptAt === null ? null : stripZone(handoff.nextAttemptAt),
        handoff.deliveredAt === null ? null : stripZone(handoff.deliveredAt),
      ],
      { label: 'handoffs' },
    );
  }

  async byKey(idempotencyKey: string): Promise<StoredHandoff | null> {
    const [found] = await this.#select('WHERE idempotency_key = ?', [idempotencyKey]);
    return found ?? null;
  }

  async byId(id: string): Promise<StoredHandoff | null> {
    const [found] = await this.#select('WHERE id = ?', [id]);
    return found ?? null;
  }

  /** The newest handoff of an account and play since a moment that did not fail. */
  async latestActive(accountId: string, playId: string, since: Date) {
    const [found] = await this.#select(
      `WHERE account_id = ? AND play_id = ? AND state <> 'failed'
         AND created_at >= CAST(? AS TIMESTAMP)
       ORDER BY created_at DESC, id DESC LIMIT 1`,
      [accountId, playId, sqlTimestamp(since)],
    );
    return found ?? null;
  }

  listForAccount(accountId: string): Promise<StoredHandoff[]> {
    return this.#select('WHERE account_id = ? ORDER BY created_at DESC, id DESC', [accountId]);
  }

  /** Pending rows whose next attempt is due, oldest first. */
  due(now: Date, limit: number): Promise<StoredHandoff[]> {
    return this.#select(
      `WHERE state = 'pending' AND next_attempt_at <= CAST(? AS TIMESTAMP)
       ORDER BY next_attempt_at, created_at LIMIT ${Math.trunc(limit)}`,
      [sqlTimestamp(now)],
    );
  }

  /** When the earliest pending row is due, or null when nothing waits. */
  async nextDueAt(): Promise<string | null> {
    const [row] = await this.#warehouse.query(
      `SELECT MIN(next_attempt_at) AS due_at FROM ${this.#table} WHERE state = 'pending'`,
      [],
      { label: 'handoffs' },
    );
    return typeof row?.due_at === 'string' ? row.due_at : null;
  }

  async countByState(): Promise<Record<HandoffState, number>> {
    const rows = await this.#warehouse.query(
      `SELECT state, COUNT(*) AS handoffs FROM ${this.#table} GROUP BY state`,
      [],
      { label: 'handoffs' },
    );
    const counts = Object.fromEntries(handoffStates.map((state) => [state, 0]));
    for (const row of rows) counts[String(row.state)] = Number(row.handoffs);
    return counts as Record<HandoffState, number>;
  }

  async recordAttempt(id: string, update: AttemptUpdate): Promise<void> {
    const moment = (value: Date | null) => (value === null ? null : sqlTimestamp(value));

    await this.#warehouse.query(
      `UPDATE ${this.#table}
       SET state = ?, attempts = ?, last_error = ?, next_attempt_at = CAST(? AS TIMESTAMP),
         slack_ts = ?, permalink = ?, delivered_at = CAST(? AS TIMESTAMP)
       WHERE id = ?`,
      [
        update.state,
        update.attempts,
        update.lastError,
        moment(update.nextAttemptAt),
        update.slackTs,
        update.permalink,
        moment(update.deliveredAt),
        id,
      ],
      { label: 'handoffs' },
    );
  }

  async #select(clause: string, binds: readonly SqlValue[]): Promise<StoredHandoff[]> {
    const rows = await this.#warehouse.query(
      `SELECT ${HANDOFF_COLUMNS} FROM ${this.#table} ${clause}`,
      binds,
      { label: 'handoffs' },
    );
    return rows.map(toStoredHandoff);
  }
}

/** An ISO string from the API shape ('…Z') as a zone-less UTC bind. */
function stripZone(iso: string): string {
  return sqlTimestamp(new Date(iso));
}
