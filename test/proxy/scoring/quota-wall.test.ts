import { describe, expect, it } from 'vitest';
import {
  daysToWall,
  FORECAST_HORIZON_DAYS,
  quotaWall,
} from '../../../proxy/src/scoring/quota-wall.ts';

describe('daysToWall', () => {
  it('divides the headroom by the daily growth and rounds up to whole days', () => {
    expect(daysToWall(45, 50, 1)).toBe(5);
    expect(daysToWall(45, 50, 2)).toBe(3);
    expect(daysToWall(45, 50, 0.5)).toBe(10);
  });

  it('is 0 at the limit and over it, whatever the trend', () => {
    expect(daysToWall(50, 50, 1)).toBe(0);
    expect(daysToWall(60, 50, null)).toBe(0);
    expect(daysToWall(60, 50, -3)).toBe(0);
  });

  it('is null without growth', () => {
    expect(daysToWall(45, 50, 0)).toBeNull();
    expect(daysToWall(45, 50, -1)).toBeNull();
    expect(daysToWall(45, 50, null)).toBeNull();
  });

  it('is null without a limit', () => {
    expect(daysToWall(45, null, 1)).toBeNull();
    expect(daysToWall(45, 0, 1)).toBeNull();
  });

  it('forecasts up to a year and no further', () => {
    expect(FORECAST_HORIZON_DAYS).toBe(365);
    expect(daysToWall(0, 365, 1)).toBe(365);
    expect(daysToWall(0, 366, 1)).toBeNull();
  });
});

describe('quotaWall', () => {
  it('describes one resource against its plan limit', () => {
    expect(quotaWall('seats', 45, 50, 1)).toEqual({
      resource: 'seats',
      label: 'Seats',
      unit: 'seats',
      used: 45,
      limit: 50,
      utilisation: 0.9,
      daysToWall: 5,
    });
  });

  it('rounds usage to 2 decimals and utilisation to 4', () => {
    expect(quotaWall('storage', 33.33333, 100, null)).toEqual({
      resource: 'storage',
      label: 'Storage',
      unit: 'GB',
      used: 33.33,
      limit: 100,
      utilisation: 0.3333,
      daysToWall: null,
    });
  });

  it('has no limit, utilisation or forecast when the plan sets no limit', () => {
    expect(quotaWall('api_calls', 1200, null, 10)).toEqual({
      resource: 'api_calls',
      label: 'API calls (30 days)',
      unit: 'calls',
      used: 1200,
      limit: null,
      utilisation: null,
      daysToWall: null,
    });
    expect(quotaWall('api_calls', 1200, 0, 10)).toMatchObject({ limit: null, utilisation: null });
  });

  it('shows no usage as 0 used', () => {
    expect(quotaWall('seats', null, 10, null)).toMatchObject({ used: 0, utilisation: 0 });
  });
});
