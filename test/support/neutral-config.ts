import type { SignalId } from '@upsignal/shared';
import { parseConfig } from '../../proxy/src/config/scoring-config.ts';

/**
 * A scoring configuration in which no signal is worth anything unless a test says so, with the
 * shipped thresholds: for suites that check signal values or identities, not the score.
 */
export function neutralConfig(
  options: { points?: Partial<Record<SignalId, number>>; spike?: string } = {},
) {
  const points = (id: SignalId) => options.points?.[id] ?? 0;

  return parseConfig(`
bands: [{ id: all, label: All, min: 0, colour: "#706e6b" }]
signals:
  seat_utilisation: { threshold: 0.9, points: ${points('seat_utilisation')} }
  storage_utilisation: { threshold: 0.85, points: ${points('storage_utilisation')} }
  api_utilisation: { threshold: 0.85, points: ${points('api_utilisation')} }
  days_to_wall: { threshold: 30, points: ${points('days_to_wall')} }
  seat_growth: { threshold: 3, points: ${points('seat_growth')} }
  net_new_active_users: { threshold: 3, points: ${points('net_new_active_users')} }
  usage_spike: { threshold: 3.5, points: ${points('usage_spike')} }
  power_users: { threshold: 5, points: ${points('power_users')} }
  feature_breadth: { threshold: 6, points: ${points('feature_breadth')} }
  stickiness: { threshold: 0.3, points: ${points('stickiness')} }
  dormancy: { threshold: 14, points: ${points('dormancy')} }
${options.spike ? `spike: ${options.spike}` : ''}
plays: []
`);
}
