import { loadConfig } from '../../proxy/src/config/scoring-config.ts';
import { createScoreService } from '../../proxy/src/scoring/score-service.ts';
import { openDuckDbWarehouse } from '../../proxy/src/warehouse/duckdb-adapter.ts';
import { resolveTables, type Tables } from '../../proxy/src/warehouse/table-names.ts';
import { BENCH_TODAY } from '../bench-warehouse.ts';
import { figure, type Scenario } from '../result.ts';
import { median } from '../stats.ts';

/**
 * Scoring every account (the write-back's one statement, then every score evaluated in the
 * proxy) against the least any per-account report over the same data costs: one pass that
 * aggregates the 90 days of events and the usage rows per account.
 */

/** One GROUP BY over the event window and one over daily usage, summed per account. */
export function plainScan(t: Tables) {
  return `WITH events AS (
    SELECT context_group_id AS group_id, COUNT(*) AS events, COUNT(DISTINCT user_id) AS users,
      MAX(timestamp) AS last_event
    FROM ${t.tracks}
    WHERE timestamp >= CAST(CAST(? AS DATE) - 90 AS TIMESTAMP)
      AND timestamp < CAST(CAST(? AS DATE) AS TIMESTAMP)
    GROUP BY context_group_id
  ),
  usage AS (
    SELECT account_id, MAX(seats_used) AS seats, MAX(storage_gb) AS storage,
      SUM(api_calls) AS api_calls
    FROM ${t.usageDaily}
    GROUP BY account_id
  )
  SELECT u.account_id, MAX(u.seats) AS seats, MAX(u.storage) AS storage,
    MAX(u.api_calls) AS api_calls, SUM(e.events) AS events, SUM(e.users) AS users,
    MAX(e.last_event) AS last_event
  FROM usage u
  LEFT JOIN ${t.accountIdentities} ai ON ai.account_id = u.account_id
    AND ai.kind = 'segment_group' AND ai.valid_to IS NULL
  LEFT JOIN events e ON e.group_id = ai.value
  GROUP BY u.account_id`;
}

export const scoreAll: Scenario = async ({ quick, warehouse, log }) => {
  const rounds = quick ? 2 : 3;
  const tables = resolveTables();
  const config = await loadConfig();
  const store = await openDuckDbWarehouse(warehouse.path);
  const service = createScoreService({
    warehouse: store,
    tables,
    config,
    today: () => BENCH_TODAY,
  });

  try {
    const scoreMs: number[] = [];
    const scanMs: number[] = [];
    let scored = 0;
    let scanned = 0;
    // One untimed pass of each loads the file into DuckDB's buffer pool for both.
    for (let round = 0; round <= rounds; round++) {
      let started = performance.now();
      scored = (await service.scoreAll()).length;
      const score = performance.now() - started;

      started = performance.now();
      const rows = await store.query(plainScan(tables), [BENCH_TODAY, BENCH_TODAY], {
        label: 'bench-scan',
      });
      const scan = performance.now() - started;
      scanned = rows.length;

      if (round === 0) continue;
      scoreMs.push(score);
      scanMs.push(scan);
      log(
        `score all: round ${round}/${rounds}: ${Math.round(score)} ms, scan ${Math.round(scan)} ms`,
      );
    }
    if (scored !== warehouse.accounts || scanned !== warehouse.accounts) {
      throw new Error(`scored ${scored} and scanned ${scanned} of ${warehouse.accounts} accounts`);
    }

    const perAccount = median(scoreMs) / scored;
    return {
      id: 'score-all',
      title: 'Scoring every account',
      method:
        `ScoreService.scoreAll() (the write-back's statement plus evaluation) for all ` +
        `${scored.toLocaleString('en-US')} accounts, against one aggregating GROUP BY over ` +
        `TRACKS and USAGE_DAILY through the same adapter; median of ${rounds} rounds after a ` +
        'warm-up.',
      figures: [
        figure('wall time', 'ms', median(scoreMs), 'plain aggregating scan', median(scanMs)),
      ],
      details: { scoreMs, scanMs, accounts: scored, msPerAccount: perAccount },
    };
  } finally {
    await store.close();
  }
};
