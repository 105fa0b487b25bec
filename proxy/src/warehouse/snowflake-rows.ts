import type { Column } from 'snowflake-sdk';
import { normaliseValue, type ValueKind } from './normalise-value.ts';
import type { Row } from './warehouse.ts';

/**
 * Snowflake results in the port's Row shape, identical to what the DuckDB adapter returns for
 * the same SQL and data. Snowflake upper-cases unquoted identifiers, so names are lower-cased;
 * values are normalised from the column's Snowflake type (`statement.getColumns()`).
 *
 * The adapter asks the driver for NUMBER values as their exact strings (`fetchAsString`),
 * which are converted here the same way DuckDB's big integers and decimals are; DATE and
 * TIMESTAMP values arrive as JavaScript Dates in UTC.
 */
export function toRows(columns: readonly Column[], rows: readonly unknown[][]): Row[] {
  const names = columns.map((column) => column.getName().toLowerCase());
  const kinds = columns.map((column) => valueKind(column.getType()));

  return rows.map((values) => {
    const row: Row = {};
    names.forEach((name, index) => {
      row[name] = normaliseValue(plain(values[index]), kinds[index]!);
    });
    return row;
  });
}

/** Snowflake's JSON result type names (snowflake-sdk lib/connection/result/data_types.js). */
function valueKind(snowflakeType: string): ValueKind {
  switch (snowflakeType) {
    case 'fixed':
    case 'real':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamp_ntz':
    case 'timestamp_ltz':
    case 'timestamp_tz':
      return 'timestamp';
    default:
      return 'text';
  }
}

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('hex').toUpperCase();
  return value;
}
