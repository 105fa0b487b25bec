import { randomUUID } from 'node:crypto';
import type { ScoreResponse } from '@upsignal/shared';
import type { ScoreService } from '../scoring/score-service.ts';
import type { Tables } from '../warehouse/table-names.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { SIGNAL_COLUMNS, SIGNAL_ROW_PLACEHOLDERS, signalRowBinds } from './signal-rows.ts';

export type WritebackOptions = {
  service: ScoreService;
  warehouse: Warehouse;
  tables: Tables;
  /**
   * Rows per INSERT. Many rows per statement keep 10 000 accounts to a few round trips on
   * Snowflake, where each statement costs a round trip and a compile; 500 rows of 8 binds stay
   * far below the statement and bind limits of both engines.
   */
  batchSize?: number;
  /** Called once the scores are in, then after each batch: rows written so far and in all. */
  onProgress?: (written: number, total: number) => void;
};

export type WritebackSummary = {
  runId: string;
  computedAt: string;
  accounts: number;
  rowsWritten: number;
  /** How many accounts each signal fired for, by signal id. */
  fired: Record<string, number>;
  seconds: number;
};

export const DEFAULT_BATCH_SIZE = 500;

/**
 * Scores every account with the one set-based query and appends one row per account to
 * EXPANSION_SIGNALS under a new run id. A run is append-only: a rerun adds a new run and never
 * touches an earlier one, so the table is the history of every signal. A run that fails part
 * way leaves the batches already written under its run id; the next run is complete on its own.
 */
export async function writeSignals(options: WritebackOptions): Promise<WritebackSummary> {
  const started = performance.now();
  const runId = randomUUID();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;

  const scores = await options.service.scoreAll();
  options.onProgress?.(0, scores.length);

  let written = 0;
  for (let start = 0; start < scores.length; start += batchSize) {
    const batch = scores.slice(start, start + batchSize);
    await options.warehouse.query(
      `INSERT INTO ${options.tables.expansionSignals} (${SIGNAL_COLUMNS}) VALUES ` +
        batch.map(() => SIGNAL_ROW_PLACEHOLDERS).join(', '),
      batch.flatMap((score) => signalRowBinds(runId, score)),
      { label: 'writeback' },
    );
    written += batch.length;
    options.onProgress?.(written, scores.length);
  }

  return {
    runId,
    computedAt: scores[0]?.computedAt ?? new Date().toISOString(),
    accounts: scores.length,
    rowsWritten: written,
    fired: firedCounts(scores),
    seconds: (performance.now() - started) / 1000,
  };
}

function firedCounts(scores: ScoreResponse[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const score of scores) {
    for (const signal of score.signals) {
      counts[signal.id] = (counts[signal.id] ?? 0) + (signal.fired ? 1 : 0);
    }
  }
  return counts;
}
