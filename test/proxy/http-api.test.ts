import {
  batchResponseSchema,
  healthResponseSchema,
  problemSchema,
  scoreResponseSchema,
  topResponseSchema,
} from '@upsignal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signatureV3 } from '../support/hubspot-signer.ts';
import { startProxy, type TestProxy, warehouseModes } from '../support/proxy-harness.ts';

const HUBSPOT_SECRET = 'test-client-secret-0123456789';
const SPIKE_ACCOUNT = { salesforce: '001Dm0000000005IAA', hubspot: '9000005', id: 'acc_00005' };

describe.each(warehouseModes)('the score API on %s', (mode) => {
  let proxy: TestProxy;

  beforeAll(async () => {
    proxy = await startProxy({ warehouse: mode, env: { HUBSPOT_CLIENT_SECRET: HUBSPOT_SECRET } });
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  function get(path: string, headers: Record<string, string> = {}) {
    return fetch(proxy.baseUrl + path, {
      headers: { authorization: `Bearer ${proxy.token}`, ...headers },
    });
  }

  function post(path: string, body: string, headers: Record<string, string> = {}) {
    return fetch(proxy.baseUrl + path, {
      method: 'POST',
      body,
      headers: {
        authorization: `Bearer ${proxy.token}`,
        'content-type': 'application/json',
        ...headers,
      },
    });
  }

  async function problem(response: Response) {
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const body = problemSchema.parse(await response.json());
    expect(body.status).toBe(response.status);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|node_modules|Error:/);
    return body;
  }

  async function warehouseQueries(label: string) {
    const text = await (await fetch(`${proxy.baseUrl}/metrics`)).text();
    const line = text
      .split('\n')
      .find((entry) => entry.startsWith(`upsignal_warehouse_queries_total{label="${label}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  }

  describe('health and metrics', () => {
    it('reports liveness and the embedded warehouse without a token', async () => {
      const response = await fetch(`${proxy.baseUrl}/healthz`);

      expect(response.status).toBe(200);
      expect(healthResponseSchema.parse(await response.json())).toEqual({
        status: 'ok',
        warehouse: mode,
        version: expect.any(String),
      });
    });

    it('serves Prometheus text with request, cache and warehouse series', async () => {
      await get('/v1/accounts/score?accountId=acc_00001');
      const response = await fetch(`${proxy.baseUrl}/metrics`);
      const text = await response.text();

      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(text).toMatch(
        /upsignal_http_requests_total\{method="GET",route="\/v1\/accounts\/score"/,
      );
      expect(text).toContain('upsignal_cache_events_total');
      expect(text).toMatch(/upsignal_warehouse_queries_total\{label="score",outcome="ok"\} \d+/);
    });
  });

  describe('GET /v1/accounts/score', () => {
    it('returns the complete score of an account found by its Salesforce Id', async () => {
      const response = await get(
        `/v1/accounts/score?salesforceAccountId=${SPIKE_ACCOUNT.salesforce}`,
      );
      const score = scoreResponseSchema.parse(await response.json());

      expect(response.status).toBe(200);
      expect(score.account).toMatchObject({
        accountId: 'acc_00005',
        name: 'Umbrella Labs',
        plan: 'Business',
        salesforceAccountId: SPIKE_ACCOUNT.salesforce,
        hubspotCompanyId: SPIKE_ACCOUNT.hubspot,
      });
      expect(score.quotaWall.map((wall) => wall.resource)).toEqual([
        'seats',
        'storage',
        'api_calls',
      ]);
      expect(score.signals.find((signal) => signal.id === 'usage_spike')?.fired).toBe(true);
      expect(score.plays.map((play) => play.id)).toContain('api-tier');
      expect(score.asOf).toBe('2026-12-02');
      expect(score.stale).toBe(false);
      expect(response.headers.get('cache-control')).toMatch(/^private, max-age=\d+$/);
      expect(response.headers.get('etag')).toMatch(/^W\/"/);
    });

    it('finds the same account by 15-character Id, HubSpot id, domain and account id', async () => {
      const lookups = [
        `salesforceAccountId=${SPIKE_ACCOUNT.salesforce.slice(0, 15)}`,
        `hubspotCompanyId=${SPIKE_ACCOUNT.hubspot}`,
        'domain=https://WWW.Umbrella-Labs.com/pricing',
        `accountId=${SPIKE_ACCOUNT.id}`,
      ];

      for (const lookup of lookups) {
        const response = await get(`/v1/accounts/score?${lookup}`);
        expect(response.status, lookup).toBe(200);
        expect((await response.json()).account.accountId, lookup).toBe(SPIKE_ACCOUNT.id);
      }
    });

    it('answers 304 to a request that already holds the current ETag', async () => {
      const first = await get('/v1/accounts/score?accountId=acc_00003');
      const etag = first.headers.get('etag')!;

      const second = await get('/v1/accounts/score?accountId=acc_00003', { 'if-none-match': etag });

      expect(second.status).toBe(304);
    });

    it('resolves an old domain and an old HubSpot record through identity history', async () => {
      const oldDomain = await get('/v1/accounts/score?domain=old-acme-labs.com');
      const oldHubSpot = await get('/v1/accounts/score?hubspotCompanyId=8000003');

      expect((await oldDomain.json()).account.accountId).toBe('acc_00002');
      expect((await oldHubSpot.json()).account.accountId).toBe('acc_00003');
    });

    it('answers 409 listing both accounts when two share a domain', async () => {
      const response = await get('/v1/accounts/score?domain=globex-group.com');
      const body = await problem(response);

      expect(response.status).toBe(409);
      expect(body.candidates?.map((candidate) => candidate.accountId)).toEqual([
        'acc_00011',
        'acc_00023',
      ]);
    });

    it('answers 404 with advice for an account the warehouse does not know', async () => {
      const response = await get('/v1/accounts/score?hubspotCompanyId=123');
      const body = await problem(response);

      expect(response.status).toBe(404);
      expect(body.detail).toContain('ACCOUNT_IDENTITIES');
    });

    it('refuses zero or several identities, and ignores parameters HubSpot appends', async () => {
      const none = await get('/v1/accounts/score?appId=42');
      const two = await get('/v1/accounts/score?accountId=acc_00001&domain=acme.com');
      const extra = await get('/v1/accounts/score?accountId=acc_00001&appId=42&portalId=7');

      expect(none.status).toBe(400);
      expect((await problem(none)).detail).toContain('exactly one');
      expect(two.status).toBe(400);
      expect(extra.status).toBe(200);
    });

    it('refuses a Salesforce Id whose checksum is wrong, naming the right one', async () => {
      const response = await get('/v1/accounts/score?salesforceAccountId=001Dm0000000005IAB');
      const body = await problem(response);

      expect(response.status).toBe(400);
      expect(body.errors).toEqual([
        { path: 'salesforceAccountId', message: expect.stringContaining('001Dm0000000005IAA') },
      ]);
    });
  });

  describe('hostile input', () => {
    const nasty = [
      "' OR 1=1 --",
      "x'); DROP TABLE ACCOUNTS; --",
      '%00%27',
      '../../etc/passwd',
      'a'.repeat(5000),
      '😀'.repeat(100),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, kept literal
      '${jndi:ldap://x}',
    ];

    it.each(['salesforceAccountId', 'hubspotCompanyId', 'domain', 'accountId'])(
      'answers 4xx, never 5xx, to SQL-looking and oversized %s values',
      async (parameter) => {
        for (const value of nasty) {
          const response = await get(
            `/v1/accounts/score?${parameter}=${encodeURIComponent(value)}`,
          );
          expect(response.status, value.slice(0, 40)).toBeGreaterThanOrEqual(400);
          expect(response.status, value.slice(0, 40)).toBeLessThan(500);
          await problem(response);
        }

        const accounts = await get('/v1/accounts/score?accountId=acc_00001');
        expect(accounts.status).toBe(200);
      },
    );

    it('answers 4xx to bad top limits and batch bodies', async () => {
      for (const limit of ['0', '-1', '101', 'abc', '1;DROP TABLE x', '1e9']) {
        const response = await get(`/v1/accounts/top?limit=${encodeURIComponent(limit)}`);
        expect(response.status, limit).toBe(400);
      }

      const bodies = ['{', 'null', '[]', '{"items":"x"}', '{"items":[],"extra":1}', '"items"'];
      for (const body of bodies) {
        const response = await post('/v1/accounts/scores', body);
        expect(response.status, body).toBe(400);
        await problem(response);
      }
    });

    it('answers 413 to an oversized body and 415 to a non-JSON one', async () => {
      const big = JSON.stringify({ items: [{ accountId: 'a'.repeat(70_000) }] });
      const tooLarge = await post('/v1/accounts/scores', big);
      const wrongType = await post('/v1/accounts/scores', '{"items":[]}', {
        'content-type': 'text/plain',
      });

      expect(tooLarge.status).toBe(413);
      await problem(tooLarge);
      expect(wrongType.status).toBe(415);
    });

    it('answers 405 with Allow to a method an endpoint does not take', async () => {
      const put = await fetch(`${proxy.baseUrl}/v1/accounts/score?accountId=acc_00001`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${proxy.token}` },
      });
      const remove = await fetch(`${proxy.baseUrl}/healthz`, { method: 'DELETE' });

      expect(put.status).toBe(405);
      expect(put.headers.get('allow')).toBe('GET, HEAD');
      expect((await problem(put)).detail).toBe(
        'PUT is not supported on /v1/accounts/score; use GET, HEAD.',
      );
      expect(remove.status).toBe(405);
      expect(remove.headers.get('allow')).toBe('GET, HEAD');
    });

    it('answers 404 as a problem for unknown paths', async () => {
      const response = await get('/v1/nothing-here');
      expect(response.status).toBe(404);
      await problem(response);
    });
  });

  describe('POST /v1/accounts/scores', () => {
    it('scores accounts with one warehouse query and reports each failure in place', async () => {
      const before = await warehouseQueries('score');
      const items = [
        { accountId: 'acc_00040' },
        { salesforceAccountId: '001Dm0000000041IAA' },
        { hubspotCompanyId: '9000042' },
        { domain: 'globex-group.com' },
        { accountId: 'nobody' },
        { salesforceAccountId: 'bad' },
      ];

      const response = await post('/v1/accounts/scores', JSON.stringify({ items }));
      const { results } = batchResponseSchema.parse(await response.json());

      expect(response.status).toBe(200);
      expect(await warehouseQueries('score')).toBe(before + 1);
      expect(
        results.map((result) =>
          result.ok ? result.score.account.accountId : result.problem.status,
        ),
      ).toEqual(['acc_00040', 'acc_00041', 'acc_00042', 409, 404, 400]);
    });

    it('refuses more than 200 items', async () => {
      const items = Array.from({ length: 201 }, (_, index) => ({ accountId: `acc_${index}` }));
      const response = await post('/v1/accounts/scores', JSON.stringify({ items }));

      expect(response.status).toBe(400);
      expect((await problem(response)).detail).toContain('200');
    });
  });

  describe('GET /v1/accounts/top', () => {
    it('lists the highest scores first with their CRM ids', async () => {
      const response = await get('/v1/accounts/top?limit=5');
      const { accounts } = topResponseSchema.parse(await response.json());

      expect(accounts).toHaveLength(5);
      const scores = accounts.map((entry) => entry.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const entry of accounts) {
        expect(entry.account.salesforceAccountId).toMatch(/^001[A-Za-z0-9]{15}$/);
        expect(entry.account.hubspotCompanyId).toMatch(/^\d+$/);
      }
    });
  });

  describe('authentication', () => {
    it('refuses a missing, malformed, unknown or revoked token with 401', async () => {
      const missing = await fetch(`${proxy.baseUrl}/v1/accounts/top`);
      const malformed = await get('/v1/accounts/top', { authorization: 'Token abc' });
      const unknown = await get('/v1/accounts/top', {
        authorization: 'Bearer ups_not-a-real-token',
      });

      const issued = await proxy.proxy.tokens.issue('seller@example.com', 'test');
      const before = await get('/v1/accounts/top', { authorization: `Bearer ${issued.token}` });
      await proxy.proxy.tokens.revoke('seller@example.com');
      const after = await get('/v1/accounts/top', { authorization: `Bearer ${issued.token}` });

      for (const response of [missing, malformed, unknown, after]) {
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toContain('Bearer');
        await problem(response);
      }
      expect(before.status).toBe(200);
    });

    it('never echoes a token back in a response', async () => {
      const secret = 'ups_this-token-must-not-come-back';
      const response = await get('/v1/accounts/top', { authorization: `Bearer ${secret}` });

      expect(await response.text()).not.toContain(secret);
    });
  });

  describe('HubSpot v3 signatures', () => {
    function signed(
      path: string,
      options: { secret?: string; timestamp?: number; tamper?: (path: string) => string } = {},
    ) {
      const timestamp = options.timestamp ?? Date.now();
      const uri = proxy.baseUrl + path;
      const signature = signatureV3({
        clientSecret: options.secret ?? HUBSPOT_SECRET,
        method: 'GET',
        uri,
        body: '',
        timestamp,
      });
      const target = options.tamper ? options.tamper(path) : path;
      return fetch(proxy.baseUrl + target, {
        headers: {
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': String(timestamp),
        },
      });
    }

    it('accepts a valid signature over the public URL, query string included', async () => {
      const response = await signed(`/v1/accounts/score?hubspotCompanyId=9000005&appId=123`);

      expect(response.status).toBe(200);
      expect((await response.json()).account.accountId).toBe('acc_00005');
    });

    it('refuses a signature made with another secret', async () => {
      const response = await signed('/v1/accounts/score?hubspotCompanyId=9000005', {
        secret: 'wrong-secret',
      });
      expect(response.status).toBe(401);
      expect((await problem(response)).detail).toContain('does not match');
    });

    it('refuses a tampered query string', async () => {
      const response = await signed('/v1/accounts/score?hubspotCompanyId=9000005', {
        tamper: (path) => path.replace('9000005', '9000006'),
      });
      expect(response.status).toBe(401);
    });

    it('refuses a signature older than five minutes', async () => {
      const response = await signed('/v1/accounts/score?hubspotCompanyId=9000005', {
        timestamp: Date.now() - 5 * 60 * 1000 - 1000,
      });
      expect(response.status).toBe(401);
      expect((await problem(response)).detail).toContain('five minutes');
    });

    it('refuses the same signed request a second time', async () => {
      const timestamp = Date.now();
      const path = '/v1/accounts/score?hubspotCompanyId=9000007';

      const first = await signed(path, { timestamp });
      const replay = await signed(path, { timestamp });

      expect(first.status).toBe(200);
      expect(replay.status).toBe(401);
      expect((await problem(replay)).detail).toContain('replay');
    });

    it('refuses v1/v2-style signatures that carry no timestamp', async () => {
      const response = await fetch(`${proxy.baseUrl}/v1/accounts/score?hubspotCompanyId=9000005`, {
        headers: { 'x-hubspot-signature': 'abc', 'x-hubspot-signature-version': 'v2' },
      });
      expect(response.status).toBe(401);
    });
  });

  describe('the cache', () => {
    it('answers 50 concurrent cold lookups of one account with one warehouse query', async () => {
      // Earlier list views warmed every account; start this one cold.
      proxy.proxy.cache.clear();
      const before = await warehouseQueries('score');

      const responses = await Promise.all(
        Array.from({ length: 50 }, () =>
          get('/v1/accounts/score?salesforceAccountId=001Dm0000000050IAA'),
        ),
      );

      expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
      expect(await warehouseQueries('score')).toBe(before + 1);
    });

    it('serves a page view of an account scored by a list view without a query', async () => {
      await get('/v1/accounts/top?limit=1');
      const before = await warehouseQueries('score');

      const response = await get('/v1/accounts/score?hubspotCompanyId=9000033');

      expect(response.status).toBe(200);
      expect(await warehouseQueries('score')).toBe(before);
    });
  });
});
