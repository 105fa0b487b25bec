import type { SignalId } from '@upsignal/shared';

/**
 * What each signal means. Thresholds and points are the configuration's; the meaning, unit and
 * the side of the threshold that fires are fixed here because the SQL computes them this way.
 */
export type SignalDefinition = {
  label: string;
  unit: 'ratio' | 'count' | 'days' | 'z';
  direction: 'above' | 'below';
};

export const signalCatalog: Record<SignalId, SignalDefinition> = {
  seat_utilisation: { label: 'Seats used of the plan limit', unit: 'ratio', direction: 'above' },
  storage_utilisation: {
    label: 'Storage used of the plan limit',
    unit: 'ratio',
    direction: 'above',
  },
  api_utilisation: {
    label: 'API calls in 30 days of the monthly limit',
    unit: 'ratio',
    direction: 'above',
  },
  days_to_wall: { label: 'Days until the nearest plan limit', unit: 'days', direction: 'below' },
  seat_growth: { label: 'Seats added in the last 7 days', unit: 'count', direction: 'above' },
  net_new_active_users: {
    label: 'New active users in the last 7 days',
    unit: 'count',
    direction: 'above',
  },
  usage_spike: {
    label: 'API usage spike yesterday (robust z-score)',
    unit: 'z',
    direction: 'above',
  },
  power_users: {
    label: 'Power users (active 3+ of the last 7 days)',
    unit: 'count',
    direction: 'above',
  },
  feature_breadth: {
    label: 'Features used in the last 30 days',
    unit: 'count',
    direction: 'above',
  },
  stickiness: {
    label: 'Stickiness (daily / monthly active users)',
    unit: 'ratio',
    direction: 'above',
  },
  dormancy: { label: 'Days since the last product activity', unit: 'days', direction: 'above' },
};
