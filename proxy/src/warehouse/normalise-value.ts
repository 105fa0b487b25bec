import type { Row } from './warehouse.ts';

/**
 * Both engines hand back loosely typed values (DuckDB: big integers and decimals as strings;
 * Snowflake: everything as strings). These helpers turn a value into the port's `Row` shape
 * from the engine's own type name.
 */

export type ValueKind = 'number' | 'boolean' | 'date' | 'timestamp' | 'text';

export function normaliseValue(value: unknown, kind: ValueKind): Row[string] {
  if (value === null || value === undefined) return null;

  switch (kind) {
    case 'number':
      return typeof value === 'number' ? value : Number(value);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return ['true', '1', 't'].includes(String(value).toLowerCase());
    case 'date':
      return String(value).slice(0, 10);
    case 'timestamp':
      return toIsoTimestamp(String(value));
    case 'text':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** '2026-01-02 03:04:05.123' (UTC, no zone) → '2026-01-02T03:04:05.123Z'. */
export function toIsoTimestamp(value: string): string {
  if (/^\d+(\.\d+)?$/.test(value)) {
    // Snowflake's JSON rowset sends TIMESTAMP_NTZ as seconds since the epoch.
    return new Date(Math.round(Number(value) * 1000)).toISOString();
  }
  const withT = value.includes('T') ? value : value.replace(' ', 'T');
  const zoned = /[zZ]|[+-]\d\d:?\d\d$/.test(withT) ? withT : `${withT}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
