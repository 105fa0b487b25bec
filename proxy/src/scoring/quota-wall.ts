import type { QuotaWall, ResourceId } from '@upsignal/shared';

const resources: Record<ResourceId, { label: string; unit: string }> = {
  seats: { label: 'Seats', unit: 'seats' },
  storage: { label: 'Storage', unit: 'GB' },
  api_calls: { label: 'API calls (30 days)', unit: 'calls' },
};

/** Beyond a year a straight-line forecast says nothing a seller can act on. */
export const FORECAST_HORIZON_DAYS = 365;

/**
 * Days until `used` reaches `limit` if it keeps growing at `slopePerDay` (a least-squares fit
 * over the recent trend). Zero when already at or over; null when there is no limit, no growth,
 * or the wall is beyond the forecast horizon.
 */
export function daysToWall(used: number, limit: number | null, slopePerDay: number | null) {
  if (limit === null || limit <= 0) return null;
  if (used >= limit) return 0;
  if (slopePerDay === null || slopePerDay <= 0) return null;

  const days = Math.ceil((limit - used) / slopePerDay);
  return days <= FORECAST_HORIZON_DAYS ? days : null;
}

export function quotaWall(
  resource: ResourceId,
  used: number | null,
  limit: number | null,
  slopePerDay: number | null,
): QuotaWall {
  const usedValue = round(used ?? 0);
  const usable = limit !== null && limit > 0 ? limit : null;

  return {
    resource,
    ...resources[resource],
    used: usedValue,
    limit: usable,
    utilisation: usable === null ? null : round(usedValue / usable, 4),
    daysToWall: daysToWall(usedValue, usable, slopePerDay),
  };
}

function round(value: number, digits = 2) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
