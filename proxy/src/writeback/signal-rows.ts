import type { ScoreResponse } from '@upsignal/shared';
import { sqlTimestamp } from '../warehouse/sql-timestamp.ts';
import type { SqlValue } from '../warehouse/warehouse.ts';

/**
 * One EXPANSION_SIGNALS row per scored account. Signals and plays are JSON text, which both
 * engines store as is and a data team parses where it models (PARSE_JSON in Snowflake,
 * json_extract in DuckDB); each signal keeps its id, value and whether it fired.
 */

export const SIGNAL_COLUMNS = 'run_id, computed_at, account_id, score, band, signals, plays, as_of';

/** The VALUES tuple for one row, with the casts that make binds land in the column types. */
export const SIGNAL_ROW_PLACEHOLDERS =
  '(?, CAST(? AS TIMESTAMP), ?, CAST(? AS DOUBLE), ?, ?, ?, CAST(? AS DATE))';

export type SignalRecord = { id: string; value: number | null; fired: boolean };

export function signalRowBinds(runId: string, score: ScoreResponse): SqlValue[] {
  const signals: SignalRecord[] = score.signals.map(({ id, value, fired }) => ({
    id,
    value,
    fired,
  }));
  const plays = score.plays.map((play) => play.id);

  return [
    runId,
    sqlTimestamp(new Date(score.computedAt)),
    score.account.accountId,
    score.score,
    score.band.id,
    JSON.stringify(signals),
    JSON.stringify(plays),
    score.asOf,
  ];
}
