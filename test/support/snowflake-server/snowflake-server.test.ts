import { sign } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckDbParameters } from './binds.ts';
import { quotedIdentifiers, snowflakeColumnNames } from './column-names.ts';
import { generateTestKeyPair, type SnowflakeServer, startSnowflakeServer } from './index.ts';
import { jwtProblem } from './jwt-verifier.ts';
import type { TestKeyPair } from './key-pair.ts';
import { readJsonBody } from './request-body.ts';
import { encodeResult } from './result-encoding.ts';
import { snowflakeErrorFor } from './sql-errors.ts';

// The double's own rules, checked without the driver: the wire protocol is exercised by the
// adapter's suites with the real snowflake-sdk; these pin what those rely on.

let keys: TestKeyPair;
let otherKeys: TestKeyPair;

beforeAll(async () => {
  [keys, otherKeys] = await Promise.all([generateTestKeyPair(), generateTestKeyPair()]);
});

afterAll(async () => {
  await Promise.all([keys?.remove(), otherKeys?.remove()]);
});

function jwt(privateKeyPem: string, claims: Record<string, unknown>, alg = 'RS256'): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg, typ: 'JWT' })}.${part(claims)}`;
  const signature = sign('RSA-SHA256', Buffer.from(unsigned), privateKeyPem);
  return `${unsigned}.${signature.toString('base64url')}`;
}

function claims(overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: `ACME.SVC.${keys.fingerprint}`,
    sub: 'ACME.SVC',
    iat: now,
    exp: now + 60,
    ...overrides,
  };
}

describe('JWT verification', () => {
  const expected = () => ({ account: 'acme', user: 'svc', publicKeyPem: keys.publicKeyPem });

  it('accepts RFC 7519 seconds and the milliseconds snowflake-sdk signs', () => {
    const now = Date.now();
    const inMillis = claims({ iat: now, exp: now + 120_000 });

    expect(jwtProblem(jwt(keys.privateKeyPem, claims()), expected())).toBeNull();
    expect(jwtProblem(jwt(keys.privateKeyPem, inMillis), expected())).toBeNull();
  });

  it.each([
    ['a token signed by another key', () => jwt(otherKeys.privateKeyPem, claims())],
    [
      'an issuer naming another key',
      () => jwt(keys.privateKeyPem, claims({ iss: `ACME.SVC.${otherKeys.fingerprint}` })),
    ],
    ['a subject naming another user', () => jwt(keys.privateKeyPem, claims({ sub: 'ACME.ROOT' }))],
    [
      'an expired token',
      () => jwt(keys.privateKeyPem, claims({ exp: Math.floor(Date.now() / 1000) - 1 })),
    ],
    [
      'a token living two hours',
      () => jwt(keys.privateKeyPem, claims({ exp: Math.floor(Date.now() / 1000) + 7200 })),
    ],
    ['an HS256 header', () => jwt(keys.privateKeyPem, claims(), 'HS256')],
    ['no token at all', () => undefined],
  ])('refuses %s', (_name, token) => {
    expect(jwtProblem(token(), expected())).toEqual(expect.any(String));
  });
});

describe('column names', () => {
  it('upper-cases unquoted names and keeps quoted ones as written', () => {
    const sql = `SELECT a AS "MiXed", b AS lower_alias, 'x "NotAnIdentifier"' AS t -- "Comment"
                 FROM accounts`;

    expect(snowflakeColumnNames(sql, ['MiXed', 'lower_alias', 't'])).toEqual([
      'MiXed',
      'LOWER_ALIAS',
      'T',
    ]);
    expect(quotedIdentifiers('SELECT 1 AS "say ""hi"""')).toEqual(new Set(['say "hi"']));
  });
});

describe('result encoding', () => {
  it('names DuckDB types as Snowflake does and encodes every value as a string', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll(`SELECT
      CAST(9007199254740993 AS BIGINT) AS big, CAST(-12.5 AS DECIMAL(12, 2)) AS money,
      CAST(0.1 AS DOUBLE) AS ratio, true AS yes, DATE '1970-01-03' AS day,
      TIMESTAMP '1969-12-31 23:59:59.5' AS before_epoch, TIME '01:00:00.25' AS at,
      TIMESTAMPTZ '2026-01-01 00:00:00+00' AS zoned, CAST('{"a": 1}' AS JSON) AS doc,
      [1, 2] AS list, 'text' AS txt, CAST(NULL AS DATE) AS nothing`);
    const { rowtype, rowset } = encodeResult(reader, reader.columnNames());
    connection.closeSync();
    instance.closeSync();

    expect(
      rowtype.map(({ name, type, scale, precision }) => [name, type, scale, precision]),
    ).toEqual([
      ['big', 'fixed', 0, 38],
      ['money', 'fixed', 2, 12],
      ['ratio', 'real', null, null],
      ['yes', 'boolean', null, null],
      ['day', 'date', null, null],
      ['before_epoch', 'timestamp_ntz', 9, 0],
      ['at', 'time', 9, 0],
      ['zoned', 'timestamp_tz', 9, 0],
      ['doc', 'variant', null, null],
      ['list', 'variant', null, null],
      ['txt', 'text', null, null],
      ['nothing', 'date', null, null],
    ]);
    expect(rowset).toEqual([
      [
        '9007199254740993',
        '-12.50',
        '0.1',
        '1',
        '2',
        '-0.500000000',
        '3600.250000000',
        '1767225600.000000000 1440',
        '{"a": 1}',
        '[1,2]',
        'text',
        null,
      ],
    ]);
  });
});

describe('binds', () => {
  it('turns the driver typed binds back into the values the caller bound', () => {
    const bindings = {
      2: { type: 'FIXED', value: '42' },
      1: { type: 'TEXT', value: 'acme' },
      3: { type: 'REAL', value: '0.5' },
      4: { type: 'BOOLEAN', value: 'false' },
      5: { type: 'TEXT', value: null },
      6: { type: 'FIXED', value: '9007199254740993' },
    };

    expect(duckDbParameters(bindings)).toEqual(['acme', 42, 0.5, false, null, 9007199254740993n]);
  });

  it('refuses array binding and gaps in positions', () => {
    expect(() => duckDbParameters({ 1: { type: 'TEXT', value: ['a', 'b'] } })).toThrow(
      'array binding',
    );
    expect(() => duckDbParameters({ 2: { type: 'TEXT', value: 'a' } })).toThrow(
      'binding positions must run 1..n, found 2',
    );
  });
});

describe('SQL errors', () => {
  it.each([
    [
      'Catalog Error: Table with name nope does not exist!',
      '002003',
      '42S02',
      "SQL compilation error:\nObject 'NOPE' does not exist or not authorized.",
    ],
    [
      'Binder Error: Referenced column "zz" not found in FROM clause!',
      '000904',
      '42000',
      "SQL compilation error:\ninvalid identifier 'ZZ'",
    ],
    [
      'Failed to extract statements: Parser Error: syntax error at or near "selec"',
      '001003',
      '42000',
      'SQL compilation error:\nsyntax error at or near "selec"',
    ],
    [
      "Conversion Error: Could not convert string 'x' to INT32",
      '100038',
      '22018',
      "Could not convert string 'x' to INT32",
    ],
  ])('maps "%s" to Snowflake code %s', (duckdbMessage, code, sqlState, message) => {
    expect(snowflakeErrorFor(new Error(duckdbMessage))).toMatchObject({ code, sqlState, message });
  });
});

describe('request bodies', () => {
  it('reads gzip-compressed and plain JSON alike', async () => {
    const json = JSON.stringify({ sqlText: 'SELECT 1' });
    const body = (bytes: Buffer) =>
      Readable.from([bytes]) as unknown as Parameters<typeof readJsonBody>[0];

    expect(await readJsonBody(body(gzipSync(json)))).toEqual({ sqlText: 'SELECT 1' });
    expect(await readJsonBody(body(Buffer.from(json)))).toEqual({ sqlText: 'SELECT 1' });
  });
});

describe('the REST surface', () => {
  let dir: string;
  let server: SnowflakeServer;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'upsignal-snowflake-double-'));
    server = await startSnowflakeServer({
      duckdbPath: join(dir, 'double.duckdb'),
      publicKeyPem: keys.publicKeyPem,
      account: 'acme',
      user: 'svc',
    });
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function post(path: string, body: unknown, token?: string) {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
        ...(token ? { Authorization: `Snowflake Token="${token}"` } : {}),
      },
      body: gzipSync(JSON.stringify(body)),
    });
    return (await response.json()) as { success: boolean; code: string | null; data: unknown };
  }

  const loginBody = (token: string) => ({
    data: { ACCOUNT_NAME: 'ACME', LOGIN_NAME: 'svc', AUTHENTICATOR: 'SNOWFLAKE_JWT', TOKEN: token },
  });

  it('logs in with a valid JWT and refuses another key with 390144', async () => {
    const refused = await post(
      '/session/v1/login-request',
      loginBody(jwt(otherKeys.privateKeyPem, claims())),
    );
    const accepted = await post(
      '/session/v1/login-request',
      loginBody(jwt(keys.privateKeyPem, claims())),
    );

    expect(refused).toMatchObject({
      success: false,
      code: '390144',
      message: 'JWT token is invalid.',
    });
    expect(accepted).toMatchObject({
      success: true,
      data: { validityInSeconds: 3600, masterValidityInSeconds: 14400 },
    });
  });

  it('answers in Snowflake shapes, refusing scripts and bad session parameters', async () => {
    const login = await post(
      '/session/v1/login-request',
      loginBody(jwt(keys.privateKeyPem, claims())),
    );
    const token = (login.data as { token: string }).token;
    const query = (sqlText: string) =>
      post('/queries/v1/query-request?requestId=r', { sqlText }, token);

    expect(await query('SELECT 1 AS one')).toMatchObject({
      success: true,
      data: {
        rowtype: [{ name: 'ONE', type: 'fixed' }],
        rowset: [['1']],
        queryResultFormat: 'json',
      },
    });
    expect(await query('SELECT 1; SELECT 2')).toMatchObject({
      success: false,
      code: '000008',
      data: { sqlState: '0A000' },
    });
    expect(await query('ALTER SESSION SET STATEMENT_TIMEOUT_IN_SECONDS = soon')).toMatchObject({
      success: false,
      code: '001003',
    });
    expect(
      await post('/queries/v1/query-request', { sqlText: 'SELECT 1' }, 'forged'),
    ).toMatchObject({
      success: false,
      code: '390104',
    });
  });
});
