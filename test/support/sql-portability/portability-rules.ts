/**
 * SQL constructs that one of the two engines rejects. The scoring SQL runs on DuckDB (embedded)
 * and on Snowflake (production), so it must avoid all of them; SQL that only ever runs on one
 * engine is checked only against what that engine rejects.
 *
 * "DuckDB rejects" entries were each tried on DuckDB 1.5 (@duckdb/node-api); "Snowflake
 * rejects" entries come from REFERENCE.md and Snowflake's SQL reference. Not listed, because
 * both accept them: `::` casts, QUALIFY, MEDIAN, PERCENTILE_CONT … WITHIN GROUP, COUNT_IF,
 * TRY_CAST, REGR_SLOPE, date_trunc('day', …), datediff('day', …), `?` binds, INTERVAL '7 days'.
 */

export type Engine = 'duckdb' | 'snowflake';

export type PortabilityRule = {
  construct: string;
  rejectedBy: Engine;
  pattern: RegExp;
  instead: string;
  /** A statement the rule must flag, proving the pattern works. */
  sample: string;
};

const snowflakeOnlyFunctions = [
  'DATEADD',
  'TIMESTAMPADD',
  'IFF',
  'NVL',
  'NVL2',
  'DIV0',
  'DIV0NULL',
  'ZEROIFNULL',
  'BOOLOR_AGG',
  'BOOLAND_AGG',
  'SQUARE',
  'TO_DATE',
  'TO_VARCHAR',
  'TO_CHAR',
  'PARSE_JSON',
  'TRY_TO_NUMBER',
  'ARRAY_CONSTRUCT',
  'OBJECT_CONSTRUCT',
  'ARRAY_SIZE',
  'CONVERT_TIMEZONE',
  'SYSDATE',
  'GETDATE',
  'REGEXP_SUBSTR',
  'UNIFORM',
  'APPROX_PERCENTILE',
];

const duckDbOnlyFunctions = [
  'MAD',
  'STRFTIME',
  'EPOCH',
  'EPOCH_MS',
  'GENERATE_SERIES',
  'LIST_VALUE',
  'STRUCT_PACK',
  'DATE_DIFF',
];

const snowflakeAlternatives: Record<string, string> = {
  DATEADD: "date ± whole days, or + INTERVAL '1 day'",
  TIMESTAMPADD: "+ INTERVAL '1 hour'",
  IFF: 'CASE WHEN … END',
  NVL: 'COALESCE',
  NVL2: 'CASE WHEN x IS NOT NULL THEN … END',
  DIV0: 'CASE WHEN d = 0 THEN 0 ELSE n / d END',
  ZEROIFNULL: 'COALESCE(x, 0)',
  BOOLOR_AGG: 'MAX(CASE WHEN x THEN 1 ELSE 0 END) = 1',
  BOOLAND_AGG: 'MIN(CASE WHEN x THEN 1 ELSE 0 END) = 1',
  TO_DATE: 'CAST(x AS DATE)',
  TO_VARCHAR: 'CAST(x AS TEXT)',
  TO_CHAR: 'CAST(x AS TEXT)',
  SYSDATE: 'CURRENT_TIMESTAMP, or a bound "now"',
  GETDATE: 'CURRENT_TIMESTAMP, or a bound "now"',
};

const duckDbAlternatives: Record<string, string> = {
  MAD: 'MEDIAN(ABS(x - m))',
  DATE_DIFF: "datediff('day', a, b)",
  GENERATE_SERIES: 'a join to a table of numbers',
};

const dateParts = 'year|quarter|month|week|day|hour|minute|second|millisecond|dow|doy';

export const portabilityRules: PortabilityRule[] = [
  ...snowflakeOnlyFunctions.map((name) => ({
    construct: `${name}(`,
    rejectedBy: 'duckdb' as const,
    pattern: new RegExp(`\\b${name}\\s*\\(`, 'i'),
    instead: snowflakeAlternatives[name] ?? 'a function both engines have',
    sample: `SELECT ${name.toLowerCase()}(a, b) AS x FROM t`,
  })),
  ...duckDbOnlyFunctions.map((name) => ({
    construct: `${name}(`,
    rejectedBy: 'snowflake' as const,
    pattern: new RegExp(`\\b${name}\\s*\\(`, 'i'),
    instead: duckDbAlternatives[name] ?? 'a function both engines have',
    sample: `SELECT ${name.toLowerCase()}(a) AS x FROM t`,
  })),
  {
    construct: 'TIMESTAMP_NTZ / _LTZ / _TZ',
    rejectedBy: 'duckdb',
    pattern: /\bTIMESTAMP_(NTZ|LTZ|TZ)\b/i,
    instead: 'plain TIMESTAMP',
    sample: 'SELECT CAST(ts AS TIMESTAMP_NTZ) AS x FROM t',
  },
  {
    construct: 'NUMBER type',
    rejectedBy: 'duckdb',
    pattern: /(::\s*NUMBER\b|\bAS\s+NUMBER\s*[()])/i,
    instead: 'BIGINT, DOUBLE or DECIMAL(p, s)',
    sample: 'SELECT CAST(x AS NUMBER(38, 0)) AS n FROM t',
  },
  {
    construct: 'unsigned or huge integer type',
    rejectedBy: 'snowflake',
    pattern: /\b(U?HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)\b/i,
    instead: 'BIGINT',
    sample: 'SELECT x::HUGEINT AS n FROM t',
  },
  {
    construct: ':1 placeholder',
    rejectedBy: 'duckdb',
    pattern: /(?<![:\w]):\d+\b/,
    instead: '?',
    sample: 'SELECT a FROM t WHERE b = :1',
  },
  {
    construct: '$1 placeholder',
    rejectedBy: 'snowflake',
    pattern: /\$\d+\b/,
    instead: '?',
    sample: 'SELECT a FROM t WHERE b = $1',
  },
  {
    construct: 'unquoted date part',
    rejectedBy: 'duckdb',
    pattern: new RegExp(
      `\\b(date_trunc|datediff|date_part|datepart)\\s*\\(\\s*(${dateParts})s?\\s*,`,
      'i',
    ),
    instead: "a quoted date part: date_trunc('day', ts)",
    sample: 'SELECT date_trunc(day, ts) AS d, datediff(day, a, b) AS n FROM t',
  },
  {
    construct: 'INTERVAL with an unquoted number',
    rejectedBy: 'snowflake',
    pattern: /\bINTERVAL\s+\d/i,
    instead: "INTERVAL '7 days', or date ± integer days",
    sample: 'SELECT ts - INTERVAL 7 DAY AS w FROM t',
  },
  {
    construct: '// integer division',
    rejectedBy: 'snowflake',
    pattern: /\/\//,
    instead: 'FLOOR(a / b)',
    sample: 'SELECT a // b AS q FROM t',
  },
  {
    construct: 'EXTRACT(isodow …)',
    rejectedBy: 'snowflake',
    pattern: /\bisodow\b/i,
    instead: 'EXTRACT(dow …) (both count Sunday as 0)',
    sample: 'SELECT EXTRACT(isodow FROM d) AS w FROM t',
  },
  {
    construct: 'EXTRACT(dayofweekiso …)',
    rejectedBy: 'duckdb',
    pattern: /\bdayofweekiso\b/i,
    instead: 'EXTRACT(dow …) (both count Sunday as 0)',
    sample: 'SELECT EXTRACT(dayofweekiso FROM d) AS w FROM t',
  },
  {
    construct: 'CURRENT_TIMESTAMP()',
    rejectedBy: 'duckdb',
    pattern: /\bCURRENT_TIMESTAMP\s*\(/i,
    instead: 'CURRENT_TIMESTAMP without parentheses, or a bound "now"',
    sample: 'SELECT CURRENT_TIMESTAMP() AS now',
  },
  {
    construct: 'RETURNING',
    rejectedBy: 'snowflake',
    pattern: /\bRETURNING\b/i,
    instead: 'a separate SELECT',
    sample: 'INSERT INTO t (a) VALUES (?) RETURNING a',
  },
  {
    construct: 'ON CONFLICT / INSERT OR REPLACE',
    rejectedBy: 'snowflake',
    pattern: /\bON\s+CONFLICT\b|\bINSERT\s+OR\s+(REPLACE|IGNORE)\b/i,
    instead: 'MERGE INTO',
    sample: 'INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING',
  },
  {
    construct: 'CREATE MACRO',
    rejectedBy: 'snowflake',
    pattern: /\bCREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?MACRO\b/i,
    instead: 'the expression written out where it is used',
    sample: 'CREATE OR REPLACE MACRO twice(x) AS x * 2',
  },
];
