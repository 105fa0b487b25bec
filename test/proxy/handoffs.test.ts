import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import type { Handoff, HandoffList, HandoffResponse, Problem } from '@upsignal/shared';
import pino from 'pino';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubSpotFetch } from '../support/hubspot-signer.ts';
import {
  startProxy,
  type TestProxy,
  type WarehouseMode,
  warehouseModes,
} from '../support/proxy-harness.ts';
import { type FakeSlack, startSlackServer, TEST_WORKSPACE } from '../support/slack-server.ts';

// Handoffs against the real proxy (real DuckDB outbox, real HTTP) and the official Slack client
// talking to a local Slack-compatible server. Retry delays are made tiny through configuration.

const ACCOUNT = 'acc_00001'; // Northwind Labs, Team plan, at its seat limit: seat-pack fires
const SECOND_ACCOUNT = 'acc_00002'; // Acme Labs, same archetype

let slack: FakeSlack;
let mode: WarehouseMode = 'duckdb';
const running: TestProxy[] = [];

beforeEach(async () => {
  slack = await startSlackServer();
});

afterEach(async () => {
  for (const proxy of running.splice(0)) await proxy.stop();
  await slack.close();
});

function slackEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    SLACK_BOT_TOKEN: slack.token,
    SLACK_API_URL: slack.apiUrl,
    SLACK_DEFAULT_CHANNEL: '#revenue',
    SLACK_TIMEOUT_MS: '300',
    UPSIGNAL_HANDOFF_BACKOFF_MS: '20',
    UPSIGNAL_HANDOFF_MAX_ATTEMPTS: '4',
    SALESFORCE_BASE_URL: 'https://acme.lightning.force.com',
    HUBSPOT_PORTAL_ID: '4455667',
    ...extra,
  };
}

async function start(options: Parameters<typeof startProxy>[0] = {}) {
  const proxy = await startProxy({ warehouse: mode, ...options });
  running.push(proxy);
  return proxy;
}

type Answer<T> = { status: number; contentType: string; body: T };

async function handOff(
  proxy: TestProxy,
  body: Record<string, unknown>,
): Promise<Answer<HandoffResponse & Problem>> {
  const response = await fetch(`${proxy.baseUrl}/v1/handoffs`, {
    method: 'POST',
    headers: { authorization: `Bearer ${proxy.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, contentType, body: await response.json() };
}

async function list(proxy: TestProxy, accountId = ACCOUNT): Promise<Handoff[]> {
  const response = await fetch(`${proxy.baseUrl}/v1/handoffs?accountId=${accountId}`, {
    headers: { authorization: `Bearer ${proxy.token}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as HandoffList).handoffs;
}

async function metricLines(proxy: TestProxy): Promise<string[]> {
  const text = await (await fetch(`${proxy.baseUrl}/metrics`)).text();
  return text.split('\n').filter((line) => line.startsWith('upsignal_handoff'));
}

/** Waits (polling the API) until the account's newest handoff reaches a state. */
async function settled(proxy: TestProxy, state: Handoff['state'], accountId = ACCOUNT) {
  return vi.waitFor(
    async () => {
      const [newest] = await list(proxy, accountId);
      expect(newest?.state).toBe(state);
      return newest!;
    },
    { timeout: 15_000, interval: 25 },
  );
}

const seatPack = (key: string, extra: Record<string, unknown> = {}) => ({
  accountId: ACCOUNT,
  playId: 'seat-pack',
  idempotencyKey: key,
  ...extra,
});

const postMessages = () => slack.calls.filter((call) => call.method === 'chat.postMessage');

describe.each(warehouseModes)('handoffs on %s', (warehouse) => {
  beforeAll(() => {
    mode = warehouse;
  });

  describe('a handoff with Slack configured', () => {
    it('is posted once to the play channel and keeps Slack timestamp and permalink', async () => {
      const proxy = await start({ env: slackEnv() });

      const { status, body } = await handOff(proxy, seatPack('click-0001'));

      expect(status).toBe(201);
      expect(body.created).toBe(true);
      expect(body.handoff).toMatchObject({
        accountId: ACCOUNT,
        playId: 'seat-pack',
        requestedBy: 'demo@upsignal.local',
        state: 'sent',
        channel: '#expansion',
        attempts: 1,
        lastError: null,
        slackTs: '1764720000.000001',
        permalink: `${TEST_WORKSPACE}/archives/C0EXPANSION/p1764720000000001`,
      });
      expect(body.handoff.deliveredAt).not.toBeNull();

      expect(
        slack.calls.map(({ method, token, params }) => ({
          method,
          token,
          channel: params.channel,
        })),
      ).toEqual([
        { method: 'chat.postMessage', token: slack.token, channel: '#expansion' },
        { method: 'chat.getPermalink', token: slack.token, channel: 'C0EXPANSION' },
      ]);
      expect(slack.calls[1]!.params.message_ts).toBe('1764720000.000001');
      expect(await list(proxy)).toEqual([body.handoff]);
    });

    it('stays sent without a link when the permalink lookup fails, never reposting', async () => {
      const proxy = await start({ env: slackEnv() });
      slack.failNext(1, { kind: 'http-error', status: 503 }, 'chat.getPermalink');

      const { body } = await handOff(proxy, seatPack('click-0026'));

      expect(body.handoff).toMatchObject({
        state: 'sent',
        attempts: 1,
        slackTs: '1764720000.000001',
        permalink: null,
      });
      expect(slack.posted()).toHaveLength(1);
      expect(await list(proxy)).toEqual([body.handoff]);
    });

    it('posts a Block Kit message with everything a seller needs, field by field', async () => {
      const proxy = await start({ env: slackEnv() });

      await handOff(
        proxy,
        seatPack('click-0002', { note: 'Champion asked about <pricing> & a seat pack' }),
      );

      const [post] = slack.posted();
      expect(post!.params.text).toBe(
        'Northwind Labs: Propose the seat pack (score 55, Expansion-ready)',
      );
      expect(post!.params.blocks).toEqual([
        {
          type: 'header',
          text: { type: 'plain_text', text: 'Northwind Labs: Propose the seat pack', emoji: false },
        },
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Plan*\nTeam' },
            { type: 'mrkdwn', text: '*Score*\n55 · Expansion-ready' },
            { type: 'mrkdwn', text: '*Handed off by*\ndemo@upsignal.local' },
            { type: 'mrkdwn', text: '*Play*\nPropose the seat pack' },
          ],
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text:
              '*Why*\nSeats are at 100% of the Team plan limit.\n' +
              '_This play fires on the current data._',
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              '*Quota wall*',
              '• Seats: 100% (At the limit) · 25 of 25 seats · at the limit now',
              '• Storage: 35% (Headroom) · 69.7 of 200 GB · not growing toward the limit',
              '• API calls (30 days): 27% (Headroom) · 265.8k of 1M calls · ' +
                'not growing toward the limit',
            ].join('\n'),
          },
        },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: [
              '*Signals that fired*',
              '• Seats used of the plan limit: 100% (≥ 90% · +25 pts)',
              '• Days until the nearest plan limit: 0 d (≤ 30 d · +15 pts)',
              '• Power users (active 3+ of the last 7 days): 12 (≥ 5 · +5 pts)',
              '• Features used in the last 30 days: 7 (≥ 6 · +5 pts)',
              '• Stickiness (daily / monthly active users): 36% (≥ 30% · +5 pts)',
            ].join('\n'),
          },
        },
        {
          type: 'section',
          // Slack reads < > & as markup (links, <!channel>): a seller's note is escaped.
          text: {
            type: 'mrkdwn',
            text: '*Note*\nChampion asked about &lt;pricing&gt; &amp; a seat pack',
          },
        },
        {
          type: 'context',
          elements: [
            {
              type: 'mrkdwn',
              text:
                '<https://acme.lightning.force.com/lightning/r/Account/001Dm0000000001IAA/view' +
                '|Salesforce account> · ' +
                '<https://app.hubspot.com/contacts/4455667/record/0-2/9000001|HubSpot company>',
            },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'Data as of 2026-12-02' }] },
      ]);
    });

    it('says when the chosen play does not fire, and links only configured CRMs', async () => {
      const proxy = await start({ env: slackEnv({ HUBSPOT_PORTAL_ID: '' }) });

      const { body } = await handOff(proxy, seatPack('click-0003', { playId: 'rescue' }));

      expect(body.handoff.channel).toBe('#customer-success');
      const blocks = slack.posted()[0]!.params.blocks as {
        type: string;
        text?: { text: string };
      }[];
      expect(blocks[2]!.text!.text).toBe(
        '*Why*\nNo product activity for 1 d; the account may churn.\n' +
          '_This play does not fire on the current data; the seller chose it._',
      );
      expect(blocks.some((block) => JSON.stringify(block).includes('hubspot.com'))).toBe(false);
      expect(JSON.stringify(blocks)).toContain(
        '<https://acme.lightning.force.com/lightning/r/Account/001Dm0000000001IAA/view' +
          '|Salesforce account>',
      );
    });

    it('answers repeated idempotency key with the same handoff and never posts twice', async () => {
      const proxy = await start({ env: slackEnv() });

      const first = await handOff(proxy, seatPack('click-0004'));
      const replay = await handOff(proxy, seatPack('click-0004'));

      expect(first.status).toBe(201);
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual({ handoff: first.body.handoff, created: false });
      expect(slack.posted()).toHaveLength(1);
    });

    it('creates one handoff and one post when one key arrives several times at once', async () => {
      const proxy = await start({ env: slackEnv() });

      const answers = await Promise.all(
        Array.from({ length: 5 }, () => handOff(proxy, seatPack('click-0005'))),
      );

      expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 201]);
      expect(new Set(answers.map((answer) => answer.body.handoff.id)).size).toBe(1);
      expect(slack.posted()).toHaveLength(1);
      expect(await list(proxy)).toHaveLength(1);
    });

    it('refuses the same account and play in the cooldown, saying who, when, where', async () => {
      const proxy = await start({ env: slackEnv() });
      const { body: first } = await handOff(proxy, seatPack('click-0006'));

      const second = await handOff(proxy, seatPack('click-0007'));

      const when = first.handoff.createdAt.slice(0, 16).replace('T', ' ');
      const until = new Date(Date.parse(first.handoff.createdAt) + 7 * 86_400_000)
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ');
      expect(second.status).toBe(409);
      expect(second.contentType).toBe('application/problem+json');
      expect(second.body.title).toBe('Handoff cooldown');
      expect(second.body.detail).toBe(
        `demo@upsignal.local handed Northwind Labs off to #expansion for "Propose the seat pack" ` +
          `on ${when} UTC. See ${TEST_WORKSPACE}/archives/C0EXPANSION/p1764720000000001. ` +
          `The same play can be handed off again after ${until} UTC (cooldown 7 days).`,
      );
      expect(second.body.handoff).toEqual(first.handoff);
      expect(slack.posted()).toHaveLength(1);

      const otherPlay = await handOff(
        proxy,
        seatPack('click-0008', { playId: 'enterprise-upgrade' }),
      );
      expect(otherPlay.status).toBe(201);
      expect((await list(proxy)).map((handoff) => handoff.playId)).toEqual([
        'enterprise-upgrade',
        'seat-pack',
      ]);
    });

    it('fails at once on channel_not_found, says what to fix, and frees the cooldown', async () => {
      const proxy = await start({ env: slackEnv({ SLACK_DEFAULT_CHANNEL: '#nowhere' }) });
      const storage = (key: string) => seatPack(key, { playId: 'storage-addon' });

      const { status, body } = await handOff(proxy, storage('click-0009'));

      expect(status).toBe(201);
      expect(body.handoff).toMatchObject({
        state: 'failed',
        channel: '#nowhere',
        attempts: 1,
        lastError:
          'chat.postMessage to #nowhere: Slack answered channel_not_found. Slack has no channel ' +
          '#nowhere that the bot can see: check the play\u2019s channel in the configuration (or ' +
          'SLACK_DEFAULT_CHANNEL); for a private channel, invite the bot first.',
      });
      expect(postMessages()).toHaveLength(1);

      const again = await handOff(proxy, storage('click-0010'));
      expect(again.status).toBe(201);
      expect(again.body.handoff.state).toBe('failed');
    });

    it('fails at once on not_in_channel with the invite instruction', async () => {
      const proxy = await start({ env: slackEnv() });
      slack.failNext(1, { kind: 'error', error: 'not_in_channel' });

      const { body } = await handOff(proxy, seatPack('click-0011'));

      expect(body.handoff.state).toBe('failed');
      expect(body.handoff.lastError).toBe(
        'chat.postMessage to #expansion: Slack answered not_in_channel. The bot is not a member ' +
          'of #expansion: run "/invite @<your app>" in that channel.',
      );
      expect(postMessages()).toHaveLength(1);
    });

    it('fails at once when Slack refuses the bot token and says which setting to fix', async () => {
      const proxy = await start({ env: slackEnv({ SLACK_BOT_TOKEN: 'xoxb-revoked-token-0000' }) });

      const { body } = await handOff(proxy, seatPack('click-0024'));

      expect(body.handoff).toMatchObject({
        state: 'failed',
        attempts: 1,
        lastError:
          'chat.postMessage to #expansion: Slack answered invalid_auth. Slack refused the bot ' +
          'token: set SLACK_BOT_TOKEN to the app\u2019s Bot User OAuth Token.',
      });
      expect(postMessages().map((call) => call.answer)).toEqual(['invalid_auth']);
    });

    it('renders the message from the cached score, with no extra warehouse query', async () => {
      const proxy = await start({ env: slackEnv() });
      const scoreQueries = async () =>
        (await (await fetch(`${proxy.baseUrl}/metrics`)).text())
          .split('\n')
          .find((line) => line.startsWith('upsignal_warehouse_queries_total{label="score"'));
      await fetch(`${proxy.baseUrl}/v1/accounts/score?accountId=${ACCOUNT}`, {
        headers: { authorization: `Bearer ${proxy.token}` },
      });
      const before = await scoreQueries();

      const { body } = await handOff(proxy, seatPack('click-0025'));

      expect(body.handoff.state).toBe('sent');
      expect(before).toBe('upsignal_warehouse_queries_total{label="score",outcome="ok"} 1');
      expect(await scoreQueries()).toBe(before);
    });
  });

  describe('delivery retries', () => {
    it('waits at least the Retry-After Slack asked for after a 429, then delivers', async () => {
      const proxy = await start({ env: slackEnv() });
      slack.failNext(1, { kind: 'rate-limit', retryAfterSeconds: 1 });

      const { body } = await handOff(proxy, seatPack('click-0012'));

      expect(body.handoff).toMatchObject({
        state: 'pending',
        attempts: 1,
        lastError: 'chat.postMessage to #expansion: rate limited by Slack (Retry-After 1 s)',
      });
      const delivered = await settled(proxy, 'sent');
      expect(delivered).toMatchObject({ attempts: 2, lastError: null });

      const [limited, accepted] = postMessages();
      expect([limited!.answer, accepted!.answer]).toEqual(['rate-limit', 'ok']);
      expect(accepted!.at - limited!.at).toBeGreaterThanOrEqual(1000);
      expect(await metricLines(proxy)).toEqual(
        expect.arrayContaining([
          'upsignal_handoff_attempts_total{outcome="rate_limited"} 1',
          'upsignal_handoff_attempts_total{outcome="sent"} 1',
        ]),
      );
    });

    it('retries after 5xx answers and a call that timed out, then posts exactly once', async () => {
      const proxy = await start({ env: slackEnv() });
      slack.failNext(2, { kind: 'http-error', status: 503 });
      slack.failNext(1, { kind: 'hang' });

      await handOff(proxy, seatPack('click-0013'));
      const delivered = await settled(proxy, 'sent');

      expect(delivered.attempts).toBe(4);
      expect(postMessages().map((call) => call.answer)).toEqual([
        'http-error',
        'http-error',
        'hang',
        'ok',
      ]);
      expect(slack.posted()).toHaveLength(1);
      expect(await metricLines(proxy)).toEqual(
        expect.arrayContaining([
          'upsignal_handoff_attempts_total{outcome="retry"} 3',
          'upsignal_handoff_attempts_total{outcome="sent"} 1',
          'upsignal_handoffs{state="sent"} 1',
          'upsignal_handoffs{state="pending"} 0',
        ]),
      );
    });

    it('is failed after the last attempt, with the reason in the API and /metrics', async () => {
      const proxy = await start({ env: slackEnv() });
      slack.failNext(4, { kind: 'http-error', status: 500 });

      await handOff(proxy, seatPack('click-0014'));
      const failed = await settled(proxy, 'failed');

      expect(failed).toMatchObject({
        attempts: 4,
        slackTs: null,
        permalink: null,
        deliveredAt: null,
        lastError:
          'chat.postMessage to #expansion: Slack answered HTTP 500 (gave up after 4 attempts)',
      });
      expect(slack.posted()).toHaveLength(0);
      expect(await metricLines(proxy)).toEqual(
        expect.arrayContaining([
          'upsignal_handoffs{state="failed"} 1',
          'upsignal_handoffs{state="pending"} 0',
          'upsignal_handoff_attempts_total{outcome="retry"} 3',
          'upsignal_handoff_attempts_total{outcome="failed"} 1',
        ]),
      );
    });

    it('is delivered by a new proxy on the same file after the old one stopped', async () => {
      slack.failNext(1, { kind: 'http-error', status: 503 });
      const first = await startProxy({
        warehouse: mode,
        env: slackEnv({ UPSIGNAL_HANDOFF_BACKOFF_MS: '3000' }),
      });
      try {
        const { body } = await handOff(first, seatPack('click-0015'));
        expect(body.handoff).toMatchObject({ state: 'pending', attempts: 1 });
      } finally {
        await first.close();
      }
      const stoppedAt = Date.now();

      const second = await start({ env: slackEnv(), dbPath: first.dbPath });
      try {
        expect(await metricLines(second)).toContain('upsignal_handoffs{state="pending"} 1');
        const delivered = await settled(second, 'sent');

        expect(delivered.attempts).toBe(2);
        expect(slack.posted()).toHaveLength(1);
        expect(slack.posted()[0]!.at).toBeGreaterThanOrEqual(stoppedAt);
      } finally {
        await second.stop();
        running.splice(running.indexOf(second), 1);
        await rm(dirname(first.dbPath), { recursive: true, force: true });
      }
    });

    it('logs one line per attempt with its outcome, and never the bot token', async () => {
      const lines: string[] = [];
      const sink = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const proxy = await start({ env: slackEnv(), log: pino({ level: 'debug' }, sink) });
      slack.failNext(1, { kind: 'http-error', status: 503 });

      await handOff(proxy, seatPack('click-0016'));
      await settled(proxy, 'sent');

      const attempts = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.msg === 'handoff delivery attempt');
      expect(
        attempts.map(({ attempt, outcome, channel, error }) => ({
          attempt,
          outcome,
          channel,
          error,
        })),
      ).toEqual([
        {
          attempt: 1,
          outcome: 'retry',
          channel: '#expansion',
          error: 'chat.postMessage to #expansion: Slack answered HTTP 503',
        },
        { attempt: 2, outcome: 'sent', channel: '#expansion', error: undefined },
      ]);
      expect(lines.filter((line) => line.includes(slack.token))).toEqual([]);
    });
  });

  describe('who a handoff is from', () => {
    it('names the HubSpot user a signed request carries, else "HubSpot user"', async () => {
      const clientSecret = 'hubspot-client-secret-for-tests';
      const proxy = await start({ env: slackEnv({ HUBSPOT_CLIENT_SECRET: clientSecret }) });
      const hubspotFetch = createHubSpotFetch({
        clientSecret,
        appId: 4242,
        permittedOrigins: [new URL(proxy.baseUrl).origin],
      });
      const signed = async (body: Record<string, unknown>) => {
        const response = await hubspotFetch(`${proxy.baseUrl}/v1/handoffs`, {
          method: 'POST',
          body,
        });
        return (await response.json()) as HandoffResponse;
      };

      const named = await signed(seatPack('click-0017', { requester: 'ana@northwind.example' }));
      const unnamed = await signed({ ...seatPack('click-0018'), accountId: SECOND_ACCOUNT });

      expect(named.handoff.requestedBy).toBe('ana@northwind.example');
      expect(unnamed.handoff.requestedBy).toBe('HubSpot user');
      const fields = slack.posted().map((call) => JSON.stringify(call.params.blocks));
      expect(fields[0]).toContain('*Handed off by*\\nana@northwind.example');
      expect(fields[1]).toContain('*Handed off by*\\nHubSpot user');
    });

    it('ignores a requester in the body of a bearer-token request', async () => {
      const proxy = await start({ env: slackEnv() });

      const { body } = await handOff(
        proxy,
        seatPack('click-0019', { requester: 'ceo@acme.example' }),
      );

      expect(body.handoff.requestedBy).toBe('demo@upsignal.local');
    });
  });

  describe('bad handoff requests', () => {
    it('gets a problem for an unknown account or play, a missing or reused key', async () => {
      const proxy = await start({ env: slackEnv() });

      const unknownAccount = await handOff(
        proxy,
        seatPack('click-0020', { accountId: 'acc_99999' }),
      );
      const unknownPlay = await handOff(proxy, seatPack('click-0021', { playId: 'upsell' }));
      const noKey = await handOff(proxy, { accountId: ACCOUNT, playId: 'seat-pack' });
      await handOff(proxy, seatPack('click-0022'));
      const reused = await handOff(proxy, seatPack('click-0022', { playId: 'rescue' }));

      expect([unknownAccount.status, unknownAccount.body.detail]).toEqual([
        404,
        'No warehouse account has accountId "acc_99999".',
      ]);
      expect([unknownPlay.status, unknownPlay.body.detail]).toEqual([
        400,
        'Unknown play "upsell". Valid plays: seat-pack, enterprise-upgrade, storage-addon, ' +
          'api-tier, rescue.',
      ]);
      expect(noKey.status).toBe(400);
      expect(noKey.body.errors?.map((error) => error.path)).toEqual(['idempotencyKey']);
      expect([reused.status, reused.body.title]).toEqual([422, 'Idempotency key reused']);
      expect(slack.posted()).toHaveLength(1);
    });

    it('answers problems when listing without account id or for an unknown account', async () => {
      const proxy = await start({ env: slackEnv() });
      const get = async (query: string) => {
        const response = await fetch(`${proxy.baseUrl}/v1/handoffs${query}`, {
          headers: { authorization: `Bearer ${proxy.token}` },
        });
        return [response.status, ((await response.json()) as Problem).detail];
      };

      expect(await get('')).toEqual([400, 'Invalid query: accountId: accountId is required']);
      expect(await get('?accountId=acc_99999')).toEqual([
        404,
        'No warehouse account has accountId "acc_99999".',
      ]);
    });

    it('stops the start when Slack is on and a play has no channel and no default', async () => {
      await expect(
        startProxy({ warehouse: mode, env: slackEnv({ SLACK_DEFAULT_CHANNEL: '' }) }),
      ).rejects.toThrow(
        'SLACK_DEFAULT_CHANNEL: required when SLACK_BOT_TOKEN is set, because these plays name ' +
          'no channel: storage-addon, api-tier',
      );
    });
  });

  describe('a handoff without SLACK_BOT_TOKEN', () => {
    it('is recorded, never posted, and listed as recorded with the reason', async () => {
      const proxy = await start();

      const { status, body } = await handOff(proxy, seatPack('click-0023', { note: 'call Ana' }));

      expect(status).toBe(201);
      expect(body.handoff).toMatchObject({
        state: 'recorded',
        channel: '#expansion',
        attempts: 0,
        note: 'call Ana',
        lastError: 'recorded; Slack not configured (set SLACK_BOT_TOKEN to post handoffs)',
        slackTs: null,
        permalink: null,
      });
      expect(await list(proxy)).toEqual([body.handoff]);
      expect(slack.calls).toHaveLength(0);
      expect(await metricLines(proxy)).toEqual(
        expect.arrayContaining(['upsignal_handoffs{state="recorded"} 1']),
      );
    });
  });
});
