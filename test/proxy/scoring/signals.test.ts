import type { QuotaWall, ScoreResponse, SignalId } from '@upsignal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../proxy/src/config/scoring-config.ts';
import { createScoreService } from '../../../proxy/src/scoring/score-service.ts';
import {
  createFixtureWarehouse,
  type FixtureWarehouse,
  REF,
  type TrackRow,
  usageSeries,
} from '../../support/fixture-warehouse.ts';

// Every signal the warehouse computes, on four hand-written accounts scored as of REF
// (Wednesday 2026-06-10). Windows end the day before REF: daysAgo 1 is the newest day read,
// "the last 7 days" is daysAgo 1..7, "the 30 before" is daysAgo 8..37, "30 days" is 1..30.

const config = parseConfig(`
bands:
  - { id: hot, label: Expansion-ready, min: 50, colour: "#ba0517" }
  - { id: cool, label: Not yet, min: 0, colour: "#706e6b" }
signals:
  seat_utilisation: { threshold: 0.9, points: 25 }
  storage_utilisation: { threshold: 0.85, points: 15 }
  api_utilisation: { threshold: 0.85, points: 15 }
  days_to_wall: { threshold: 30, points: 15 }
  seat_growth: { threshold: 3, points: 10 }
  net_new_active_users: { threshold: 3, points: 5 }
  usage_spike: { threshold: 3.5, points: 10 }
  power_users: { threshold: 5, points: 5 }
  feature_breadth: { threshold: 6, points: 5 }
  stickiness: { threshold: 0.3, points: 5 }
  dormancy: { threshold: 14, points: -40 }
spike: { historyWeeks: 8, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0.05 }
trendDays: 14
plays: []
`);

/**
 * Growth Co: seats climb by one a day over the 14-day trend window (32 at daysAgo 14, 45
 * yesterday) against a limit of 50; storage (80 of 100 GB) and API calls (500 a day) are flat.
 */
const growthUsage = usageSeries('acc-growth', 58, (daysAgo) => ({
  seats: daysAgo <= 14 ? 46 - daysAgo : 32,
  storageGb: 80,
  apiCalls: 500,
}));

/**
 * Full Stack: 12 seats on a 10-seat plan (over the wall); storage grows 0.5 GB a day to 45 of
 * 50 GB; API calls grow by one a day (1000 - daysAgo), so the 30-day total grows by 30 a day,
 * far too slowly to reach 120 000 within a year.
 */
const fullUsage = usageSeries('acc-full', 58, (daysAgo) => ({
  seats: 12,
  storageGb: daysAgo <= 14 ? 45 - 0.5 * (daysAgo - 1) : 38.5,
  apiCalls: 1000 - daysAgo,
}));

/** Flatline: seats flat at 20, storage shrinking by 1 GB a day to 10, 100 API calls a day. */
const flatUsage = usageSeries('acc-flat', 58, (daysAgo) => ({
  seats: 20,
  storageGb: daysAgo <= 14 ? 9 + daysAgo : 23,
  apiCalls: 100,
}));

/** Gaps: usage rows only every other day (daysAgo 2, 4, …, 58), 1000 API calls on each. */
const gapsUsage = usageSeries('acc-gaps', 58, () => ({
  seats: 5,
  storageGb: 1,
  apiCalls: 1000,
})).filter((row) => row.daysAgo % 2 === 0);

const growth = (event: string, daysAgo: number, who: Partial<TrackRow>): TrackRow => ({
  groupId: 'grp-growth',
  event,
  daysAgo,
  ...who,
});

/**
 * Growth Co's people (active days as daysAgo):
 *   alice   1 2 3 and 20            power user, not new (active 20 days ago)
 *   bob     1 4 6                   power user, new
 *   carol   5 4 anonymously, identified on 3, then 1 signed in: power user, new (one person)
 *   dave    3 4 5, events with no group; his latest GROUPS row is grp-growth: power user, new
 *   erin    1 and 9 under two anonymous ids (old and new email), both identified as erin
 *   frank   2, in the merged workspace grp-growth-eu: new
 *   gina    3, and 45 (outside the 30 days before): new
 *   hank    15 only: active this month, not this week
 *   ivan    today only: not read at all
 *   kim     20, no group; she moved from grp-growth to grp-quiet, so her event is Quiet Corp's
 */
const tracks: TrackRow[] = [
  growth('report_viewed', 1, { userId: 'alice' }),
  growth('search_used', 1, { userId: 'alice', time: '23:59:59' }),
  growth('report_viewed', 2, { userId: 'alice' }),
  growth('dashboard_created', 2, { userId: 'alice' }),
  growth('report_viewed', 3, { userId: 'alice' }),
  growth('report_viewed', 20, { userId: 'alice' }),
  growth('export_csv', 1, { userId: 'bob' }),
  growth('export_csv', 4, { userId: 'bob' }),
  growth('export_csv', 6, { userId: 'bob' }),
  growth('pricing_viewed', 5, { anonymousId: 'anon-carol' }),
  growth('report_viewed', 4, { anonymousId: 'anon-carol' }),
  growth('report_viewed', 1, { userId: 'carol' }),
  { userId: 'dave', event: 'comment_added', daysAgo: 3 },
  { userId: 'dave', event: 'comment_added', daysAgo: 4 },
  { userId: 'dave', event: 'comment_added', daysAgo: 5 },
  growth('report_viewed', 9, { anonymousId: 'anon-erin-old' }),
  growth('report_viewed', 1, { anonymousId: 'anon-erin-new' }),
  growth('sso_configured', 2, { userId: 'frank', groupId: 'grp-growth-eu' }),
  growth('legacy_import', 45, { userId: 'gina' }),
  growth('report_viewed', 3, { userId: 'gina' }),
  growth('report_viewed', 15, { userId: 'hank' }),
  growth('billing_opened', 0, { userId: 'ivan', time: '00:00:00' }),
  { userId: 'kim', event: 'report_viewed', daysAgo: 20 },
  { userId: 'olga', groupId: 'grp-flat', event: 'report_viewed', daysAgo: 95 },
];

let fixture: FixtureWarehouse;
let scores: Map<string, ScoreResponse>;

beforeAll(async () => {
  fixture = await createFixtureWarehouse({
    accounts: [
      { accountId: 'acc-growth', name: 'Growth Co', domain: 'growth.io' },
      { accountId: 'acc-full', name: 'Full Stack Ltd', domain: 'fullstack.dev' },
      { accountId: 'acc-flat', name: 'Flatline Inc', domain: 'flatline.com' },
      { accountId: 'acc-quiet', name: 'Quiet Corp', domain: 'quiet.io' },
      { accountId: 'acc-gaps', name: 'Gaps GmbH', domain: 'gaps.de' },
    ],
    subscriptions: [
      {
        accountId: 'acc-growth',
        plan: 'Team',
        seatLimit: 50,
        storageLimitGb: 100,
        apiCallLimit: 30_000,
        mrr: 1200,
        renewalDate: '2026-09-30',
      },
      {
        accountId: 'acc-full',
        plan: 'Starter',
        seatLimit: 10,
        storageLimitGb: 50,
        apiCallLimit: 120_000,
        mrr: 300,
        renewalDate: '2026-07-01',
      },
      {
        accountId: 'acc-flat',
        plan: 'Team',
        seatLimit: 50,
        storageLimitGb: 100,
        apiCallLimit: 30_000,
        mrr: 1000,
        renewalDate: '2027-01-31',
      },
      {
        accountId: 'acc-quiet',
        plan: 'Starter',
        seatLimit: 10,
        storageLimitGb: 50,
        apiCallLimit: 10_000,
        mrr: 100,
        renewalDate: '2026-08-15',
      },
      {
        accountId: 'acc-gaps',
        plan: 'Team',
        seatLimit: 50,
        storageLimitGb: 100,
        apiCallLimit: 30_000,
        mrr: 900,
        renewalDate: '2026-10-01',
      },
    ],
    usage: [...growthUsage, ...fullUsage, ...flatUsage, ...gapsUsage],
    identities: [
      { accountId: 'acc-growth', kind: 'segment_group', value: 'grp-growth' },
      { accountId: 'acc-growth', kind: 'segment_group', value: 'grp-growth-eu' },
      { accountId: 'acc-flat', kind: 'segment_group', value: 'grp-flat' },
      { accountId: 'acc-quiet', kind: 'segment_group', value: 'grp-quiet' },
      { accountId: 'acc-growth', kind: 'salesforce', value: '001Ab000003XyZq' },
      { accountId: 'acc-growth', kind: 'hubspot', value: '1001' },
    ],
    tracks,
    identifies: [
      { userId: 'carol', anonymousId: 'anon-carol', email: 'carol@growth.io', daysAgo: 3 },
      { userId: 'erin', anonymousId: 'anon-erin-old', email: 'erin@old-mail.com', daysAgo: 50 },
      { userId: 'erin', anonymousId: 'anon-erin-new', email: 'erin@growth.io', daysAgo: 10 },
    ],
    groups: [
      { userId: 'dave', groupId: 'grp-quiet', daysAgo: 60 },
      { userId: 'dave', groupId: 'grp-growth', daysAgo: 30 },
      { userId: 'kim', groupId: 'grp-growth', daysAgo: 60 },
      { userId: 'kim', groupId: 'grp-quiet', daysAgo: 25 },
    ],
  });

  const service = createScoreService({
    warehouse: fixture.warehouse,
    tables: fixture.tables,
    config,
    today: () => REF,
    now: () => new Date('2026-06-10T08:30:00.000Z'),
  });
  const all = await service.scoreAll();
  scores = new Map(all.map((score) => [score.account.accountId, score]));
});

afterAll(async () => {
  await fixture?.close();
});

function scoreOf(accountId: string): ScoreResponse {
  const score = scores.get(accountId);
  if (!score) throw new Error(`no score for ${accountId}`);
  return score;
}

function valuesOf(accountId: string): Record<string, number | null> {
  return Object.fromEntries(scoreOf(accountId).signals.map((signal) => [signal.id, signal.value]));
}

function signalValue(accountId: string, id: SignalId): number | null {
  const signal = scoreOf(accountId).signals.find((candidate) => candidate.id === id);
  if (!signal) throw new Error(`no ${id} signal for ${accountId}`);
  return signal.value;
}

function wall(accountId: string, resource: QuotaWall['resource']) {
  const found = scoreOf(accountId).quotaWall.find((entry) => entry.resource === resource);
  return (
    found && {
      used: found.used,
      limit: found.limit,
      utilisation: found.utilisation,
      daysToWall: found.daysToWall,
    }
  );
}

describe('scoring every account of the fixture in one query', () => {
  it('returns one score per account with its plan, CRM ids and the newest usage day', () => {
    expect([...scores.keys()].sort()).toEqual([
      'acc-flat',
      'acc-full',
      'acc-gaps',
      'acc-growth',
      'acc-quiet',
    ]);
    expect(scoreOf('acc-growth').account).toEqual({
      accountId: 'acc-growth',
      name: 'Growth Co',
      domain: 'growth.io',
      plan: 'Team',
      mrr: 1200,
      renewalDate: '2026-09-30',
      salesforceAccountId: '001Ab000003XyZqIAK',
      hubspotCompanyId: '1001',
    });
    expect(scoreOf('acc-growth').asOf).toBe('2026-06-09');
    expect(scoreOf('acc-growth').computedAt).toBe('2026-06-10T08:30:00.000Z');
  });

  it('gives an account without usage rows no as-of day', () => {
    expect(scoreOf('acc-quiet').asOf).toBeNull();
  });

  it('gives the complete signal table of the busiest account', () => {
    expect(valuesOf('acc-growth')).toEqual({
      seat_utilisation: 0.9,
      storage_utilisation: 0.8,
      api_utilisation: 0.5,
      days_to_wall: 5,
      seat_growth: 7,
      net_new_active_users: 5,
      // 500 calls every day: median 500, MAD 0 floored at 5% of 500; yesterday is no outlier.
      usage_spike: 0,
      power_users: 4,
      feature_breadth: 7,
      stickiness: 0.075,
      dormancy: 1,
    });
  });
});

describe('quota wall', () => {
  it('divides yesterday’s seats and storage, and 30 days of API calls, by the limits', () => {
    expect(wall('acc-growth', 'seats')).toMatchObject({ used: 45, limit: 50, utilisation: 0.9 });
    expect(wall('acc-growth', 'storage')).toMatchObject({
      used: 80,
      limit: 100,
      utilisation: 0.8,
    });
    // 30 days × 500 calls = 15 000 of a 30 000 monthly limit.
    expect(wall('acc-growth', 'api_calls')).toMatchObject({
      used: 15_000,
      limit: 30_000,
      utilisation: 0.5,
    });
    expect(signalValue('acc-growth', 'seat_utilisation')).toBe(0.9);
    expect(signalValue('acc-growth', 'storage_utilisation')).toBe(0.8);
    expect(signalValue('acc-growth', 'api_utilisation')).toBe(0.5);
  });

  it('sums API calls over 30 calendar days when some days have no usage row', () => {
    // The newest row is daysAgo 2; its 30 days (daysAgo 2..31) hold 15 rows of 1000 calls.
    expect(scoreOf('acc-gaps').asOf).toBe('2026-06-08');
    expect(wall('acc-gaps', 'api_calls')).toMatchObject({
      used: 15_000,
      limit: 30_000,
      utilisation: 0.5,
    });
  });

  it('reports utilisation over 1 for an account past its limit', () => {
    expect(wall('acc-full', 'seats')).toMatchObject({ used: 12, limit: 10, utilisation: 1.2 });
    expect(signalValue('acc-full', 'seat_utilisation')).toBe(1.2);
  });

  it('forecasts the days to the wall from the least-squares slope of the last 14 days', () => {
    // Seats: (50 - 45) / 1 a day = 5 days. Storage: (50 - 45) / 0.5 GB a day = 10 days.
    expect(wall('acc-growth', 'seats')?.daysToWall).toBe(5);
    expect(wall('acc-full', 'storage')).toEqual({
      used: 45,
      limit: 50,
      utilisation: 0.9,
      daysToWall: 10,
    });
  });

  it('says 0 days for a resource already at or over its limit', () => {
    expect(wall('acc-full', 'seats')?.daysToWall).toBe(0);
    expect(signalValue('acc-full', 'days_to_wall')).toBe(0);
  });

  it('gives no forecast for a flat or shrinking resource', () => {
    expect(wall('acc-growth', 'storage')?.daysToWall).toBeNull();
    expect(wall('acc-flat', 'seats')).toEqual({
      used: 20,
      limit: 50,
      utilisation: 0.4,
      daysToWall: null,
    });
    expect(wall('acc-flat', 'storage')).toEqual({
      used: 10,
      limit: 100,
      utilisation: 0.1,
      daysToWall: null,
    });
    expect(signalValue('acc-flat', 'days_to_wall')).toBeNull();
  });

  it('gives no forecast when the wall is more than a year away', () => {
    // 30-day total yesterday: 30 × 1000 - (1 + … + 30) = 29 535, growing 30 a day:
    // (120 000 - 29 535) / 30 = 3016 days.
    expect(wall('acc-full', 'api_calls')).toEqual({
      used: 29_535,
      limit: 120_000,
      utilisation: 0.2461,
      daysToWall: null,
    });
  });

  it('takes the nearest wall across resources as the days-to-the-wall signal', () => {
    expect(signalValue('acc-growth', 'days_to_wall')).toBe(5);
  });
});

describe('growth signals', () => {
  it('counts the seats added since the same day a week earlier', () => {
    // 45 yesterday, 38 at daysAgo 8.
    expect(signalValue('acc-growth', 'seat_growth')).toBe(7);
    expect(signalValue('acc-full', 'seat_growth')).toBe(0);
  });

  it('counts users active in the last 7 days and not in the 30 days before', () => {
    // bob, carol (anonymous days included), dave, frank, gina; alice and erin were active before.
    expect(signalValue('acc-growth', 'net_new_active_users')).toBe(5);
  });
});

describe('engagement signals', () => {
  it('counts users active on 3 or more distinct days of the last 7 as power users', () => {
    // alice, bob, carol (2 anonymous days + 1 identified), dave (events attributed via GROUPS).
    expect(signalValue('acc-growth', 'power_users')).toBe(4);
  });

  it('counts distinct events of the last 30 days, up to 23:59:59 yesterday and not today', () => {
    // report_viewed, search_used, dashboard_created, export_csv, pricing_viewed,
    // comment_added, sso_configured; not legacy_import (45 days ago) nor billing_opened (today).
    expect(signalValue('acc-growth', 'feature_breadth')).toBe(7);
  });

  it('divides average daily actives over 30 days by monthly actives for stickiness', () => {
    // Active days in the last 30: alice 4, bob 3, carol 3, dave 3, erin 2, frank 1, gina 1,
    // hank 1 = 18 person-days; 18 / 30 = 0.6 a day over 8 monthly actives = 0.075.
    expect(signalValue('acc-growth', 'stickiness')).toBe(0.075);
    // kim's one day: (1 / 30) / 1.
    expect(signalValue('acc-quiet', 'stickiness')).toBe(0.0333);
  });

  it('has no stickiness for an account with nobody active in 30 days', () => {
    expect(signalValue('acc-flat', 'stickiness')).toBeNull();
  });

  it('counts the days since the last event as dormancy', () => {
    expect(signalValue('acc-growth', 'dormancy')).toBe(1);
    expect(signalValue('acc-quiet', 'dormancy')).toBe(20);
  });

  it('treats an account without events in the last 90 days as dormant for 90 days', () => {
    // Flatline's only event is 95 days old; Full Stack has none at all.
    expect(valuesOf('acc-flat')).toMatchObject({
      dormancy: 90,
      feature_breadth: 0,
      power_users: 0,
      net_new_active_users: 0,
    });
    expect(signalValue('acc-full', 'dormancy')).toBe(90);
  });
});

describe('identity stitching in the events', () => {
  it('counts anonymous events stitched through IDENTIFIES as the identified user’s', () => {
    // carol: days 5 and 4 as anon-carol, day 1 as carol. Unstitched she would be two people,
    // neither a power user: 3 power users and 6 new users.
    expect(valuesOf('acc-growth')).toMatchObject({ power_users: 4, net_new_active_users: 5 });
  });

  it('attributes events without a group through the user’s latest GROUPS row', () => {
    // dave (latest group grp-growth) is one of Growth Co's power users; kim's only event,
    // 20 days ago, belongs to Quiet Corp because her latest group is grp-quiet.
    expect(signalValue('acc-growth', 'power_users')).toBe(4);
    expect(valuesOf('acc-quiet')).toMatchObject({
      dormancy: 20,
      feature_breadth: 1,
      net_new_active_users: 0,
      power_users: 0,
    });
  });

  it('counts a user who changed email once', () => {
    // erin's two anonymous ids (old and new email) both resolve to erin: active 9 days ago, so
    // not new this week, and one of 8 monthly actives (18 person-days / 30 / 8 = 0.075).
    expect(valuesOf('acc-growth')).toMatchObject({ net_new_active_users: 5, stickiness: 0.075 });
  });

  it('counts the events of a merged workspace in the account', () => {
    // frank's sso_configured in grp-growth-eu, the account's second workspace: the 7th feature
    // and the 5th new user.
    expect(valuesOf('acc-growth')).toMatchObject({ feature_breadth: 7, net_new_active_users: 5 });
  });
});
