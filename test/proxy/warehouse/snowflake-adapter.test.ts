import { existsSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDuckDbWarehouse } from '../../../proxy/src/warehouse/duckdb-adapter.ts';
import { openSnowflakeWarehouse } from '../../../proxy/src/warehouse/snowflake-adapter.ts';
import {
  type Row,
  type SqlValue,
  type Warehouse,
  WarehouseError,
} from '../../../proxy/src/warehouse/warehouse.ts';
import { type Fixture, startFixture } from './snowflake-fixture.ts';

// The real snowflake-sdk driver, through the adapter, against the local Snowflake double;
// the DuckDB adapter reads an identical file, so both must return the same rows.

let fixture: Fixture;
let duckdb: Warehouse;
let snowflake: Warehouse;
const connectSpy = vi.spyOn(net.Socket.prototype, 'connect');

beforeAll(async () => {
  fixture = await startFixture();
  duckdb = await openDuckDbWarehouse(fixture.duckdbPath);
  snowflake = await openSnowflakeWarehouse(fixture.settings());
});

afterAll(async () => {
  await snowflake?.close();
  await duckdb?.close();
  await fixture?.remove();
  connectSpy.mockRestore();
});

type Case = { name: string; sql: string; binds?: SqlValue[]; rows: Row[] };

const cases: Case[] = [
  {
    name: 'integers and text, with NULLs',
    sql: 'SELECT account_id, seats, seat_limit FROM accounts ORDER BY account_id',
    rows: [
      { account_id: 'acc-1', seats: 45, seat_limit: 50 },
      { account_id: 'acc-2', seats: 10, seat_limit: 100 },
      { account_id: 'acc-3', seats: null, seat_limit: null },
    ],
  },
  {
    name: 'decimals become numbers',
    sql: 'SELECT mrr FROM accounts WHERE mrr IS NOT NULL ORDER BY mrr',
    rows: [{ mrr: 99.99 }, { mrr: 1234.5 }],
  },
  {
    name: 'doubles keep their binary value',
    sql: 'SELECT CAST(0.1 AS DOUBLE) + CAST(0.2 AS DOUBLE) AS total',
    rows: [{ total: 0.30000000000000004 }],
  },
  {
    name: 'integers past 2^53 round the same way',
    sql: 'SELECT CAST(9007199254740993 AS BIGINT) AS big',
    rows: [{ big: 9007199254740992 }],
  },
  {
    name: 'dates are YYYY-MM-DD',
    sql: 'SELECT renewal_date FROM accounts ORDER BY account_id',
    rows: [{ renewal_date: '2026-03-31' }, { renewal_date: '2025-12-01' }, { renewal_date: null }],
  },
  {
    name: 'timestamps are ISO-8601 UTC to the millisecond, also before 1970',
    sql: 'SELECT created_at FROM accounts ORDER BY account_id',
    rows: [
      { created_at: '2024-01-02T03:04:05.123Z' },
      { created_at: '1969-12-31T23:59:59.500Z' },
      { created_at: null },
    ],
  },
  {
    name: 'booleans from a column and from a comparison',
    sql: `SELECT active, seats >= seat_limit * 0.9 AS near_limit
          FROM accounts ORDER BY account_id`,
    rows: [
      { active: true, near_limit: true },
      { active: false, near_limit: false },
      { active: null, near_limit: null },
    ],
  },
  {
    name: 'NULLs of every type',
    sql: `SELECT CAST(NULL AS BIGINT) AS n, CAST(NULL AS TEXT) AS t, CAST(NULL AS DATE) AS d,
          CAST(NULL AS TIMESTAMP) AS ts, CAST(NULL AS BOOLEAN) AS b, CAST(NULL AS DOUBLE) AS f`,
    rows: [{ n: null, t: null, d: null, ts: null, b: null, f: null }],
  },
  {
    name: 'text with quotes, accents and JSON stays as written',
    sql: 'SELECT name, signals FROM accounts WHERE account_id IN (?, ?) ORDER BY account_id',
    binds: ['acc-1', 'acc-2'],
    rows: [
      { name: 'Acme "Rockets"', signals: '{"seats":0.9}' },
      { name: "Zoë's Café", signals: null },
    ],
  },
  {
    name: 'unquoted, mixed-case and quoted names all come back lower-case',
    sql: `SELECT account_id AS AccountId, plan AS "PlanName", COUNT(*) OVER () AS TOTAL_ROWS
          FROM accounts WHERE account_id = 'acc-1'`,
    rows: [{ accountid: 'acc-1', planname: 'team', total_rows: 1 }],
  },
  {
    name: 'string date parts in date_trunc and datediff',
    sql: `SELECT date_trunc('day', created_at) AS created_day,
          datediff('day', renewal_date, DATE '2026-04-30') AS days_since_renewal
          FROM accounts WHERE account_id = 'acc-1'`,
    rows: [{ created_day: '2024-01-02T00:00:00.000Z', days_since_renewal: 30 }],
  },
  {
    name: 'aggregates both engines share',
    sql: `SELECT COUNT(*) AS accounts, COUNT_IF(active) AS active_accounts,
          MEDIAN(seats) AS median_seats, SUM(mrr) AS total_mrr FROM accounts`,
    rows: [{ accounts: 3, active_accounts: 1, median_seats: 27.5, total_mrr: 1334.49 }],
  },
  {
    name: 'an empty result',
    sql: 'SELECT account_id FROM accounts WHERE 1 = 0',
    rows: [],
  },
];

describe('the Snowflake adapter returns what the DuckDB adapter returns', () => {
  it.each(cases)('$name', async ({ sql, binds = [], rows }) => {
    const fromDuckDb = await duckdb.query(sql, binds, { label: 'parity' });
    const fromSnowflake = await snowflake.query(sql, binds, { label: 'parity' });

    expect(fromDuckDb).toEqual(rows);
    expect(fromSnowflake).toEqual(rows);
  });
});

const bindCases = [
  { type: 'TEXT', sql: 'WHERE name = ?', value: "Zoë's Café", wire: "Zoë's Café", id: 'acc-2' },
  { type: 'FIXED', sql: 'WHERE seats > ?', value: 20, wire: '20', id: 'acc-1' },
  { type: 'REAL', sql: 'WHERE storage_gb < ?', value: 0.5, wire: '0.5', id: 'acc-2' },
  { type: 'BOOLEAN', sql: 'WHERE active = ?', value: false, wire: 'false', id: 'acc-2' },
  { type: 'TEXT', sql: 'WHERE plan IS NOT DISTINCT FROM ?', value: null, wire: null, id: 'acc-3' },
  {
    type: 'TEXT',
    sql: 'WHERE renewal_date >= CAST(? AS DATE)',
    value: '2026-01-01',
    wire: '2026-01-01',
    id: 'acc-1',
  },
] as const;

describe('binds every value', () => {
  it.each(bindCases)('sends $value as a $type bind, never in the SQL text', async (bind) => {
    const sql = `SELECT account_id FROM accounts ${bind.sql} ORDER BY account_id`;

    const fromDuckDb = await duckdb.query(sql, [bind.value], { label: 'bind' });
    const fromSnowflake = await snowflake.query(sql, [bind.value], { label: 'bind' });

    expect(fromDuckDb).toEqual([{ account_id: bind.id }]);
    expect(fromSnowflake).toEqual([{ account_id: bind.id }]);
    const sent = fixture.snowflake.server.history.at(-1)!;
    expect(sent.sql).toBe(sql);
    expect(sent.bindings).toEqual({ 1: { type: bind.type, value: bind.wire } });
  });
});

describe('errors and statements', () => {
  it('reports a SQL error as a query failure naming the call and Snowflake code', async () => {
    const failure = await snowflake
      .query('SELECT * FROM no_such_table', [], { label: 'broken-report' })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(WarehouseError);
    expect(failure).toMatchObject({
      failure: 'query',
      message:
        'Snowflake query "broken-report" failed: SQL compilation error: Object \'NO_SUCH_TABLE\' ' +
        'does not exist or not authorized. (code 002003, SQL state 42S02)',
    });
  });

  it('runs a batch of statements in order on one session', async () => {
    await snowflake.run(
      [
        'CREATE TABLE run_order (step BIGINT)',
        'INSERT INTO run_order VALUES (1)',
        'INSERT INTO run_order VALUES (2)',
      ],
      { label: 'seed' },
    );

    const rows = await snowflake.query('SELECT SUM(step) AS steps FROM run_order', [], {
      label: 'check',
    });
    expect(rows).toEqual([{ steps: 3 }]);
    const batch = fixture.snowflake.server.history.filter(
      (entry) => entry.sql.includes('run_order ') || entry.sql.startsWith('INSERT INTO run_order'),
    );
    expect(batch.map((entry) => entry.sql)).toEqual([
      'CREATE TABLE run_order (step BIGINT)',
      'INSERT INTO run_order VALUES (1)',
      'INSERT INTO run_order VALUES (2)',
    ]);
    expect(new Set(batch.map((entry) => entry.sessionId)).size).toBe(1);
  });

  it('sets the statement timeout on every session it opens', () => {
    const sessions = fixture.snowflake.server.sessions();

    expect(sessions.length).toBeGreaterThan(0);
    for (const session of sessions) expect(session.statementTimeoutSeconds).toBe(30);
  });

  it('connects to no host but the Snowflake endpoint and writes no driver log file', () => {
    const hosts = connectSpy.mock.calls.map(([first]) => {
      const options = (Array.isArray(first) ? first[0] : first) as { host?: string };
      return options.host;
    });

    expect(hosts.length).toBeGreaterThan(0);
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
    expect(existsSync(join(process.cwd(), 'snowflake.log'))).toBe(false);
  });
});
