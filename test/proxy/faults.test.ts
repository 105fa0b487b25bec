import {
  batchResponseSchema,
  type Problem,
  problemSchema,
  type ScoreResponse,
  scoreResponseSchema,
} from '@upsignal/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startProxy, type TestProxy } from '../support/proxy-harness.ts';

// What a seller sees while the warehouse fails or hangs, and that the proxy recovers by itself.
// The cache period is one second, so a score cached a moment ago is already due a refresh.
//
// Snowflake mode flips the local Snowflake-protocol server's fault switches under the real
// driver: refused connections, statements that hang past a one-second statement timeout, and
// sessions that die. DuckDB runs inside the proxy's own process, so it cannot be made
// unreachable or slow without mocking our own adapter; the one failure it honestly has, a table
// the score reads going missing mid-migration, is induced on the real file below.

const FRESH_ENOUGH = 1_100;
const RECOVERY = { timeout: 30_000, interval: 200 };

type Answer = { status: number; headers: Headers; score?: ScoreResponse; problem?: Problem };

function lookupOn(proxy: () => TestProxy) {
  return async (accountId: string): Promise<Answer> => {
    const response = await fetch(`${proxy().baseUrl}/v1/accounts/score?accountId=${accountId}`, {
      headers: { authorization: `Bearer ${proxy().token}` },
    });
    const body = await response.json();
    if (response.status === 200) {
      return { status: 200, headers: response.headers, score: scoreResponseSchema.parse(body) };
    }
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    return {
      status: response.status,
      headers: response.headers,
      problem: problemSchema.parse(body),
    };
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks until the answer is a fresh score again; each stale answer starts another refresh. */
function expectRecovery(lookup: (accountId: string) => Promise<Answer>, accountId: string) {
  return expect
    .poll(async () => {
      const answer = await lookup(accountId);
      return answer.score ? `${answer.status} stale=${answer.score.stale}` : `${answer.status}`;
    }, RECOVERY)
    .toBe('200 stale=false');
}

function expectUnavailable(answer: Answer) {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('retry-after')).toBe('30');
  expect(answer.problem).toMatchObject({
    title: 'Warehouse unavailable',
    status: 503,
    detail:
      'The warehouse did not answer in time. Try again shortly; cached scores are still served.',
  });
}

describe('on Snowflake, when the warehouse fails', () => {
  let proxy: TestProxy;
  const lookup = lookupOn(() => proxy);
  const faults = () => proxy.snowflake!.server.faults;
  const send = (path: string, init: RequestInit = {}) =>
    fetch(proxy.baseUrl + path, {
      ...init,
      headers: { authorization: `Bearer ${proxy.token}`, ...init.headers },
    });

  beforeAll(async () => {
    proxy = await startProxy({
      warehouse: 'snowflake',
      env: { UPSIGNAL_CACHE_TTL_SECONDS: '1', UPSIGNAL_STATEMENT_TIMEOUT_SECONDS: '1' },
    });
  });

  afterEach(async () => {
    vi.useRealTimers();
    faults().clear();
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  it('serves cached scores stale while queries hang, 503 for others, then fresh', async () => {
    expect((await lookup('acc_00001')).score?.stale).toBe(false);
    await sleep(FRESH_ENOUGH);
    faults().hangQueries();

    const cached = await lookup('acc_00001');
    const uncached = await lookup('acc_00002');

    expect(cached.status).toBe(200);
    expect(cached.score).toMatchObject({ account: { accountId: 'acc_00001' }, stale: true });
    expect(cached.headers.get('cache-control')).toBe('private, max-age=0');
    expectUnavailable(uncached);

    faults().clear();
    await expectRecovery(lookup, 'acc_00001');
    expect(await lookup('acc_00002')).toMatchObject({ status: 200, score: { stale: false } });
  });

  it('answers a list view with the cached account stale, 503 for the other', async () => {
    expect((await lookup('acc_00011')).score?.stale).toBe(false);
    await sleep(FRESH_ENOUGH);
    faults().hangQueries();

    const batch = await send('/v1/accounts/scores', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ accountId: 'acc_00011' }, { accountId: 'acc_00012' }] }),
    });
    const top = await send('/v1/accounts/top?limit=5');

    expect(batch.status).toBe(200);
    const { results } = batchResponseSchema.parse(await batch.json());
    expect(results[0]).toMatchObject({ ok: true, score: { stale: true } });
    expect(results[1]).toEqual({
      ok: false,
      problem: {
        type: 'https://upsignal.dev/problems/warehouse-unavailable',
        title: 'Warehouse unavailable',
        status: 503,
        detail:
          'The warehouse did not answer in time. ' +
          'Try again shortly; cached scores are still served.',
      },
    });
    expect(top.status).toBe(503);
    expect(top.headers.get('retry-after')).toBe('30');
    expect(top.headers.get('content-type')).toBe('application/problem+json');
  });

  it('keeps serving a known seller when the outage outlasts the token re-read', async () => {
    expect((await lookup('acc_00009')).score?.stale).toBe(false);
    await sleep(FRESH_ENOUGH);
    faults().hangQueries();
    // Tokens are re-read from the warehouse every 30 seconds; the outage has lasted longer.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(Date.now() + 31_000);

    const cached = await lookup('acc_00009');
    const uncached = await lookup('acc_00010');

    expect(cached.score).toMatchObject({ account: { accountId: 'acc_00009' }, stale: true });
    expectUnavailable(uncached);
    faults().clear();
    await expectRecovery(lookup, 'acc_00009');
  });

  it('serves a cached score as stale while connections are refused, then fresh again', async () => {
    expect((await lookup('acc_00003')).score?.stale).toBe(false);
    await sleep(FRESH_ENOUGH);
    await faults().refuseConnections();

    let uncached: Answer;
    let cached: Answer;
    try {
      cached = await lookup('acc_00003');
      uncached = await lookup('acc_00004');
    } finally {
      await faults().acceptConnections();
    }

    expect(cached.score).toMatchObject({ account: { accountId: 'acc_00003' }, stale: true });
    expectUnavailable(uncached);
    await expectRecovery(lookup, 'acc_00003');
    expect(await lookup('acc_00004')).toMatchObject({ status: 200, score: { stale: false } });
  }, 120_000);

  it('replaces sessions that expired and answers fresh scores without a failure', async () => {
    expect((await lookup('acc_00005')).score?.stale).toBe(false);
    const loginsBefore = proxy.snowflake!.server.stats.logins;

    expect(faults().killSessions()).toBeGreaterThan(0);
    const uncached = await lookup('acc_00006');

    expect(uncached).toMatchObject({ status: 200, score: { stale: false } });
    expect(proxy.snowflake!.server.stats.logins).toBeGreaterThan(loginsBefore);
  });

  it('serves cached scores stale when every session dies, then recovers', async () => {
    expect((await lookup('acc_00007')).score?.stale).toBe(false);
    await sleep(FRESH_ENOUGH);
    // The adapter retries once on a new session: two deaths in a row exhaust that.
    const scoring = /\bperson_days\b/;
    faults().killSessionOnNextQuery(scoring);
    faults().killSessionOnNextQuery(scoring);

    const cached = await lookup('acc_00007');
    faults().killSessionOnNextQuery(scoring);
    faults().killSessionOnNextQuery(scoring);
    const uncached = await lookup('acc_00008');

    expect(cached.score).toMatchObject({ account: { accountId: 'acc_00007' }, stale: true });
    expectUnavailable(uncached);
    faults().clear();
    await expectRecovery(lookup, 'acc_00007');
    expect(await lookup('acc_00008')).toMatchObject({ status: 200, score: { stale: false } });
  });
});

describe('on DuckDB, when a table the score reads goes missing', () => {
  let proxy: TestProxy;
  const lookup = lookupOn(() => proxy);
  const renameUsage = (from: string, to: string) =>
    proxy.proxy.warehouse.run([`ALTER TABLE ${from} RENAME TO ${to}`], { label: 'test ddl' });

  beforeAll(async () => {
    proxy = await startProxy({ env: { UPSIGNAL_CACHE_TTL_SECONDS: '1' } });
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  it('serves cached scores stale, others 500, and recovers when it is back', async () => {
    expect((await lookup('acc_00001')).score?.stale).toBe(false);
    await sleep(FRESH_ENOUGH);
    await renameUsage('USAGE_DAILY', 'USAGE_DAILY_MIGRATING');

    let cached: Answer;
    let uncached: Answer;
    try {
      cached = await lookup('acc_00001');
      uncached = await lookup('acc_00002');
    } finally {
      await renameUsage('USAGE_DAILY_MIGRATING', 'USAGE_DAILY');
    }

    expect(cached.score).toMatchObject({ account: { accountId: 'acc_00001' }, stale: true });
    // Not a 503: a missing table is a fault to fix, not an outage to wait out, and its SQL
    // error stays in the log.
    expect(uncached.status).toBe(500);
    expect(uncached.headers.get('retry-after')).toBeNull();
    expect(uncached.problem).toMatchObject({
      title: 'Internal error',
      detail: 'Something went wrong on our side. It was logged.',
    });
    await expectRecovery(lookup, 'acc_00001');
    expect(await lookup('acc_00002')).toMatchObject({ status: 200, score: { stale: false } });
  });
});
