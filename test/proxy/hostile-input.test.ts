import { batchResponseSchema, problemSchema } from '@upsignal/shared';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../proxy/src/http/app.ts';
import {
  anyBody,
  anyHeaders,
  anyMethod,
  anyPath,
  batchBody,
  handoffBody,
  queryPart,
  queryString,
  scoreQuery,
  VALID_TOKEN,
} from '../support/hostile-requests.ts';
import { startProxy, type TestProxy } from '../support/proxy-harness.ts';
import { type RawRequest, type RawResponse, rawBytes, rawRequest } from '../support/raw-http.ts';

// Whatever a client sends, the proxy answers with a 4xx problem+json or a success: never a 5xx,
// never a stack frame or a file path. Generated inputs go through node:http as written, because
// fetch would normalise the very escapes, methods and headers under test. DuckDB mode only: the
// HTTP boundary is the same for both warehouses.

const HUBSPOT_SECRET = 'hostile-input-client-secret';
const RUNS = { numRuns: 400 };

/** A stack frame, a source path or a module path: none may ever reach a client. */
const LEAK =
  /\n\s+at |\bat [\w$.<>]+ \(|[\w-]+\.(?:ts|js|mjs|cjs):\d+|node_modules|file:\/\/|\/work\//;

let proxy: TestProxy;

beforeAll(async () => {
  proxy = await startProxy({
    env: { HUBSPOT_CLIENT_SECRET: HUBSPOT_SECRET, UPSIGNAL_RATE_LIMIT_PER_MINUTE: '1000000' },
  });
});

afterAll(async () => {
  await proxy?.stop();
});

const withToken = (headers: Record<string, string> = {}) => ({
  authorization: `Bearer ${proxy.token}`,
  ...headers,
});

function send(request: RawRequest) {
  return rawRequest(proxy.baseUrl, request);
}

/** The invariants every answer keeps; returns the problem when it is an error. */
function expectWellBehaved(response: RawResponse, method = 'GET') {
  expect(response.status, response.text).toBeLessThan(500);
  expect(response.text).not.toMatch(LEAK);
  if (response.status < 400) return undefined;

  expect(response.headers['content-type']).toBe('application/problem+json');
  if (method === 'HEAD') return undefined;
  const problem = problemSchema.parse(JSON.parse(response.text));
  expect(problem.status).toBe(response.status);
  return problem;
}

const postJson = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path,
    body,
    headers: withToken({ 'content-type': 'application/json', ...headers }),
  });

describe('bodies that are not what the API takes', () => {
  it.each(['/v1/accounts/scores', '/v1/handoffs'])(
    'answers malformed JSON to %s with 400',
    async (path) => {
      for (const body of ['{"items": [', '{items: []}', "{'a': 1}", '', 'null null', '\u0000']) {
        const response = await postJson(path, body);

        expect(response.status).toBe(400);
        expect(expectWellBehaved(response)?.detail).toBe('The body is not valid JSON.');
      }
    },
  );

  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    'json',
  ])('answers a body sent as %s with 415', async (contentType) => {
    const response = await postJson('/v1/accounts/scores', '{"items":[{"accountId":"a"}]}', {
      'content-type': contentType,
    });

    expect(response.status).toBe(415);
    expect(expectWellBehaved(response)?.detail).toBe('Send the body as application/json.');
  });

  it('answers a POST without a content type with 415', async () => {
    const response = await send({
      method: 'POST',
      path: '/v1/accounts/scores',
      body: '{"items":[]}',
      headers: withToken(),
    });

    expect(response.status).toBe(415);
    expectWellBehaved(response);
  });

  it.each([
    ['with Content-Length', false],
    ['chunked, without Content-Length', true],
  ])('answers a body one byte over the limit %s with 413', async (_how, chunked) => {
    const items = JSON.stringify({ items: [{ accountId: 'x'.repeat(MAX_BODY_BYTES) }] });
    const response = await send({
      method: 'POST',
      path: '/v1/accounts/scores',
      body: items.slice(0, MAX_BODY_BYTES + 1),
      chunked,
      headers: withToken({ 'content-type': 'application/json' }),
    });

    expect(response.status).toBe(413);
    expect(expectWellBehaved(response)?.detail).toBe(
      `Bodies are limited to ${MAX_BODY_BYTES} bytes.`,
    );
  });

  it('answers JSON nested thirty thousand deep with 400, not a crash', async () => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;

    const batch = await postJson('/v1/accounts/scores', deep);
    const handoff = await postJson('/v1/handoffs', `{"accountId":${deep}}`);

    expect([batch.status, handoff.status]).toEqual([400, 400]);
    expectWellBehaved(batch);
    expectWellBehaved(handoff);
  });

  it('answers a batch of 201 lookups with 400 naming the limit', async () => {
    const items = Array.from({ length: 201 }, (_, index) => ({ accountId: `acc_${index}` }));
    const response = await postJson('/v1/accounts/scores', JSON.stringify({ items }));

    expect(response.status).toBe(400);
    expect(expectWellBehaved(response)?.detail).toBe(
      'Invalid batch request: items: at most 200 items per request',
    );
  });
});

describe('requests Node refuses before the app sees them', () => {
  it.each([
    ['a URL', { path: `/v1/accounts/score?accountId=${'a'.repeat(20_000)}` }],
    ['a header', { path: '/healthz', headers: { 'x-padding': 'b'.repeat(20_000) } }],
  ])('answers %s over 16 KiB with a 431 problem', async (_what, request) => {
    const response = await send({ method: 'GET', ...request });

    expect(response.status).toBe(431);
    expect(JSON.parse(response.text)).toEqual({
      type: 'https://upsignal.dev/problems/headers-too-large',
      title: 'Headers too large',
      status: 431,
      detail: 'Headers and the URL are limited to 16 KiB.',
    });
    expectWellBehaved(response);
  });

  it('answers bytes that are not HTTP with a 400 problem', async () => {
    const answer = await rawBytes(proxy.baseUrl, 'HELLO THERE\r\n\r\n');
    const [head, body] = answer.split('\r\n\r\n');

    expect(head).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(head).toContain('Content-Type: application/problem+json');
    expect(problemSchema.parse(JSON.parse(body!))).toEqual({
      type: 'https://upsignal.dev/problems/bad-request',
      title: 'Bad request',
      status: 400,
      detail: 'The request is not valid HTTP/1.1.',
    });
  });
});

describe('generated requests', () => {
  it('answers any query on GET /v1/accounts/score with a score or a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(scoreQuery, async (query) => {
        const response = await send({
          method: 'GET',
          path: `/v1/accounts/score?${query}`,
          headers: withToken(),
        });

        expectWellBehaved(response);
        expect([200, 400, 404, 409]).toContain(response.status);
      }),
      RUNS,
    );
  });

  it('answers any limit on GET /v1/accounts/top with a list or 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(queryPart, queryString), async (limit) => {
        const response = await send({
          method: 'GET',
          path: `/v1/accounts/top?limit=${limit}`,
          headers: withToken(),
        });

        expectWellBehaved(response);
        expect([200, 400]).toContain(response.status);
      }),
      RUNS,
    );
  });

  it('answers any body on POST /v1/accounts/scores with per-item results or 400', async () => {
    await fc.assert(
      fc.asyncProperty(batchBody, async (payload) => {
        const response = await postJson('/v1/accounts/scores', payload);

        expectWellBehaved(response, 'POST');
        expect([200, 400]).toContain(response.status);
        if (response.status === 200) {
          const { results } = batchResponseSchema.parse(JSON.parse(response.text));
          expect(results).toHaveLength((JSON.parse(payload) as { items: unknown[] }).items.length);
          for (const result of results) {
            if (!result.ok) expect([400, 404, 409]).toContain(result.problem.status);
          }
        }
      }),
      RUNS,
    );
  });

  it('answers any handoff body or list query without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(handoffBody, queryString, async (body, query) => {
        const created = await postJson('/v1/handoffs', body);
        const listed = await send({
          method: 'GET',
          path: `/v1/handoffs?${query}`,
          headers: withToken(),
        });

        expectWellBehaved(created, 'POST');
        expectWellBehaved(listed);
      }),
      { numRuns: 300 },
    );
  });

  it('answers any method, path and headers anywhere without a 5xx or a leak', async () => {
    const request = fc.record({
      method: anyMethod,
      path: anyPath,
      query: queryString,
      headers: anyHeaders,
      body: anyBody,
    });

    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, query, headers, body }) => {
        const sent = { ...headers };
        if (sent.authorization === VALID_TOKEN) sent.authorization = `Bearer ${proxy.token}`;
        const withBody = body !== undefined && method !== 'GET' && method !== 'HEAD';
        const response = await send({
          method,
          path: query ? `${path}?${query}` : path,
          headers: sent,
          ...(withBody ? { body } : {}),
        });

        expectWellBehaved(response, method);
      }),
      { numRuns: 1_000 },
    );
  });
});
