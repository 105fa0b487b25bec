import {
  type DuckDBDateValue,
  type DuckDBDecimalValue,
  type DuckDBResultReader,
  type DuckDBTimestampMillisecondsValue,
  type DuckDBTimestampNanosecondsValue,
  type DuckDBTimestampSecondsValue,
  type DuckDBTimestampValue,
  type DuckDBTimeValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * DuckDB results in Snowflake's JSON result format: `rowtype` describes each column with
 * Snowflake's type names, and every `rowset` value is a string (or null) in the encoding the
 * driver parses (snowflake-sdk lib/connection/result/column.js): DATE as days since the epoch,
 * TIMESTAMP_NTZ and TIME as seconds with nine fractional digits, BOOLEAN as "1"/"0".
 */

export type RowType = {
  name: string;
  database: string;
  schema: string;
  table: string;
  nullable: boolean;
  type: string;
  scale: number | null;
  precision: number | null;
  length: number | null;
  byteLength: number | null;
  collation: null;
};

type Codec = Pick<RowType, 'type' | 'scale' | 'precision' | 'length' | 'byteLength'> & {
  encode(value: DuckDBValue, json: unknown): string;
};

/** Snowflake's largest VARCHAR, which it reports for TEXT columns of unspecified length. */
const MAX_TEXT = 16_777_216;

export function encodeResult(reader: DuckDBResultReader, names: readonly string[]) {
  const codecs = reader.columnTypes().map(codecFor);
  const values = reader.getRows();
  const json = codecs.some((codec) => codec.type === 'variant') ? reader.getRowsJson() : null;

  const rowtype: RowType[] = codecs.map((codec, index) => ({
    name: names[index]!,
    database: '',
    schema: '',
    table: '',
    nullable: true,
    type: codec.type,
    scale: codec.scale,
    precision: codec.precision,
    length: codec.length,
    byteLength: codec.byteLength,
    collation: null,
  }));

  const rowset = values.map((row, rowIndex) =>
    row.map((value, column) =>
      value === null ? null : codecs[column]!.encode(value, json?.[rowIndex]?.[column]),
    ),
  );

  return { rowtype, rowset };
}

function codecFor(type: DuckDBType): Codec {
  const plain = { scale: null, precision: null, length: null, byteLength: null };

  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { ...plain, type: 'boolean', encode: (value) => (value ? '1' : '0') };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.UHUGEINT:
      return { ...plain, type: 'fixed', precision: 38, scale: 0, encode: String };
    case DuckDBTypeId.DECIMAL:
      return {
        ...plain,
        type: 'fixed',
        precision: type.width,
        scale: type.scale,
        encode: (value) => (value as DuckDBDecimalValue).toString(),
      };
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { ...plain, type: 'real', encode: String };
    case DuckDBTypeId.DATE:
      return { ...plain, type: 'date', encode: (value) => String((value as DuckDBDateValue).days) };
    case DuckDBTypeId.TIMESTAMP:
      return ntz((value) => (value as DuckDBTimestampValue).micros * 1000n);
    case DuckDBTypeId.TIMESTAMP_S:
      return ntz((value) => (value as DuckDBTimestampSecondsValue).seconds * 1_000_000_000n);
    case DuckDBTypeId.TIMESTAMP_MS:
      return ntz((value) => (value as DuckDBTimestampMillisecondsValue).millis * 1_000_000n);
    case DuckDBTypeId.TIMESTAMP_NS:
      return ntz((value) => (value as DuckDBTimestampNanosecondsValue).nanos);
    case DuckDBTypeId.TIMESTAMP_TZ:
      // TIMESTAMP_TZ carries its offset as minutes + 1440 after the seconds; DuckDB keeps UTC.
      return {
        ...plain,
        type: 'timestamp_tz',
        scale: 9,
        precision: 0,
        encode: (value) => `${seconds((value as DuckDBTimestampValue).micros * 1000n)} 1440`,
      };
    case DuckDBTypeId.TIME:
      return {
        ...plain,
        type: 'time',
        scale: 9,
        precision: 0,
        encode: (value) => seconds((value as DuckDBTimeValue).micros * 1000n),
      };
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
    case DuckDBTypeId.UNION:
      return variant((_value, json) => JSON.stringify(json));
    case DuckDBTypeId.VARCHAR:
      if (type.alias === 'JSON') return variant((value) => String(value));
      return { ...plain, type: 'text', length: MAX_TEXT, byteLength: MAX_TEXT, encode: String };
    default:
      return { ...plain, type: 'text', length: MAX_TEXT, byteLength: MAX_TEXT, encode: String };
  }
}

function ntz(toNanos: (value: DuckDBValue) => bigint): Codec {
  return {
    type: 'timestamp_ntz',
    scale: 9,
    precision: 0,
    length: null,
    byteLength: null,
    encode: (value) => seconds(toNanos(value)),
  };
}

function variant(encode: Codec['encode']): Codec {
  return {
    type: 'variant',
    scale: null,
    precision: null,
    length: MAX_TEXT,
    byteLength: MAX_TEXT,
    encode,
  };
}

/** Nanoseconds since the epoch as exact decimal seconds: -1500000000n → "-1.500000000". */
function seconds(nanos: bigint): string {
  const sign = nanos < 0n ? '-' : '';
  const magnitude = nanos < 0n ? -nanos : nanos;
  const whole = magnitude / 1_000_000_000n;
  const fraction = (magnitude % 1_000_000_000n).toString().padStart(9, '0');
  return `${sign}${whole}.${fraction}`;
}
