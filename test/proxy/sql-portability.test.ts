import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findViolations } from '../support/sql-portability/find-violations.ts';
import { type Engine, portabilityRules } from '../support/sql-portability/portability-rules.ts';
import { sqlInFile, sqlInTypeScript } from '../support/sql-portability/sql-sources.ts';

// The proxy's SQL is written once for DuckDB and Snowflake. This suite reads every SQL string
// in proxy/src and every file in proxy/sql and fails on a construct one engine rejects.

const root = fileURLToPath(new URL('../../', import.meta.url));

/** SQL that only ever runs on one engine is checked only against that engine. */
const singleEngine: { prefix: string; engine: Engine }[] = [
  { prefix: 'proxy/src/demo/', engine: 'duckdb' }, // seeds the embedded DuckDB file
  { prefix: 'proxy/src/warehouse/duckdb-', engine: 'duckdb' },
  { prefix: 'proxy/src/warehouse/snowflake-', engine: 'snowflake' },
  { prefix: 'proxy/sql/snowflake-', engine: 'snowflake' }, // the data team's admin scripts
];

async function filesUnder(folder: string, extension: string): Promise<string[]> {
  const entries = await readdir(join(root, folder), { recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.endsWith(extension))
    .map((entry) => join(folder, entry).split('\\').join('/'))
    .sort();
}

describe('the SQL portability scanner', () => {
  it.each(portabilityRules)('flags $construct (rejected by $rejectedBy)', (rule) => {
    const found = findViolations({ file: 'sample.sql', line: 1, text: rule.sample });

    expect(found.map((violation) => violation.construct)).toContain(rule.construct);
  });

  it('passes SQL written in the subset both engines accept', () => {
    const portable = `WITH recent AS (
      SELECT account_id, CAST(ts AS DATE) AS day, x::TEXT AS label,
        date_trunc('day', ts) AS d, datediff('day', a, b) AS n,
        CASE WHEN seats >= ? THEN 1 ELSE 0 END AS near, COALESCE(plan, 'none') AS plan,
        MEDIAN(ABS(calls - 3)) AS mad_calls, ts - INTERVAL '7 days' AS week_ago,
        EXTRACT(dow FROM ts) AS weekday
      FROM events -- IFF( and :1 in a comment do not count
      WHERE note <> 'DATEADD(day, 1, x) at 10:30 // $1' AND day >= CAST(? AS DATE) - 7
      QUALIFY ROW_NUMBER() OVER (PARTITION BY account_id ORDER BY ts DESC) = 1)
    SELECT * FROM recent`;

    expect(findViolations({ file: 'portable.sql', line: 1, text: portable })).toEqual([]);
  });

  it('reports the file line of a construct after multi-line interpolations', () => {
    const source = [
      "const table = 'TRACKS';",
      'export const sql = `SELECT a,',
      '  ${[',
      "    'b',",
      "  ].join(', ')}",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source to scan.
      '  FROM ${table}',
      '  WHERE IFF(a, 1, 2) = 1`;',
    ].join('\n');

    const [template] = sqlInTypeScript(source, 'sample.ts');
    const found = findViolations(template!);

    expect(found.map(({ file, line, construct }) => ({ file, line, construct }))).toEqual([
      { file: 'sample.ts', line: 7, construct: 'IFF(' },
    ]);
    expect(found[0]!.message).toBe(
      'sample.ts:7: IFF( ("IFF(") is rejected by DuckDB; use CASE WHEN … END',
    );
  });

  it('checks SQL for one engine only against what that engine rejects', () => {
    const seed = {
      file: 'seed.ts',
      line: 1,
      text: 'CREATE MACRO r(a) AS hash(a) % 7; SELECT IFF(x, 1, 0) FROM range(10) t(x)',
    };

    expect(findViolations(seed, 'duckdb').map((violation) => violation.construct)).toEqual([
      'IFF(',
    ]);
    expect(findViolations(seed, 'both').map((violation) => violation.construct)).toEqual([
      'IFF(',
      'CREATE MACRO',
    ]);
  });
});

describe("the project's SQL", () => {
  it('uses only constructs both DuckDB and Snowflake accept', async () => {
    const files = [
      ...(await filesUnder('proxy/src', '.ts')),
      ...(await filesUnder('proxy/sql', '.sql')),
    ];
    const texts = (
      await Promise.all(
        files.map((file) => sqlInFile(join(root, file), relative(root, join(root, file)))),
      )
    ).flat();

    const report = texts
      .flatMap((sql) => {
        const engine = singleEngine.find(({ prefix }) => sql.file.startsWith(prefix))?.engine;
        return findViolations(sql, engine ?? 'both');
      })
      .map((violation) => violation.message);

    expect(texts.length).toBeGreaterThan(0);
    expect(report).toEqual([]);
  });
});
