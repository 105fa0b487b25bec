import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handoff, ScoreResponse } from '@upsignal/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundService } from '../../extension/src/background/background-service.ts';

const ACME_18 = '001Dn00000A1b2cIAB';
const TOKEN = 'seller-token-1';

const score: ScoreResponse = {
  account: {
    accountId: 'acct_acme',
    name: 'Acme Corp',
    domain: 'acme.io',
    plan: 'Team',
    mrr: 1200,
    renewalDate: '2026-09-01',
    salesforceAccountId: ACME_18,
    hubspotCompanyId: null,
  },
  score: 72,
  band: { id: 'hot', label: 'Hot', colour: '#ea001e' },
  quotaWall: [
    {
      resource: 'seats',
      label: 'Seats',
      unit: 'seats',
      used: 46,
      limit: 50,
      utilisation: 0.92,
      daysToWall: 9,
    },
  ],
  signals: [],
  plays: [{ id: 'seat_pack', title: 'Offer the seat pack', why: 'Seats at 92%', priority: 1 }],
  asOf: '2026-03-01',
  computedAt: '2026-03-02T08:00:00.000Z',
  stale: false,
};

const handoff: Handoff = {
  id: 'hnd_1',
  accountId: 'acct_acme',
  playId: 'seat_pack',
  note: null,
  requestedBy: 'dana@seller.example',
  state: 'sent',
  channel: '#expansion',
  attempts: 1,
  lastError: null,
  slackTs: '1700000000.000100',
  permalink: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  deliveredAt: '2026-03-01T10:00:01.000Z',
};

type Seen = { method: string; url: string; authorization?: string; body: string };
type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void | Promise<void>;

let server: Server;
let baseUrl: string;
let seen: Seen[];
let handler: Handler;

function json(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(JSON.stringify(body));
}

function problem(res: ServerResponse, status: number, extra: Record<string, unknown>) {
  json(
    res,
    status,
    { type: 'about:blank', title: 'Problem', status, ...extra },
    'application/problem+json',
  );
}

beforeEach(async () => {
  seen = [];
  handler = (_req, res) => json(res, 200, score);
  server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    seen.push({
      method: req.method!,
      url: req.url!,
      authorization: req.headers.authorization,
      body,
    });
    await handler(req, res, body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function service(overrides: Partial<Parameters<typeof createBackgroundService>[0]> = {}) {
  const opened: string[] = [];
  const instance = createBackgroundService({
    loadSettings: async () => ({ proxyUrl: baseUrl, token: TOKEN }),
    hasOriginPermission: async () => true,
    openOptions: async () => {
      opened.push('options');
    },
    handoffRetryDelaysMs: [10, 10],
    ...overrides,
  });
  return { instance, opened };
}

const scoreMessage = (value = ACME_18) => ({
  type: 'score',
  lookup: { kind: 'salesforceAccountId', value },
});

describe('background service: scores', () => {
  it('asks the proxy for the score with the seller’s token and returns it', async () => {
    const answer = await service().instance.handle(scoreMessage());

    expect(answer).toEqual({ ok: true, value: score });
    expect(seen).toEqual([
      {
        method: 'GET',
        url: `/v1/accounts/score?salesforceAccountId=${ACME_18}`,
        authorization: `Bearer ${TOKEN}`,
        body: '',
      },
    ]);
  });

  it('sends concurrent requests for one account to the proxy once', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    handler = async (_req, res) => {
      await released;
      json(res, 200, score);
    };
    const { instance } = service();

    const answers = Promise.all([
      instance.handle(scoreMessage()),
      instance.handle(scoreMessage()),
      instance.handle(scoreMessage(ACME_18.slice(0, 15))),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();

    expect(await answers).toEqual([
      { ok: true, value: score },
      { ok: true, value: score },
      { ok: true, value: score },
    ]);
    expect(seen).toHaveLength(1);
  });

  it('asks again once the earlier request has settled', async () => {
    const { instance } = service();

    await instance.handle(scoreMessage());
    await instance.handle(scoreMessage());

    expect(seen).toHaveLength(2);
  });

  it('keeps a path prefix in the proxy URL', async () => {
    const { instance } = service({
      loadSettings: async () => ({ proxyUrl: `${baseUrl}/upsignal`, token: TOKEN }),
    });

    await instance.handle(scoreMessage());

    expect(seen[0]?.url).toBe(`/upsignal/v1/accounts/score?salesforceAccountId=${ACME_18}`);
  });

  it('asks for options when no proxy URL or token is saved, without calling anything', async () => {
    const { instance } = service({ loadSettings: async () => ({ proxyUrl: baseUrl }) });

    const answer = await instance.handle(scoreMessage());

    expect(answer).toMatchObject({ ok: false, failure: { kind: 'settings' } });
    expect(seen).toHaveLength(0);
  });

  it('reports a missing host permission for the proxy origin', async () => {
    const asked: string[] = [];
    const { instance } = service({
      hasOriginPermission: async (origin) => {
        asked.push(origin);
        return false;
      },
    });

    const answer = await instance.handle(scoreMessage());

    expect(asked).toEqual([baseUrl]);
    expect(answer).toEqual({
      ok: false,
      failure: {
        kind: 'permission',
        message: `The browser has not allowed Upsignal to reach ${baseUrl}.`,
      },
    });
    expect(seen).toHaveLength(0);
  });

  it('turns a 401 problem into an unauthorized failure carrying the proxy’s detail', async () => {
    handler = (_req, res) => problem(res, 401, { detail: 'The token was revoked.' });

    const answer = await service().instance.handle(scoreMessage());

    expect(answer).toEqual({
      ok: false,
      failure: { kind: 'unauthorized', message: 'The token was revoked.', status: 401 },
    });
  });

  it('turns a 404 into not_found and a 409 with candidates into ambiguous', async () => {
    const candidates = [
      { accountId: 'acct_a', name: 'Acme EU', domain: 'acme.eu' },
      { accountId: 'acct_b', name: 'Acme US', domain: null },
    ];
    handler = (req, res) =>
      req.url?.includes('domain')
        ? problem(res, 409, { detail: 'Two accounts use acme.io', candidates })
        : problem(res, 404, { detail: 'No account is linked to this record.' });
    const { instance } = service();

    const missing = await instance.handle(scoreMessage());
    const ambiguous = await instance.handle({
      type: 'score',
      lookup: { kind: 'domain', value: 'acme.io' },
    });

    expect(missing).toEqual({
      ok: false,
      failure: { kind: 'not_found', message: 'No account is linked to this record.', status: 404 },
    });
    expect(ambiguous).toEqual({
      ok: false,
      failure: { kind: 'ambiguous', message: 'Two accounts use acme.io', status: 409, candidates },
    });
  });

  it('reports an unreachable proxy with its origin', async () => {
    const { instance } = service({
      loadSettings: async () => ({ proxyUrl: 'http://127.0.0.1:9', token: TOKEN }),
    });

    const answer = await instance.handle(scoreMessage());

    expect(answer).toMatchObject({
      ok: false,
      failure: { kind: 'unreachable' },
    });
    expect(JSON.stringify(answer)).toContain('Could not reach the proxy at http://127.0.0.1:9');
  });

  it('refuses an answer that does not match the score schema', async () => {
    handler = (_req, res) => json(res, 200, { ...score, score: 'high' });

    const answer = await service().instance.handle(scoreMessage());

    expect(answer).toEqual({
      ok: false,
      failure: {
        kind: 'invalid_response',
        message:
          'Unexpected answer from v1/accounts/score ' +
          '(score: Invalid input: expected number, received string)',
      },
    });
  });

  it('refuses a malformed message without calling the proxy', async () => {
    const answer = await service().instance.handle({ type: 'score', lookup: { kind: 'sql' } });

    expect(answer).toEqual({
      ok: false,
      failure: { kind: 'rejected', message: 'The extension sent a malformed message.' },
    });
    expect(seen).toHaveLength(0);
  });

  it('refuses a Salesforce Id with a bad checksum without calling the proxy', async () => {
    const answer = await service().instance.handle(scoreMessage('001Dn00000A1b2cAAA'));

    expect(answer).toMatchObject({ ok: false, failure: { kind: 'rejected' } });
    expect(seen).toHaveLength(0);
  });

  it('opens the options page when a content script asks', async () => {
    const { instance, opened } = service();

    expect(await instance.handle({ type: 'options.open' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(opened).toEqual(['options']);
  });
});

describe('background service: handoffs', () => {
  const request = {
    accountId: 'acct_acme',
    playId: 'seat_pack',
    note: 'Champion asked about pricing',
    idempotencyKey: '3f0c8f9e-6c1c-4c55-9d7e-2d1f4f3a9b10',
  };

  it('retries a handoff the proxy failed to take, with the same idempotency key', async () => {
    let attempts = 0;
    handler = (_req, res) => {
      attempts += 1;
      if (attempts === 1) return problem(res, 503, { detail: 'Warehouse busy' });
      json(res, 201, { handoff, created: true });
    };

    const answer = await service().instance.handle({ type: 'handoff.create', request });

    expect(answer).toEqual({ ok: true, value: { handoff, created: true } });
    expect(seen.map((entry) => entry.method)).toEqual(['POST', 'POST']);
    expect(seen.map((entry) => JSON.parse(entry.body).idempotencyKey)).toEqual([
      request.idempotencyKey,
      request.idempotencyKey,
    ]);
    expect(JSON.parse(seen[0]!.body)).toEqual(request);
  });

  it('does not retry a refused handoff and returns the earlier handoff of a 409', async () => {
    handler = (_req, res) =>
      problem(res, 409, { detail: 'Handed off 2 days ago; cooldown is 7 days', handoff });

    const answer = await service().instance.handle({ type: 'handoff.create', request });

    expect(answer).toEqual({
      ok: false,
      failure: {
        kind: 'conflict',
        message: 'Handed off 2 days ago; cooldown is 7 days',
        status: 409,
        handoff,
      },
    });
    expect(seen).toHaveLength(1);
  });

  it('gives up after the last retry and says the proxy could not answer', async () => {
    handler = (_req, res) => problem(res, 502, { detail: 'Bad gateway' });

    const answer = await service().instance.handle({ type: 'handoff.create', request });

    expect(answer).toEqual({
      ok: false,
      failure: { kind: 'server', message: 'Bad gateway', status: 502 },
    });
    expect(seen).toHaveLength(3);
  });

  it('lists an account’s handoffs', async () => {
    handler = (_req, res) => json(res, 200, { handoffs: [handoff] });

    const answer = await service().instance.handle({
      type: 'handoffs.list',
      accountId: 'acct_acme',
    });

    expect(answer).toEqual({ ok: true, value: { handoffs: [handoff] } });
    expect(seen[0]?.url).toBe('/v1/handoffs?accountId=acct_acme');
  });
});
