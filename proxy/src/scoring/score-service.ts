import type { AccountLookup, ScoreResponse, ScoringConfig } from '@upsignal/shared';
import type { Tables } from '../warehouse/table-names.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { evaluateScore } from './evaluate-score.ts';
import { toTargetItem } from './lookup-target.ts';
import { buildScoreQuery, type Targets } from './score-query.ts';
import { type ScoreRow, scoreRowSchema } from './score-row.ts';

/** What one lookup resolved to: one account, none, or several (an ambiguous domain). */
export type LookupOutcome =
  | { kind: 'found'; score: ScoreResponse }
  | { kind: 'missing' }
  | { kind: 'ambiguous'; candidates: ScoreResponse['account'][] };

export type ScoreService = {
  /** Resolves and scores many lookups with one warehouse query. */
  scoreLookups(lookups: readonly AccountLookup[]): Promise<LookupOutcome[]>;
  /** Scores every account with one warehouse query. */
  scoreAll(): Promise<ScoreResponse[]>;
};

export type ScoreServiceOptions = {
  warehouse: Warehouse;
  tables: Tables;
  config: ScoringConfig;
  /** "Today" in UTC; windows end the day before. Injectable so tests pin the calendar. */
  today?: () => string;
  now?: () => Date;
};

export function createScoreService(options: ScoreServiceOptions): ScoreService {
  const { warehouse, tables, config } = options;
  const now = options.now ?? (() => new Date());
  const today = options.today ?? (() => now().toISOString().slice(0, 10));

  async function run(targets: Targets, label: string) {
    const query = buildScoreQuery(tables, config, targets, today());
    const rows = await warehouse.query(query.sql, query.binds, { label });
    const computedAt = now().toISOString();

    return rows.map((row) => {
      const parsed: ScoreRow = scoreRowSchema.parse(row);
      return { itemNo: parsed.item_no, score: evaluateScore(parsed, config, computedAt) };
    });
  }

  return {
    async scoreLookups(lookups) {
      if (lookups.length === 0) return [];

      const items = lookups.map((lookup, index) => toTargetItem(index, lookup));
      const scored = await run({ items }, 'score');

      return lookups.map((_, index): LookupOutcome => {
        const matches = scored.filter((entry) => entry.itemNo === index);
        if (matches.length === 0) return { kind: 'missing' };
        if (matches.length === 1) return { kind: 'found', score: matches[0]!.score };
        return { kind: 'ambiguous', candidates: matches.map((entry) => entry.score.account) };
      });
    },

    async scoreAll() {
      const scored = await run({ all: true }, 'score-all');
      return scored.map((entry) => entry.score);
    },
  };
}
