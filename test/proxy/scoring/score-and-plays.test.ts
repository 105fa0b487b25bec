import { signalIds } from '@upsignal/shared';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../proxy/src/config/scoring-config.ts';
import { bandFor, evaluateScore } from '../../../proxy/src/scoring/evaluate-score.ts';
import type { ScoreRow } from '../../../proxy/src/scoring/score-row.ts';

// Points, score, band and plays from one account's raw figures, with the configuration given
// inline as a RevOps admin would write it.

const configText = `bands:
  - { id: hot, label: Expansion-ready, min: 60, colour: "#ba0517" }
  - { id: warm, label: Warming up, min: 30, colour: "#dd7a01" }
  - { id: cool, label: Not yet, min: 0, colour: "#706e6b" }
signals:
  seat_utilisation: { threshold: 0.9, points: 30 }
  storage_utilisation: { threshold: 0.85, points: 20 }
  api_utilisation: { threshold: 0.85, points: 20 }
  days_to_wall: { threshold: 30, points: 20 }
  seat_growth: { threshold: 3, points: 10 }
  net_new_active_users: { threshold: 3, points: 10 }
  usage_spike: { threshold: 3.5, points: 10 }
  power_users: { threshold: 5, points: 5 }
  feature_breadth: { threshold: 6, points: 5, enabled: false }
  stickiness: { threshold: 0.3, points: 5 }
  dormancy: { threshold: 14, points: -40 }
plays:
  - id: seat-pack
    title: Propose the seat pack
    why: Seats are at {seat_utilisation} of the {plan} plan limit.
    priority: 2
    when: { all: [seat_utilisation], plans: [Starter, Team] }
  - id: enterprise
    title: Open an Enterprise conversation
    why: "{days_to_wall} to the wall, {seat_growth} seats added this week."
    priority: 1
    when: { all: [days_to_wall], any: [seat_growth, net_new_active_users], minScore: 60 }
  - id: api-tier
    title: Move to the next API tier
    why: API calls at {api_utilisation}, spike {usage_spike}, {unknown_name} stays.
    priority: 3
    when: { any: [api_utilisation, usage_spike] }
  - id: rescue
    title: Check in before renewal
    why: No product activity for {dormancy} on {plan}.
    priority: 3
    when: { all: [dormancy] }
`;

const config = parseConfig(configText, 'signals.yaml');

/** Team plan, no signal near its threshold: every value is computed, none fires. */
const calm: ScoreRow = {
  item_no: 0,
  account_id: 'acc-1',
  name: 'Acme',
  domain: 'acme.io',
  plan: 'Team',
  mrr: 1200,
  renewal_date: '2026-09-30',
  seat_limit: 50,
  storage_limit_gb: 100,
  api_call_limit: 30_000,
  salesforce_account_id: '003G000001SUbc4',
  hubspot_company_id: '1001',
  as_of: '2026-06-09',
  seats_used: 20,
  storage_gb: 10,
  api_calls_30d: 3000,
  seats_week_ago: 20,
  seat_slope: 0,
  storage_slope: 0,
  api_slope: 0,
  net_new_users: 1,
  power_users: 2,
  monthly_actives: 10,
  avg_daily_actives: 2,
  features_30d: 9,
  days_since_event: 1,
  spike_calls: 1000,
  spike_median: 1000,
  spike_mad: 100,
  spike_weeks_seen: 8,
};

const evaluate = (changes: Partial<ScoreRow>) =>
  evaluateScore({ ...calm, ...changes }, config, '2026-06-10T08:30:00.000Z');

const fired = (changes: Partial<ScoreRow>) =>
  evaluate(changes)
    .signals.filter((signal) => signal.fired)
    .map((signal) => signal.id);

/** Seats 48 of 50 (96%) growing 1 a day: 2 days to the wall; 5 seats added this week. */
const seatRush: Partial<ScoreRow> = { seats_used: 48, seat_slope: 1, seats_week_ago: 43 };

describe('signals', () => {
  it('lists every enabled signal with its value, threshold, direction, points and unit', () => {
    const { signals } = evaluate({});

    expect(signals.map((signal) => signal.id)).toEqual([
      'seat_utilisation',
      'storage_utilisation',
      'api_utilisation',
      'days_to_wall',
      'seat_growth',
      'net_new_active_users',
      'usage_spike',
      'power_users',
      'stickiness',
      'dormancy',
    ]);
    expect(signals[0]).toEqual({
      id: 'seat_utilisation',
      label: 'Seats used of the plan limit',
      value: 0.4,
      threshold: 0.9,
      direction: 'above',
      points: 30,
      fired: false,
      unit: 'ratio',
    });
    expect(signals.find((signal) => signal.id === 'days_to_wall')).toMatchObject({
      value: null,
      direction: 'below',
      fired: false,
    });
  });

  it('omits a disabled signal even when its value is past the threshold', () => {
    const score = evaluate({ features_30d: 50 });

    expect(score.signals.some((signal) => signal.id === 'feature_breadth')).toBe(false);
    expect(score.score).toBe(0);
  });

  it('fires at exactly the threshold, above it, or at or below it for days to the wall', () => {
    expect(fired({ seats_used: 45, seats_week_ago: 45 })).toEqual(['seat_utilisation']);
    expect(fired({ seats_used: 44, seats_week_ago: 44 })).toEqual([]);
    // (50 - 20) / 1 = 30 days: at the threshold of 30.
    expect(fired({ seat_slope: 1 })).toEqual(['days_to_wall']);
    // (50 - 20) / 0.9 = 33.3, so 34 days.
    expect(fired({ seat_slope: 0.9 })).toEqual([]);
  });
});

describe('score and band', () => {
  it('sums the points of the fired signals', () => {
    // seat_utilisation 30 + days_to_wall 20 + seat_growth 10.
    const score = evaluate(seatRush);

    expect(score.score).toBe(60);
    expect(score.band).toEqual({ id: 'hot', label: 'Expansion-ready', colour: '#ba0517' });
  });

  it('subtracts negative points', () => {
    // 30 + 20 + 10 - 40 for 20 days without an event.
    const score = evaluate({ ...seatRush, days_since_event: 20 });

    expect(score.score).toBe(20);
    expect(score.band.id).toBe('cool');
  });

  it('clamps the score at 0', () => {
    expect(evaluate({ days_since_event: null }).score).toBe(0);
  });

  it('clamps the score at 100', () => {
    const score = evaluate({
      ...seatRush,
      storage_gb: 90,
      api_calls_30d: 27_000,
      net_new_users: 3,
      spike_calls: 1600,
      power_users: 5,
      avg_daily_actives: 3,
    });

    // 30 + 20 + 20 + 20 + 10 + 10 + 10 + 5 + 5 = 130.
    expect(score.signals.filter((signal) => signal.fired)).toHaveLength(9);
    expect(score.score).toBe(100);
  });

  it('takes the band with the highest minimum at or below the score', () => {
    const bands = [0, 29, 30, 59, 60, 100].map((score) => bandFor(score, config).id);

    expect(bands).toEqual(['cool', 'cool', 'warm', 'warm', 'hot', 'hot']);
  });
});

describe('plays', () => {
  it('recommends the plays whose rules hold, by priority, with live values in why', () => {
    expect(evaluate(seatRush).plays).toEqual([
      {
        id: 'enterprise',
        title: 'Open an Enterprise conversation',
        why: '2 d to the wall, 5 seats added this week.',
        priority: 1,
      },
      {
        id: 'seat-pack',
        title: 'Propose the seat pack',
        why: 'Seats are at 96% of the Team plan limit.',
        priority: 2,
      },
    ]);
  });

  it('requires every signal in all', () => {
    expect(evaluate({ seats_used: 45, seats_week_ago: 45 }).plays.map((play) => play.id)).toEqual([
      'seat-pack',
    ]);
    expect(evaluate({}).plays).toEqual([]);
  });

  it('requires one signal of any', () => {
    // days_to_wall and score 60 hold, but neither seat_growth nor net_new_active_users fired.
    const withoutGrowth = evaluate({ ...seatRush, seats_week_ago: 48, storage_gb: 90 });
    expect(withoutGrowth.score).toBe(70);
    expect(withoutGrowth.plays.map((play) => play.id)).toEqual(['seat-pack']);

    const withNewUsers = evaluate({
      ...seatRush,
      seats_week_ago: 48,
      storage_gb: 90,
      net_new_users: 4,
    });
    expect(withNewUsers.plays.map((play) => play.id)).toEqual(['enterprise', 'seat-pack']);
  });

  it('requires the account to be on one of the plans', () => {
    const enterprise = evaluate({ seats_used: 45, seats_week_ago: 45, plan: 'Enterprise' });
    const noPlan = evaluate({ seats_used: 45, seats_week_ago: 45, plan: null });

    expect(enterprise.signals[0]).toMatchObject({ id: 'seat_utilisation', fired: true });

    expect(enterprise.plays).toEqual([]);
    expect(noPlan.plays).toEqual([]);
  });

  it('requires the minimum score', () => {
    // The enterprise rule's signals fire, but 30 + 20 + 10 - 40 = 20 is below 60.
    const dormant = evaluate({ ...seatRush, days_since_event: 20 });

    expect(dormant.plays.map((play) => play.id)).toEqual(['seat-pack', 'rescue']);
  });

  it('formats each placeholder in its unit and leaves unknown names as written', () => {
    const score = evaluate({ api_calls_30d: 27_000, spike_calls: 1450, plan: null });

    // 27 000 / 30 000 = 90%; 0.6745 × 450 / 100 = 3.04 (fired by api_utilisation alone).
    expect(score.plays).toEqual([
      {
        id: 'api-tier',
        title: 'Move to the next API tier',
        why: 'API calls at 90%, spike z 3.0, {unknown_name} stays.',
        priority: 3,
      },
    ]);
  });

  it('names the current plan as "current" when the account has none', () => {
    const score = evaluate({ days_since_event: 45, plan: null });

    expect(score.plays).toEqual([
      {
        id: 'rescue',
        title: 'Check in before renewal',
        why: 'No product activity for 45 d on current.',
        priority: 3,
      },
    ]);
  });
});

describe('the account in the response', () => {
  it('carries the plan and CRM ids, the Salesforce Id in its 18-character form', () => {
    const score = evaluate({});

    expect(score.account).toEqual({
      accountId: 'acc-1',
      name: 'Acme',
      domain: 'acme.io',
      plan: 'Team',
      mrr: 1200,
      renewalDate: '2026-09-30',
      salesforceAccountId: '003G000001SUbc4IAD',
      hubspotCompanyId: '1001',
    });
    expect(score.asOf).toBe('2026-06-09');
    expect(score.computedAt).toBe('2026-06-10T08:30:00.000Z');
    expect(score.stale).toBe(false);
  });
});

describe('configuration errors', () => {
  function errorOf(text: string): string {
    try {
      parseConfig(text, 'signals.yaml');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return (error as Error).message;
    }
    throw new Error('the configuration was accepted');
  }

  it('fills in the defaults of spike, trend, handoff and play rules', () => {
    expect(config.spike).toEqual({
      historyWeeks: 8,
      minDailyVolume: 50,
      madFloor: 1,
      madFloorRatio: 0.05,
    });
    expect(config.trendDays).toBe(14);
    expect(config.handoff).toEqual({ cooldownDays: 7 });
    expect(config.plays[0]!.when).toEqual({
      all: ['seat_utilisation'],
      any: [],
      plans: ['Starter', 'Team'],
      minScore: 0,
    });
  });

  it('reports bad YAML with its file, line and column', () => {
    const text = `${configText}plays: []\n`;

    expect(errorOf(text)).toBe(
      'the configuration is not valid YAML:\n  signals.yaml:38:1: Map keys must be unique',
    );
  });

  it('reports an unknown key where its object starts', () => {
    const text = configText.replace('min: 30, colour', 'min: 30, color');

    expect(errorOf(text)).toBe(
      [
        'the configuration is invalid:',
        '  signals.yaml:3:5: bands.1.colour: Invalid input: expected string, received undefined',
        '  signals.yaml:3:5: bands.1: Unrecognized key: "color"',
      ].join('\n'),
    );
  });

  it('reports a missing band at 0', () => {
    const text = configText.replace('min: 0,', 'min: 10,');

    expect(errorOf(text)).toBe(
      'the configuration is invalid:\n  signals.yaml:2:3: bands: one band must start at min: 0',
    );
  });

  it('reports a duplicate play id at the second one', () => {
    const text = configText.replace('id: rescue', 'id: seat-pack');

    expect(errorOf(text)).toBe(
      'the configuration is invalid:\n  signals.yaml:33:9: plays.3.id: duplicate id',
    );
  });

  it('reports an unknown signal id in a play at the id itself', () => {
    const text = configText.replace('all: [dormancy]', 'all: [dormant]');

    const options = signalIds.map((id) => `"${id}"`).join('|');

    expect(errorOf(text)).toBe(
      'the configuration is invalid:\n' +
        `  signals.yaml:37:19: plays.3.when.all.0: Invalid option: expected one of ${options}`,
    );
  });
});
