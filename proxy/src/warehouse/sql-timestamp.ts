/**
 * A moment as a bind both engines cast with `CAST(? AS TIMESTAMP)`: ISO-8601 in UTC without the
 * zone letter, because the output tables use plain (zone-less) TIMESTAMP columns holding UTC.
 */
export function sqlTimestamp(moment: Date): string {
  return moment.toISOString().replace('Z', '');
}
