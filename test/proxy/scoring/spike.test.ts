import type { ScoreResponse } from '@upsignal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScoreService } from '../../../proxy/src/scoring/score-service.ts';
import {
  createFixtureWarehouse,
  type FixtureWarehouse,
  type UsageRow,
  usageSeries,
} from '../../support/fixture-warehouse.ts';
import { neutralConfig } from '../../support/neutral-config.ts';

// The usage spike: yesterday's API calls against the same weekday of the 8 weeks before, as a
// modified z-score 0.6745 (x - median) / max(MAD, madFloor, madFloorRatio × median).
// Scored as of Tuesday 2026-06-09, so yesterday (daysAgo 1) is Monday 2026-06-08 and the
// Mondays compared are daysAgo 8, 15, …, 57.

const SPIKE_REF = '2026-06-09';

const isMonday = (daysAgo: number) => daysAgo % 7 === 1;
const isWeekend = (daysAgo: number) => daysAgo % 7 === 2 || daysAgo % 7 === 3;
const weekOf = (daysAgo: number) => (daysAgo - 1) / 7;

/** API calls per day: Mondays from the list (yesterday first), then weekdays and weekends. */
function weekly(
  accountId: string,
  mondays: number[],
  otherWeekdays: number,
  weekend: number,
): UsageRow[] {
  return usageSeries(accountId, 58, (daysAgo) => ({
    seats: 10,
    storageGb: 1,
    apiCalls: isMonday(daysAgo)
      ? (mondays[weekOf(daysAgo)] ?? otherWeekdays)
      : isWeekend(daysAgo)
        ? weekend
        : otherWeekdays,
  }));
}

/** Eight earlier Mondays: median 1000, absolute deviations 0 0 100 100 100 100 200 200, MAD 100. */
const variedMondays = [900, 1100, 1000, 800, 1200, 900, 1100, 1000];

/** The same shape around 3000: median 3000, MAD 100, which is less than 5% of 3000. */
const steadyMondays = [2900, 3100, 3000, 2800, 3200, 2900, 3100, 3000];

const accounts = [
  'acc-seasonal',
  'acc-spiking',
  'acc-monday-heavy',
  'acc-flat',
  'acc-small-mad',
  'acc-sparse',
  'acc-no-yesterday',
  'acc-new',
];

let fixture: FixtureWarehouse;

beforeAll(async () => {
  fixture = await createFixtureWarehouse(
    {
      accounts: accounts.map((accountId) => ({ accountId, name: accountId, domain: null })),
      usage: [
        ...weekly('acc-seasonal', [1200, ...variedMondays], 1000, 50),
        ...weekly('acc-spiking', [1600, ...variedMondays], 1000, 50),
        // Mondays are the busy day (a weekly batch job), weekends are silent.
        ...weekly('acc-monday-heavy', Array(9).fill(3000), 1000, 0),
        ...usageSeries('acc-flat', 58, (daysAgo) => ({
          seats: 10,
          storageGb: 1,
          apiCalls: daysAgo === 1 ? 1100 : 1000,
        })),
        ...weekly('acc-small-mad', [3600, ...steadyMondays], 1000, 0),
        // Nothing most days, 20 calls every Wednesday, 40 yesterday.
        ...usageSeries('acc-sparse', 58, (daysAgo) => ({
          seats: 2,
          storageGb: 0,
          apiCalls: daysAgo === 1 ? 40 : daysAgo % 7 === 6 ? 20 : 0,
        })),
        ...usageSeries('acc-no-yesterday', 58, () => ({
          seats: 10,
          storageGb: 1,
          apiCalls: 1000,
        })).filter((row) => row.daysAgo > 1),
        // Signed up 20 days ago: two earlier Mondays with usage, six before it existed.
        ...usageSeries('acc-new', 20, () => ({ seats: 3, storageGb: 1, apiCalls: 1000 })),
      ],
    },
    SPIKE_REF,
  );
});

afterAll(async () => {
  await fixture?.close();
});

function configWith(spike: string) {
  return neutralConfig({ points: { usage_spike: 10 }, spike });
}

const defaults = '{ historyWeeks: 8, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0.05 }';

/** The usage_spike signal of every account, scored with the given spike settings. */
async function spikes(spike = defaults) {
  const service = createScoreService({
    warehouse: fixture.warehouse,
    tables: fixture.tables,
    config: configWith(spike),
    today: () => SPIKE_REF,
  });
  const scores: ScoreResponse[] = await service.scoreAll();

  return Object.fromEntries(
    scores.map((score) => {
      const signal = score.signals.find((candidate) => candidate.id === 'usage_spike')!;
      return [score.account.accountId, { value: signal.value, fired: signal.fired }];
    }),
  );
}

describe('the usage spike on a weekly-seasonal series', () => {
  it('scores an ordinary Monday against earlier Mondays and does not fire', async () => {
    // 0.6745 × (1200 - 1000) / 100 = 1.349.
    expect((await spikes())['acc-seasonal']).toEqual({ value: 1.35, fired: false });
  });

  it('fires on a Monday far above earlier Mondays', async () => {
    // 0.6745 × (1600 - 1000) / 100 = 4.047.
    expect((await spikes())['acc-spiking']).toEqual({ value: 4.05, fired: true });
  });

  it('does not call a busy Monday after a silent weekend a spike', async () => {
    // Every Monday had 3000 calls; the weekend before had none, other weekdays 1000.
    expect((await spikes())['acc-monday-heavy']).toEqual({ value: 0, fired: false });
  });
});

describe('the MAD floors', () => {
  it('floors the MAD of a flat series at madFloorRatio × median', async () => {
    // MAD 0, floor 0.05 × 1000 = 50: 0.6745 × 100 / 50 = 1.349.
    expect((await spikes())['acc-flat']).toEqual({ value: 1.35, fired: false });
  });

  it('floors the MAD of a flat series at madFloor when the relative floor is off', async () => {
    // MAD 0, floor 1: 0.6745 × 100 / 1 = 67.45; a 10% rise reads as an extreme outlier.
    const scored = await spikes(
      '{ historyWeeks: 8, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0 }',
    );

    expect(scored['acc-flat']).toEqual({ value: 67.45, fired: true });
  });

  it('uses the larger of madFloor and madFloorRatio × median', async () => {
    // floor max(200, 0.05 × 1000) = 200: 0.6745 × 100 / 200 = 0.337.
    const scored = await spikes(
      '{ historyWeeks: 8, minDailyVolume: 50, madFloor: 200, madFloorRatio: 0.05 }',
    );

    expect(scored['acc-flat']).toEqual({ value: 0.34, fired: false });
  });

  it('raises a MAD smaller than madFloorRatio × median to that floor', async () => {
    // MAD 100 < 0.05 × 3000 = 150: 0.6745 × 600 / 150 = 2.698 (not 4.047 on the raw MAD).
    expect((await spikes())['acc-small-mad']).toEqual({ value: 2.7, fired: false });

    const unfloored = await spikes(
      '{ historyWeeks: 8, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0 }',
    );
    expect(unfloored['acc-small-mad']).toEqual({ value: 4.05, fired: true });
  });
});

describe('the minimum volume', () => {
  it('gives a sparse account below minDailyVolume no spike value', async () => {
    expect((await spikes())['acc-sparse']).toEqual({ value: null, fired: false });
  });

  it('scores the same account once yesterday reaches the minimum volume', async () => {
    // Earlier Mondays all 0: median 0, MAD 0, floor 1: 0.6745 × 40 / 1 = 26.98.
    const scored = await spikes(
      '{ historyWeeks: 8, minDailyVolume: 40, madFloor: 1, madFloorRatio: 0.05 }',
    );

    expect(scored['acc-sparse']).toEqual({ value: 26.98, fired: true });
  });

  it('gives an account without a usage row for yesterday no spike value', async () => {
    expect((await spikes())['acc-no-yesterday']).toEqual({ value: null, fired: false });
  });
});

describe('the history length', () => {
  it('gives an account with usage on fewer than half the weekdays no spike value', async () => {
    // Two of eight earlier Mondays have rows; counting the six missing ones as zero would make
    // an ordinary 1000-call Monday look like a z-score in the hundreds.
    expect((await spikes())['acc-new']).toEqual({ value: null, fired: false });
  });

  it('scores the new account once the history is that short by configuration', async () => {
    // historyWeeks 4 needs 2 Mondays with rows: median of [1000, 1000, 0, 0] is 500, MAD 500.
    const scored = await spikes(
      '{ historyWeeks: 4, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0.05 }',
    );

    // 0.6745 × (1000 - 500) / 500 = 0.6745.
    expect(scored['acc-new']).toEqual({ value: 0.67, fired: false });
  });

  it('compares yesterday with only historyWeeks earlier Mondays', async () => {
    // The 4 Mondays before yesterday: 900, 1100, 1000, 800; median 950, MAD 100.
    const scored = await spikes(
      '{ historyWeeks: 4, minDailyVolume: 50, madFloor: 1, madFloorRatio: 0.05 }',
    );

    // 0.6745 × (1200 - 950) / 100 = 1.686 and 0.6745 × (1600 - 950) / 100 = 4.384.
    expect(scored['acc-seasonal']).toEqual({ value: 1.69, fired: false });
    expect(scored['acc-spiking']).toEqual({ value: 4.38, fired: true });
  });
});
