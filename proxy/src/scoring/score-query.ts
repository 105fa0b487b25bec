import type { ScoringConfig } from '@upsignal/shared';
import type { Tables } from '../warehouse/table-names.ts';
import type { SqlValue } from '../warehouse/warehouse.ts';

/**
 * The one statement that resolves CRM identities and computes every signal's raw inputs for a
 * set of accounts, inside the warehouse. It is written in the dialect subset DuckDB and
 * Snowflake share (see REFERENCE.md): `?` binds, CAST, CASE, date arithmetic with integers,
 * MEDIAN for robust statistics, window functions and QUALIFY.
 *
 * Every window ends the day before `ref_day` (the last complete day): "last 7 days" is
 * [ref_day - 7, ref_day).
 */

/** Identity kinds as stored in ACCOUNT_IDENTITIES, plus `account` for a warehouse id. */
export type IdentityKind = 'salesforce' | 'hubspot' | 'domain' | 'account';

export type TargetItem = { itemNo: number; kind: IdentityKind; matchKey: string };

/** Which accounts to score: lookups to resolve, or every account (batch write-back, top). */
export type Targets = { items: readonly TargetItem[] } | { all: true };

export type ScoreQuery = { sql: string; binds: SqlValue[] };

export function buildScoreQuery(
  tables: Tables,
  config: Pick<ScoringConfig, 'spike' | 'trendDays'>,
  targets: Targets,
  refDayValue: string,
): ScoreQuery {
  const t = tables;
  const weeks = config.spike.historyWeeks;
  const usageDays = Math.max(30 + config.trendDays, 7 * weeks + 1) + 1;
  const binds: SqlValue[] = [];
  // Binds are positional: each helper pushes its value as its placeholder is written, and the
  // template below is evaluated left to right, so the order always matches.
  const refDay = () => {
    binds.push(refDayValue);
    return 'CAST(? AS DATE)';
  };
  const daysBefore = (days: number) => `${refDay()} - ${Math.trunc(days)}`;
  const inWindow = () =>
    `ev.timestamp >= CAST(${daysBefore(90)} AS TIMESTAMP) ` +
    `AND ev.timestamp < CAST(${refDay()} AS TIMESTAMP)`;

  const sql = `WITH ${'all' in targets ? allAccounts(t) : resolveItems(t, targets.items, binds)},
targets AS (SELECT DISTINCT account_id FROM resolved),
target_groups AS (
  SELECT ai.account_id, ai.value AS group_id
  FROM ${t.accountIdentities} ai JOIN targets tg ON tg.account_id = ai.account_id
  WHERE ai.kind = 'segment_group' AND ai.valid_to IS NULL
),
target_users AS (
  SELECT DISTINCT m.user_id FROM ${t.groups} m JOIN target_groups tg ON tg.group_id = m.group_id
),
-- Events sent without a group belong to the account of the user's latest group.
latest_group AS (
  SELECT g.user_id, g.group_id
  FROM ${t.groups} g JOIN target_users tu ON tu.user_id = g.user_id
  QUALIFY ROW_NUMBER() OVER (PARTITION BY g.user_id ORDER BY g.timestamp DESC) = 1
),
-- Anonymous ids whose stitching can change a score: those on the target groups' anonymous
-- events, and those ever identified as a target user (only these can make an event sent
-- without a group count). Filtering IDENTIFIES on its partition key keeps "last identified as"
-- exact, and keeps users who never sent a group call.
anonymous_ids AS (
  SELECT ev.anonymous_id
  FROM ${t.tracks} ev JOIN target_groups tg ON tg.group_id = ev.context_group_id
  WHERE ev.user_id IS NULL AND ev.anonymous_id IS NOT NULL AND ${inWindow()}
  UNION
  SELECT i.anonymous_id
  FROM ${t.identifies} i JOIN target_users tu ON tu.user_id = i.user_id
  WHERE i.anonymous_id IS NOT NULL
),
-- Anonymous events are stitched to the user their anonymous id was last identified as.
identified AS (
  SELECT i.anonymous_id, i.user_id
  FROM ${t.identifies} i JOIN anonymous_ids a ON a.anonymous_id = i.anonymous_id
  WHERE i.user_id IS NOT NULL
  QUALIFY ROW_NUMBER() OVER (PARTITION BY i.anonymous_id ORDER BY i.timestamp DESC) = 1
),
-- Each branch joins TRACKS straight to a few keys of the target accounts, so the engine can
-- skip the storage that holds none of them (DuckDB row groups, Snowflake micro-partitions)
-- rather than read and keep every event of the window for one account's score.
events AS (
  SELECT tg.account_id, ev.event, CAST(ev.timestamp AS DATE) AS day,
    COALESCE(ev.user_id, idf.user_id, ev.anonymous_id) AS person
  FROM ${t.tracks} ev
  JOIN target_groups tg ON tg.group_id = ev.context_group_id
  LEFT JOIN identified idf ON idf.anonymous_id = ev.anonymous_id
  WHERE ${inWindow()}
  UNION ALL
  -- A known user's event without a group belongs to the account of the user's latest group.
  SELECT tg.account_id, ev.event, CAST(ev.timestamp AS DATE) AS day, ev.user_id AS person
  FROM ${t.tracks} ev
  JOIN latest_group lg ON lg.user_id = ev.user_id
  JOIN target_groups tg ON tg.group_id = lg.group_id
  WHERE ev.context_group_id IS NULL AND ${inWindow()}
  UNION ALL
  -- An anonymous one, to that of the user its anonymous id was last identified as.
  SELECT tg.account_id, ev.event, CAST(ev.timestamp AS DATE) AS day, idf.user_id AS person
  FROM ${t.tracks} ev
  JOIN identified idf ON idf.anonymous_id = ev.anonymous_id
  JOIN latest_group lg ON lg.user_id = idf.user_id
  JOIN target_groups tg ON tg.group_id = lg.group_id
  WHERE ev.context_group_id IS NULL AND ev.user_id IS NULL AND ${inWindow()}
),
person_days AS (
  SELECT account_id, person, day FROM events GROUP BY account_id, person, day
),
person_stats AS (
  SELECT pd.account_id, pd.person,
    COUNT(DISTINCT CASE WHEN pd.day >= ${daysBefore(7)} THEN pd.day END) AS active_days_7,
    MAX(CASE WHEN pd.day >= ${daysBefore(37)} AND pd.day < ${daysBefore(7)} THEN 1 ELSE 0 END)
      AS active_before,
    MAX(CASE WHEN pd.day >= ${daysBefore(30)} THEN 1 ELSE 0 END) AS active_30
  FROM person_days pd
  GROUP BY pd.account_id, pd.person
),
activity AS (
  SELECT account_id,
    SUM(CASE WHEN active_days_7 > 0 AND active_before = 0 THEN 1 ELSE 0 END) AS net_new_users,
    SUM(CASE WHEN active_days_7 >= 3 THEN 1 ELSE 0 END) AS power_users,
    SUM(active_30) AS monthly_actives
  FROM person_stats GROUP BY account_id
),
daily_actives AS (
  SELECT pd.account_id, COUNT(*) / 30.0 AS avg_daily_actives
  FROM person_days pd
  WHERE pd.day >= ${daysBefore(30)}
  GROUP BY pd.account_id
),
event_stats AS (
  SELECT e.account_id, MAX(e.day) AS last_event_day,
    COUNT(DISTINCT CASE WHEN e.day >= ${daysBefore(30)} THEN e.event END) AS features_30d
  FROM events e
  GROUP BY e.account_id
),
usage AS (
  SELECT u.account_id, u.day, u.seats_used, u.storage_gb, u.api_calls,
    ${refDay()} - u.day AS days_ago,
    -- A RANGE frame over a day number counts 30 calendar days even when rows are missing.
    SUM(u.api_calls) OVER (PARTITION BY u.account_id ORDER BY u.day - ${refDay()}
      RANGE BETWEEN 29 PRECEDING AND CURRENT ROW) AS api_calls_30d
  FROM ${t.usageDaily} u
  JOIN targets tg ON tg.account_id = u.account_id
  WHERE u.day < ${refDay()} AND u.day >= ${daysBefore(usageDays)}
),
latest_usage AS (
  SELECT * FROM usage
  QUALIFY ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY day DESC) = 1
),
week_ago_usage AS (
  SELECT u.account_id, u.seats_used
  FROM usage u JOIN latest_usage l ON l.account_id = u.account_id AND u.day = l.day - 7
),
trend AS (
  SELECT account_id,
    REGR_SLOPE(seats_used, -CAST(days_ago AS DOUBLE)) AS seat_slope,
    REGR_SLOPE(storage_gb, -CAST(days_ago AS DOUBLE)) AS storage_slope,
    REGR_SLOPE(api_calls_30d, -CAST(days_ago AS DOUBLE)) AS api_slope
  FROM usage WHERE days_ago <= ${config.trendDays}
  GROUP BY account_id
),
-- Spikes: yesterday against the same weekday in earlier weeks (missing days count as zero).
spike_weeks AS (${weekNumbers(weeks)}),
spike_history AS (
  SELECT tg.account_id, COALESCE(u.api_calls, 0) AS calls,
    CASE WHEN u.account_id IS NULL THEN 0 ELSE 1 END AS has_row
  FROM targets tg CROSS JOIN spike_weeks w
  LEFT JOIN usage u ON u.account_id = tg.account_id AND u.days_ago = 1 + 7 * w.k
),
spike_median AS (
  SELECT account_id, MEDIAN(calls) AS median_calls, SUM(has_row) AS weeks_seen
  FROM spike_history GROUP BY account_id
),
spike_mad AS (
  SELECT h.account_id, MEDIAN(ABS(h.calls - m.median_calls)) AS mad_calls
  FROM spike_history h JOIN spike_median m ON m.account_id = h.account_id
  GROUP BY h.account_id
),
crm_ids AS (
  SELECT ai.account_id,
    MAX(CASE WHEN ai.kind = 'salesforce' THEN ai.value END) AS salesforce_account_id,
    MAX(CASE WHEN ai.kind = 'hubspot' THEN ai.value END) AS hubspot_company_id
  FROM ${t.accountIdentities} ai JOIN targets tg ON tg.account_id = ai.account_id
  WHERE ai.valid_to IS NULL AND ai.kind IN ('salesforce', 'hubspot')
  GROUP BY ai.account_id
),
subscription AS (
  SELECT s.* FROM ${t.subscriptions} s JOIN targets tg ON tg.account_id = s.account_id
  QUALIFY ROW_NUMBER() OVER (PARTITION BY s.account_id ORDER BY s.renewal_date DESC) = 1
)
SELECT r.item_no, a.account_id, a.name, a.domain,
  s.plan, s.mrr, s.renewal_date, s.seat_limit, s.storage_limit_gb, s.api_call_limit,
  c.salesforce_account_id, c.hubspot_company_id,
  lu.day AS as_of, lu.seats_used, lu.storage_gb, lu.api_calls_30d,
  wa.seats_used AS seats_week_ago,
  tr.seat_slope, tr.storage_slope, tr.api_slope,
  COALESCE(ac.net_new_users, 0) AS net_new_users,
  COALESCE(ac.power_users, 0) AS power_users,
  COALESCE(ac.monthly_actives, 0) AS monthly_actives,
  COALESCE(da.avg_daily_actives, 0) AS avg_daily_actives,
  COALESCE(es.features_30d, 0) AS features_30d,
  ${refDay()} - es.last_event_day AS days_since_event,
  y.api_calls AS spike_calls, sm.median_calls AS spike_median, sd.mad_calls AS spike_mad,
  COALESCE(sm.weeks_seen, 0) AS spike_weeks_seen
FROM resolved r
JOIN ${t.accounts} a ON a.account_id = r.account_id
LEFT JOIN subscription s ON s.account_id = r.account_id
LEFT JOIN crm_ids c ON c.account_id = r.account_id
LEFT JOIN latest_usage lu ON lu.account_id = r.account_id
LEFT JOIN week_ago_usage wa ON wa.account_id = r.account_id
LEFT JOIN trend tr ON tr.account_id = r.account_id
LEFT JOIN activity ac ON ac.account_id = r.account_id
LEFT JOIN daily_actives da ON da.account_id = r.account_id
LEFT JOIN event_stats es ON es.account_id = r.account_id
LEFT JOIN usage y ON y.account_id = r.account_id AND y.days_ago = 1
LEFT JOIN spike_median sm ON sm.account_id = r.account_id
LEFT JOIN spike_mad sd ON sd.account_id = r.account_id
ORDER BY r.item_no, a.account_id`;

  return { sql, binds };
}

function allAccounts(t: Tables): string {
  return `resolved AS (SELECT 0 AS item_no, account_id FROM ${t.accounts})`;
}

/**
 * Lookups resolve to the identity that is current; failing that, to the one that ended most
 * recently, so an old domain or CRM record still finds its account after a change. Several
 * current matches (a domain two accounts share) come back as several rows of one item.
 */
function resolveItems(t: Tables, items: readonly TargetItem[], binds: SqlValue[]): string {
  const rows = items.map((item) => {
    binds.push(item.itemNo, item.kind, item.matchKey);
    return (
      'SELECT CAST(? AS INTEGER) AS item_no, CAST(? AS TEXT) AS kind, ' +
      'CAST(? AS TEXT) AS match_key'
    );
  });

  return `items AS (${rows.join('\n  UNION ALL ')}),
candidates AS (
  SELECT it.item_no, ai.account_id,
    CASE WHEN ai.valid_to IS NULL THEN 0 ELSE 1 END AS history_rank, ai.valid_to
  FROM items it
  JOIN ${t.accountIdentities} ai ON ai.kind = it.kind
    AND CASE ai.kind
      WHEN 'salesforce' THEN SUBSTR(ai.value, 1, 15)
      WHEN 'domain' THEN LOWER(ai.value)
      ELSE ai.value END = it.match_key
  UNION ALL
  SELECT it.item_no, a.account_id, 0 AS history_rank, CAST(NULL AS TIMESTAMP) AS valid_to
  FROM items it JOIN ${t.accounts} a ON a.account_id = it.match_key
  WHERE it.kind = 'account'
  UNION ALL
  SELECT it.item_no, a.account_id, 0 AS history_rank, CAST(NULL AS TIMESTAMP) AS valid_to
  FROM items it JOIN ${t.accounts} a ON LOWER(a.domain) = it.match_key
  WHERE it.kind = 'domain'
),
ranked AS (
  SELECT item_no, account_id, history_rank, valid_to,
    MIN(history_rank) OVER (PARTITION BY item_no) AS best_rank,
    MAX(valid_to) OVER (PARTITION BY item_no) AS latest_end
  FROM candidates
),
resolved AS (
  SELECT DISTINCT item_no, account_id FROM ranked
  WHERE history_rank = best_rank AND (history_rank = 0 OR valid_to = latest_end)
)`;
}

/** 1..n as a row source written in plain SQL, since each engine has its own series function. */
function weekNumbers(weeks: number): string {
  return Array.from({ length: weeks }, (_, k) => `SELECT ${k + 1} AS k`).join(' UNION ALL ');
}
