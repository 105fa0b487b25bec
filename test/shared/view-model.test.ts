import { describe, expect, it } from 'vitest';
import type { QuotaWall, ScoreResponse, Signal } from '../../shared/src/score.ts';
import {
  formatNumber,
  formatSignalValue,
  freshnessText,
  gaugeLevel,
  toGaugeView,
  toScoreView,
  wallText,
} from '../../shared/src/view-model.ts';

// What the overlay and the CRM card both draw from one score response.

const seats: QuotaWall = {
  resource: 'seats',
  label: 'Seats',
  unit: 'seats',
  used: 45,
  limit: 50,
  utilisation: 0.9,
  daysToWall: 5,
};

const signal = (fields: Partial<Signal> & Pick<Signal, 'id' | 'value' | 'unit'>): Signal => ({
  label: `${fields.id} label`,
  threshold: 1,
  direction: 'above',
  points: 10,
  fired: true,
  ...fields,
});

const score: ScoreResponse = {
  account: {
    accountId: 'acc-1',
    name: 'Acme',
    domain: 'acme.io',
    plan: 'Team',
    mrr: 1200,
    renewalDate: '2026-09-30',
    salesforceAccountId: '003G000001SUbc4IAD',
    hubspotCompanyId: '1001',
  },
  score: 72,
  band: { id: 'hot', label: 'Expansion-ready', colour: '#ba0517' },
  quotaWall: [
    { ...seats, used: 12, limit: 10, utilisation: 1.2, daysToWall: 0 },
    {
      resource: 'storage',
      label: 'Storage',
      unit: 'GB',
      used: 33.33,
      limit: null,
      utilisation: null,
      daysToWall: null,
    },
    {
      resource: 'api_calls',
      label: 'API calls (30 days)',
      unit: 'calls',
      used: 29_535,
      limit: 120_000,
      utilisation: 0.2461,
      daysToWall: null,
    },
  ],
  signals: [
    signal({ id: 'seat_utilisation', value: 0.96, unit: 'ratio', threshold: 0.9, points: 25 }),
    signal({ id: 'storage_utilisation', value: 0.2, unit: 'ratio', fired: false }),
    signal({
      id: 'days_to_wall',
      value: 2,
      unit: 'days',
      threshold: 30,
      direction: 'below',
      points: 15,
    }),
    signal({ id: 'usage_spike', value: 4.5, unit: 'z', threshold: 3.5 }),
    signal({ id: 'seat_growth', value: 12_500, unit: 'count', threshold: 3, points: 0 }),
    signal({ id: 'dormancy', value: 20, unit: 'days', threshold: 14, points: -40 }),
  ],
  plays: [
    { id: 'api-tier', title: 'Move to the next API tier', why: 'API calls at 90%.', priority: 2 },
    { id: 'seat-pack', title: 'Propose the seat pack', why: 'Seats at 96%.', priority: 1 },
  ],
  asOf: '2026-06-09',
  computedAt: '2026-06-10T08:30:00.000Z',
  stale: false,
};

describe('gaugeLevel', () => {
  it.each([
    [0, 'ok'],
    [0.7499, 'ok'],
    [0.75, 'watch'],
    [0.8999, 'watch'],
    [0.9, 'near'],
    [0.9999, 'near'],
    [1, 'at_wall'],
    [1.2, 'at_wall'],
  ])('puts utilisation %d at the %s level', (utilisation, level) => {
    expect(gaugeLevel(utilisation)).toBe(level);
  });
});

describe('toGaugeView', () => {
  it('draws a resource near its limit', () => {
    expect(toGaugeView(seats)).toEqual({
      resource: 'seats',
      label: 'Seats',
      percent: 90,
      percentText: '90%',
      level: 'near',
      levelLabel: 'Near the limit',
      colour: '#ea001e',
      usageText: '45 of 50 seats',
      wallText: 'limit in about 5 days',
    });
  });

  it('caps the drawn percentage at 100 and keeps the real figure in the text', () => {
    expect(toGaugeView(score.quotaWall[0]!)).toMatchObject({
      percent: 100,
      percentText: '120%',
      level: 'at_wall',
      levelLabel: 'At the limit',
      colour: '#8e030f',
      usageText: '12 of 10 seats',
      wallText: 'at the limit now',
    });
  });

  it('shortens large numbers and says when nothing grows', () => {
    expect(toGaugeView(score.quotaWall[2]!)).toMatchObject({
      percent: 25,
      percentText: '25%',
      level: 'ok',
      levelLabel: 'Headroom',
      colour: '#2e844a',
      usageText: '29.5k of 120k calls',
      wallText: 'not growing toward the limit',
    });
  });

  it('draws nothing for a resource without a limit', () => {
    expect(toGaugeView(score.quotaWall[1]!)).toBeNull();
  });

  it('colours the watch level', () => {
    expect(toGaugeView({ ...seats, used: 40, utilisation: 0.8 })).toMatchObject({
      level: 'watch',
      levelLabel: 'Filling up',
      colour: '#dd7a01',
    });
  });
});

describe('texts', () => {
  it.each([
    [0, '0'],
    [2.5, '2.5'],
    [9999, '9999'],
    [10_000, '10k'],
    [12_345, '12.3k'],
    [1_000_000, '1M'],
    [2_400_000, '2.4M'],
    [-12_000, '-12k'],
  ])('writes %d as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it('writes each unit of a signal value the way a seller reads it', () => {
    expect(formatSignalValue({ value: 0.96, unit: 'ratio' })).toBe('96%');
    expect(formatSignalValue({ value: 1.2, unit: 'ratio' })).toBe('120%');
    expect(formatSignalValue({ value: 5, unit: 'days' })).toBe('5 d');
    expect(formatSignalValue({ value: 4.5, unit: 'z' })).toBe('z 4.5');
    expect(formatSignalValue({ value: 7, unit: 'count' })).toBe('7');
    expect(formatSignalValue({ value: null, unit: 'count' })).toBe('no data');
  });

  it('says how far the wall is in days', () => {
    expect(wallText(null)).toBe('not growing toward the limit');
    expect(wallText(0)).toBe('at the limit now');
    expect(wallText(1)).toBe('limit in about 1 day');
    expect(wallText(12)).toBe('limit in about 12 days');
  });

  it('says how fresh the data is and when the score is stale', () => {
    expect(freshnessText({ asOf: '2026-06-09', stale: false })).toBe('Data as of 2026-06-09');
    expect(freshnessText({ asOf: null, stale: false })).toBe('No usage data yet');
    expect(freshnessText({ asOf: '2026-06-09', stale: true })).toBe(
      'Data as of 2026-06-09 · warehouse unreachable, showing the last score',
    );
  });
});

describe('toScoreView', () => {
  it('turns a score response into what both surfaces draw', () => {
    const view = toScoreView(score);

    expect(view.score).toBe(72);
    expect(view.bandLabel).toBe('Expansion-ready');
    expect(view.bandColour).toBe('#ba0517');
    expect(view.gauges.map((gauge) => gauge.resource)).toEqual(['seats', 'api_calls']);
    expect(view.freshnessText).toBe('Data as of 2026-06-09');
    expect(view.stale).toBe(false);
  });

  it('lists only the fired signals with their value and rule', () => {
    expect(toScoreView(score).firedSignals).toEqual([
      {
        id: 'seat_utilisation',
        label: 'seat_utilisation label',
        valueText: '96%',
        ruleText: '≥ 90% · +25 pts',
      },
      {
        id: 'days_to_wall',
        label: 'days_to_wall label',
        valueText: '2 d',
        ruleText: '≤ 30 d · +15 pts',
      },
      {
        id: 'usage_spike',
        label: 'usage_spike label',
        valueText: 'z 4.5',
        ruleText: '≥ z 3.5 · +10 pts',
      },
      {
        id: 'seat_growth',
        label: 'seat_growth label',
        valueText: '12.5k',
        ruleText: '≥ 3 · 0 pts',
      },
      {
        id: 'dormancy',
        label: 'dormancy label',
        valueText: '20 d',
        ruleText: '≥ 14 d · -40 pts',
      },
    ]);
  });

  it('orders the plays by priority', () => {
    expect(toScoreView(score).plays.map((play) => play.id)).toEqual(['seat-pack', 'api-tier']);
  });

  it('carries the stale flag and says so', () => {
    const view = toScoreView({ ...score, stale: true });

    expect(view.stale).toBe(true);
    expect(view.freshnessText).toBe(
      'Data as of 2026-06-09 · warehouse unreachable, showing the last score',
    );
  });
});
