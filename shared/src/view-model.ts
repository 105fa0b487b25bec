import type { QuotaWall, ScoreResponse, Signal } from './score.ts';

/**
 * What the overlay and the CRM card draw, derived once from a score response so that both
 * surfaces say the same thing in the same words.
 */

export type GaugeLevel = 'ok' | 'watch' | 'near' | 'at_wall';

export const gaugeLevels: Record<GaugeLevel, { label: string; colour: string; from: number }> = {
  ok: { label: 'Headroom', colour: '#2e844a', from: 0 },
  watch: { label: 'Filling up', colour: '#dd7a01', from: 0.75 },
  near: { label: 'Near the limit', colour: '#ea001e', from: 0.9 },
  at_wall: { label: 'At the limit', colour: '#8e030f', from: 1 },
};

export type GaugeView = {
  resource: QuotaWall['resource'];
  label: string;
  /** 0–100, capped for drawing; `percentText` keeps the real figure (e.g. "112%"). */
  percent: number;
  percentText: string;
  level: GaugeLevel;
  levelLabel: string;
  colour: string;
  usageText: string;
  wallText: string;
};

export type SignalView = { id: string; label: string; valueText: string; ruleText: string };

export type ScoreView = {
  score: number;
  bandLabel: string;
  bandColour: string;
  gauges: GaugeView[];
  firedSignals: SignalView[];
  plays: ScoreResponse['plays'];
  freshnessText: string;
  stale: boolean;
};

export function gaugeLevel(utilisation: number): GaugeLevel {
  if (utilisation >= gaugeLevels.at_wall.from) return 'at_wall';
  if (utilisation >= gaugeLevels.near.from) return 'near';
  if (utilisation >= gaugeLevels.watch.from) return 'watch';
  return 'ok';
}

export function formatNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${trim(value / 1_000_000)}M`;
  if (Math.abs(value) >= 10_000) return `${trim(value / 1_000)}k`;
  return trim(value);
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
}

export function formatSignalValue(signal: Pick<Signal, 'value' | 'unit'>): string {
  if (signal.value === null) return 'no data';
  switch (signal.unit) {
    case 'ratio':
      return `${Math.round(signal.value * 100)}%`;
    case 'days':
      return `${trim(signal.value)} d`;
    case 'z':
      return `z ${signal.value.toFixed(1)}`;
    default:
      return formatNumber(signal.value);
  }
}

export function wallText(daysToWall: number | null): string {
  if (daysToWall === null) return 'not growing toward the limit';
  if (daysToWall <= 0) return 'at the limit now';
  if (daysToWall === 1) return 'limit in about 1 day';
  return `limit in about ${Math.round(daysToWall)} days`;
}

export function toGaugeView(wall: QuotaWall): GaugeView | null {
  if (wall.limit === null || wall.utilisation === null) return null;

  const level = gaugeLevel(wall.utilisation);
  return {
    resource: wall.resource,
    label: wall.label,
    percent: Math.min(100, Math.round(wall.utilisation * 100)),
    percentText: `${Math.round(wall.utilisation * 100)}%`,
    level,
    levelLabel: gaugeLevels[level].label,
    colour: gaugeLevels[level].colour,
    usageText: `${formatNumber(wall.used)} of ${formatNumber(wall.limit)} ${wall.unit}`,
    wallText: wallText(wall.daysToWall),
  };
}

export function freshnessText(score: Pick<ScoreResponse, 'asOf' | 'stale'>): string {
  const base = score.asOf ? `Data as of ${score.asOf}` : 'No usage data yet';
  return score.stale ? `${base} · warehouse unreachable, showing the last score` : base;
}

export function toScoreView(score: ScoreResponse): ScoreView {
  return {
    score: score.score,
    bandLabel: score.band.label,
    bandColour: score.band.colour,
    gauges: score.quotaWall.map(toGaugeView).filter((gauge) => gauge !== null),
    firedSignals: score.signals
      .filter((signal) => signal.fired)
      .map((signal) => ({
        id: signal.id,
        label: signal.label,
        valueText: formatSignalValue(signal),
        ruleText: `${signal.direction === 'above' ? '≥' : '≤'} ${formatSignalValue({
          value: signal.threshold,
          unit: signal.unit,
        })} · ${signal.points > 0 ? '+' : ''}${signal.points} pts`,
      })),
    plays: [...score.plays].sort((a, b) => a.priority - b.priority),
    freshnessText: freshnessText(score),
    stale: score.stale,
  };
}
