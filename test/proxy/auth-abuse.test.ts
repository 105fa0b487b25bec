import { problemSchema } from '@upsignal/shared';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SIGNATURE_AGE_MS } from '../../proxy/src/auth/hubspot-signature.ts';
import { signatureV3 } from '../support/hubspot-signer.ts';
import { startProxy, type TestProxy, warehouseModes } from '../support/proxy-harness.ts';

// Credentials that must not work, and callers that must be slowed down, on both warehouses
// (tokens live in the warehouse; signatures and limits do not, but they guard it).

const CLIENT_SECRET = 'auth-abuse-client-secret';
const SCORE_PATH = '/v1/accounts/score?accountId=acc_00001';
const BURST = 100;
const LIMIT = 20;

type Answer = { status: number; headers: Headers; body: unknown };

async function call(proxy: TestProxy, path: string, headers: Record<string, string>) {
  const response = await fetch(proxy.baseUrl + path, { headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function expectRefused(answer: Answer, detail: string) {
  expect(answer.status).toBe(401);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="upsignal"');
  expect(problemSchema.parse(answer.body)).toMatchObject({ title: 'Unauthorized', detail });
}

/** HubSpot's headers for a GET of `path`, signed at `timestamp` with `secret`. */
function signed(proxy: TestProxy, path: string, timestamp = Date.now(), secret = CLIENT_SECRET) {
  const uri = `${proxy.baseUrl}${path}`;
  return {
    'x-hubspot-signature-v3': signatureV3({
      clientSecret: secret,
      method: 'GET',
      uri,
      body: '',
      timestamp,
    }),
    'x-hubspot-request-timestamp': String(timestamp),
  };
}

describe.each(warehouseModes)('credentials on %s', (mode) => {
  let proxy: TestProxy;

  beforeAll(async () => {
    proxy = await startProxy({ warehouse: mode, env: { HUBSPOT_CLIENT_SECRET: CLIENT_SECRET } });
  });

  afterAll(async () => {
    await proxy?.stop();
  });

  it('accepts a seller token and a HubSpot-signed request (the control case)', async () => {
    const byToken = await call(proxy, SCORE_PATH, { authorization: `Bearer ${proxy.token}` });
    const bySignature = await call(proxy, SCORE_PATH, signed(proxy, SCORE_PATH));

    expect([byToken.status, bySignature.status]).toEqual([200, 200]);
  });

  it('refuses a token nobody issued', async () => {
    const forged = `ups_${'A'.repeat(43)}`;

    const answer = await call(proxy, SCORE_PATH, { authorization: `Bearer ${forged}` });

    expectRefused(answer, 'The token is unknown or was revoked. Ask an admin for a new one.');
  });

  it('refuses a token from the moment it is revoked', async () => {
    const { token } = await proxy.proxy.tokens.issue('leaver@example.com', 'laptop');
    const before = await call(proxy, SCORE_PATH, { authorization: `Bearer ${token}` });

    expect(await proxy.proxy.tokens.revoke('leaver@example.com')).toBe(1);
    const after = await call(proxy, SCORE_PATH, { authorization: `Bearer ${token}` });

    expect(before.status).toBe(200);
    expectRefused(after, 'The token is unknown or was revoked. Ask an admin for a new one.');
  });

  it('refuses credentials that are not a bearer token', async () => {
    const basic = await call(proxy, SCORE_PATH, { authorization: 'Basic dXNlcjpwYXNz' });
    const none = await call(proxy, SCORE_PATH, {});

    expectRefused(basic, 'The Authorization header must be "Bearer <token>".');
    expectRefused(none, 'Send "Authorization: Bearer <token>" or a HubSpot-signed request.');
  });

  it('refuses a signature made with another secret', async () => {
    const headers = signed(proxy, SCORE_PATH, Date.now(), 'a-guessed-client-secret');

    const answer = await call(proxy, SCORE_PATH, headers);

    expectRefused(answer, 'The HubSpot signature does not match this request.');
  });

  it('refuses a genuine signature sent with another URL', async () => {
    const headers = signed(proxy, SCORE_PATH);

    const answer = await call(proxy, '/v1/accounts/score?accountId=acc_00002', headers);

    expectRefused(answer, 'The HubSpot signature does not match this request.');
  });

  it('refuses a signed request replayed as it was', async () => {
    const path = '/v1/accounts/score?accountId=acc_00003';
    const headers = signed(proxy, path);

    const first = await call(proxy, path, headers);
    const replay = await call(proxy, path, headers);

    expect(first.status).toBe(200);
    expectRefused(replay, 'This signed request was already used (replay refused).');
  });

  it('refuses a signature older than five minutes, and one from the future', async () => {
    const stale = signed(proxy, SCORE_PATH, Date.now() - MAX_SIGNATURE_AGE_MS - 1_000);
    const future = signed(proxy, SCORE_PATH, Date.now() + 2 * 60_000);

    const old = await call(proxy, SCORE_PATH, stale);
    const ahead = await call(proxy, SCORE_PATH, future);

    expectRefused(old, 'The HubSpot signature is older than five minutes.');
    expectRefused(ahead, 'The HubSpot signature is older than five minutes.');
  });

  it('refuses a signature whose timestamp is not epoch milliseconds', async () => {
    const headers = { ...signed(proxy, SCORE_PATH), 'x-hubspot-request-timestamp': 'yesterday' };

    const answer = await call(proxy, SCORE_PATH, headers);

    expectRefused(answer, 'X-HubSpot-Request-Timestamp must be epoch milliseconds.');
  });
});

describe.each(warehouseModes)(`a limit of ${LIMIT} requests a minute on %s`, (mode) => {
  let proxy: TestProxy;

  // Each test starts a proxy of its own, so every burst meets a fresh minute.
  beforeEach(async () => {
    proxy = await startProxy({
      warehouse: mode,
      env: { UPSIGNAL_RATE_LIMIT_PER_MINUTE: String(LIMIT) },
    });
  });

  afterEach(async () => {
    await proxy?.stop();
  });

  function burst(headersOf: (index: number) => Record<string, string>) {
    return Promise.all(
      Array.from({ length: BURST }, (_, index) => call(proxy, SCORE_PATH, headersOf(index))),
    );
  }

  function expectLimited(answers: Answer[], allowedStatus: number) {
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === allowedStatus)).toHaveLength(LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(BURST - LIMIT);

    for (const answer of answers.filter((entry) => entry.status === 429)) {
      const retryAfter = Number(answer.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answer.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      expect(answer.headers.get('ratelimit-remaining')).toBe('0');
      expect(answer.headers.get('ratelimit-reset')).toBe(String(retryAfter));
      expect(answer.headers.get('content-type')).toBe('application/problem+json');
      expect(problemSchema.parse(answer.body)).toMatchObject({
        status: 429,
        title: 'Too many requests',
        detail: 'Slow down: the per-minute limit was reached.',
      });
    }
  }

  it(`serves ${LIMIT} of ${BURST} concurrent requests from one seller, the rest 429`, async () => {
    const answers = await burst(() => ({ authorization: `Bearer ${proxy.token}` }));

    expectLimited(answers, 200);
  });

  it('limits a burst of bad tokens from one client the same way', async () => {
    const answers = await burst((index) => ({ authorization: `Bearer ups_guess${index}` }));

    expectLimited(answers, 401);
  });

  it('limits bad tokens that claim a new X-Forwarded-For address each time', async () => {
    const answers = await burst((index) => ({
      authorization: `Bearer ups_guess${index}`,
      'x-forwarded-for': `203.0.113.${index}`,
    }));

    expectLimited(answers, 401);
  });
});
