/**
 * Bind values as snowflake-sdk sends them (lib/connection/statement.js, buildBindsMap):
 * `{"1": {"type": "TEXT", "value": "…"}}`, every non-null value a string, the type chosen from
 * the JavaScript value (TEXT, FIXED for integers, REAL, BOOLEAN). They become DuckDB's
 * positional `?` parameters as the JavaScript values the caller bound, so DuckDB types them
 * exactly as it does for the embedded adapter.
 */

export type DriverBind = { type: string; value: unknown };

export type BindValue = string | number | bigint | boolean | null;

export class UnsupportedBind extends Error {
  override readonly name = 'UnsupportedBind';
}

export function duckDbParameters(bindings: unknown): BindValue[] {
  if (bindings === undefined || bindings === null) return [];
  if (typeof bindings !== 'object') throw new UnsupportedBind('bindings is not an object');

  const entries = Object.entries(bindings as Record<string, DriverBind>);
  entries.sort(([left], [right]) => Number(left) - Number(right));

  return entries.map(([position, bind], index) => {
    if (Number(position) !== index + 1) {
      throw new UnsupportedBind(`binding positions must run 1..n, found ${position}`);
    }
    return bindValue(bind);
  });
}

function bindValue(bind: DriverBind): BindValue {
  const { type, value } = bind;
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) throw new UnsupportedBind('array binding');
  const text = String(value);

  switch (type) {
    case 'FIXED': {
      const integer = BigInt(text);
      const safe = integer <= BigInt(Number.MAX_SAFE_INTEGER);
      return safe && integer >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(integer) : integer;
    }
    case 'REAL':
      return Number(text);
    case 'BOOLEAN':
      return ['true', '1'].includes(text.toLowerCase());
    default:
      // TEXT, and the types other clients send as text (Snowflake casts them implicitly).
      return text;
  }
}
