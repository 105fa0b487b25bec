import {
  type Band,
  formatSignalValue,
  type Play,
  type ScoreResponse,
  type ScoringConfig,
  type Signal,
  type SignalId,
  signalIds,
  toSalesforceId18,
} from '@upsignal/shared';
import { quotaWall } from './quota-wall.ts';
import { modifiedZScore } from './robust-z-score.ts';
import type { ScoreRow } from './score-row.ts';
import { signalCatalog } from './signal-catalog.ts';

/**
 * Turns the warehouse's raw figures for one account into what a seller sees: the quota wall,
 * every signal with its value, threshold and points, the score and band, and the plays.
 */
export function evaluateScore(
  row: ScoreRow,
  config: ScoringConfig,
  computedAt: string,
): ScoreResponse {
  const quotaWalls = [
    quotaWall('seats', row.seats_used, row.seat_limit, row.seat_slope),
    quotaWall('storage', row.storage_gb, row.storage_limit_gb, row.storage_slope),
    quotaWall('api_calls', row.api_calls_30d, row.api_call_limit, row.api_slope),
  ];

  const values = signalValues(row, quotaWalls, config);
  const signals = signalIds
    .filter((id) => config.signals[id].enabled)
    .map((id) => toSignal(id, values[id], config));

  const points = signals.reduce((sum, signal) => sum + (signal.fired ? signal.points : 0), 0);
  const score = Math.max(0, Math.min(100, points));

  return {
    account: {
      accountId: row.account_id,
      name: row.name,
      domain: row.domain,
      plan: row.plan,
      mrr: row.mrr,
      renewalDate: row.renewal_date,
      salesforceAccountId: normaliseSalesforceId(row.salesforce_account_id),
      hubspotCompanyId: row.hubspot_company_id,
    },
    score,
    band: bandFor(score, config),
    quotaWall: quotaWalls,
    signals,
    plays: playsFor(signals, row.plan, score, config),
    asOf: row.as_of,
    computedAt,
    stale: false,
  };
}

type Walls = ReturnType<typeof quotaWall>[];

function signalValues(row: ScoreRow, walls: Walls, config: ScoringConfig) {
  const [seats, storage, api] = walls as [Walls[0], Walls[0], Walls[0]];
  const forecasts = walls.map((wall) => wall.daysToWall).filter((days) => days !== null);

  return {
    seat_utilisation: seats.utilisation,
    storage_utilisation: storage.utilisation,
    api_utilisation: api.utilisation,
    days_to_wall: forecasts.length > 0 ? Math.min(...forecasts) : null,
    seat_growth:
      row.seats_used !== null && row.seats_week_ago !== null
        ? row.seats_used - row.seats_week_ago
        : null,
    net_new_active_users: row.net_new_users,
    usage_spike: spikeScore(row, config),
    power_users: row.power_users,
    feature_breadth: row.features_30d,
    stickiness:
      row.monthly_actives > 0 ? round(row.avg_daily_actives / row.monthly_actives, 4) : null,
    // No event in the 90 days the query reads counts as 90: dormant for at least that long.
    dormancy: row.days_since_event ?? 90,
  } satisfies Record<SignalId, number | null>;
}

/**
 * Null below the minimum volume (a quiet account's small bump is not a spike) and without
 * usage on at least half of the compared weekdays: a new account's first busy Monday would
 * otherwise stand out against weeks that were only missing, not quiet.
 */
function spikeScore(row: ScoreRow, config: ScoringConfig): number | null {
  if (row.spike_calls === null || row.spike_median === null || row.spike_mad === null) return null;
  if (row.spike_calls < config.spike.minDailyVolume) return null;
  if (row.spike_weeks_seen < Math.ceil(config.spike.historyWeeks / 2)) return null;

  const { madFloor, madFloorRatio } = config.spike;
  const floor = Math.max(madFloor, madFloorRatio * Math.abs(row.spike_median));
  const z = modifiedZScore(row.spike_calls, row.spike_median, row.spike_mad, floor);
  return round(z, 2);
}

function toSignal(id: SignalId, value: number | null, config: ScoringConfig): Signal {
  const { threshold, points } = config.signals[id];
  const { label, unit, direction } = signalCatalog[id];
  const fired = value !== null && (direction === 'above' ? value >= threshold : value <= threshold);

  return { id, label, value, threshold, direction, points, fired, unit };
}

export function bandFor(score: number, config: ScoringConfig): Band {
  const band = [...config.bands]
    .sort((a, b) => b.min - a.min)
    .find((candidate) => score >= candidate.min);
  // The configuration schema guarantees a band that starts at 0.
  const { id, label, colour } = band ?? config.bands[0]!;
  return { id, label, colour };
}

function playsFor(
  signals: Signal[],
  plan: string | null,
  score: number,
  config: ScoringConfig,
): Play[] {
  const fired = new Set(signals.filter((signal) => signal.fired).map((signal) => signal.id));
  const byId = new Map(signals.map((signal) => [signal.id, signal]));

  return config.plays
    .filter(({ when }) => {
      if (!when.all.every((id) => fired.has(id))) return false;
      if (when.any.length > 0 && !when.any.some((id) => fired.has(id))) return false;
      if (when.plans.length > 0 && (plan === null || !when.plans.includes(plan))) return false;
      return score >= when.minScore;
    })
    .map((play) => ({
      id: play.id,
      title: play.title,
      priority: play.priority,
      why: fillWhy(play.why, plan, byId),
    }))
    .sort((a, b) => a.priority - b.priority);
}

/** Fills a play's `why` template: {plan} and any {signal_id} become the live, formatted values. */
export function fillWhy(template: string, plan: string | null, signals: Map<string, Signal>) {
  return template.replace(/\{([a-z_]+)\}/g, (placeholder, name: string) => {
    if (name === 'plan') return plan ?? 'current';
    const signal = signals.get(name);
    return signal ? formatSignalValue(signal) : placeholder;
  });
}

function normaliseSalesforceId(id: string | null): string | null {
  if (id === null) return null;
  const parsed = toSalesforceId18(id);
  return parsed.ok ? parsed.id : id;
}

function round(value: number, digits: number) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
