import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Slack's Web API, enough for the official client's `chat.postMessage`
 * and `chat.getPermalink`. It reads bodies the way Slack does (form-encoded, with JSON-encoded
 * fields such as `blocks`, or JSON), checks the bot token, answers Slack-shaped JSON, records
 * every call, and can be told to misbehave for the next calls: 429 with Retry-After, an HTTP
 * error, a hang (no answer at all), or an `{ ok: false, error }` answer.
 *
 * Shapes follow Slack's method docs: https://api.slack.com/methods/chat.postMessage and
 * https://api.slack.com/methods/chat.getPermalink.
 */

export type SlackFault =
  | { kind: 'rate-limit'; retryAfterSeconds: number }
  | { kind: 'http-error'; status: number }
  | { kind: 'hang' }
  | { kind: 'error'; error: string };

export type SlackCall = {
  method: string;
  /** The bearer token the client sent, or the form's `token` field. */
  token: string | null;
  contentType: string;
  params: Record<string, unknown>;
  /** Milliseconds since the epoch when the request arrived. */
  at: number;
  answer: 'ok' | SlackFault['kind'] | 'invalid_auth' | 'channel_not_found';
};

export type FakeSlack = {
  /** The base URL to give the client as SLACK_API_URL. */
  apiUrl: string;
  token: string;
  calls: SlackCall[];
  /** The chat.postMessage calls Slack accepted: the messages users would see. */
  posted(): SlackCall[];
  /** The next `count` calls of `method` (chat.postMessage by default) meet `fault`. */
  failNext(count: number, fault: SlackFault, method?: string): void;
  close(): Promise<void>;
};

export const TEST_BOT_TOKEN = 'xoxb-test-0000000000-upsignal';
export const TEST_WORKSPACE = 'https://upsignal-test.slack.com';

/** Channels the fake workspace has, by name, with the ids Slack answers with. */
export const testChannels: Record<string, string> = {
  '#expansion': 'C0EXPANSION',
  '#customer-success': 'C0CUSTSUCCESS',
  '#revenue': 'C0REVENUE',
};

export async function startSlackServer(token = TEST_BOT_TOKEN): Promise<FakeSlack> {
  const calls: SlackCall[] = [];
  const faults: { method: string; fault: SlackFault }[] = [];
  let sequence = 0;

  const server = createServer(async (request, response) => {
    const method = (request.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const contentType = request.headers['content-type'] ?? '';
    const params = parseBody(contentType, await readBody(request));
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? null;
    const call: SlackCall = {
      method,
      token: bearer ?? (typeof params.token === 'string' ? params.token : null),
      contentType,
      params,
      at: Date.now(),
      answer: 'ok',
    };
    calls.push(call);

    const index = faults.findIndex((entry) => entry.method === method);
    if (index >= 0) {
      const { fault } = faults.splice(index, 1)[0]!;
      call.answer = fault.kind;
      return misbehave(response, fault);
    }

    if (call.token !== token) {
      call.answer = 'invalid_auth';
      return json(response, { ok: false, error: 'invalid_auth' });
    }

    if (method === 'chat.postMessage') {
      const channelId = testChannels[String(params.channel)] ?? null;
      if (!channelId) {
        call.answer = 'channel_not_found';
        return json(response, { ok: false, error: 'channel_not_found' });
      }
      sequence += 1;
      const ts = `1764720000.${String(sequence).padStart(6, '0')}`;
      return json(response, {
        ok: true,
        channel: channelId,
        ts,
        message: { type: 'message', text: params.text, blocks: params.blocks, ts },
      });
    }

    if (method === 'chat.getPermalink') {
      const channel = String(params.channel);
      const ts = String(params.message_ts);
      const permalink = `${TEST_WORKSPACE}/archives/${channel}/p${ts.replace('.', '')}`;
      return json(response, { ok: true, channel, permalink });
    }

    return json(response, { ok: false, error: 'unknown_method' });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    token,
    calls,
    posted: () =>
      calls.filter((call) => call.method === 'chat.postMessage' && call.answer === 'ok'),
    failNext(count, fault, method = 'chat.postMessage') {
      for (let i = 0; i < count; i++) faults.push({ method, fault });
    },
    async close() {
      // Hung requests never finish on their own.
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function misbehave(response: ServerResponse, fault: SlackFault) {
  switch (fault.kind) {
    case 'hang':
      return;
    case 'rate-limit':
      response.setHeader('Retry-After', String(fault.retryAfterSeconds));
      return json(response, { ok: false, error: 'ratelimited' }, 429);
    case 'http-error':
      response.writeHead(fault.status, { 'Content-Type': 'text/plain' });
      response.end('upstream trouble');
      return;
    case 'error':
      return json(response, { ok: false, error: fault.error });
  }
}

function json(response: ServerResponse, body: unknown, status = 200) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Form fields that carry JSON, as Slack decodes them. */
const jsonFields = new Set(['blocks', 'attachments', 'metadata']);

function parseBody(contentType: string, body: string): Record<string, unknown> {
  if (contentType.startsWith('application/json')) {
    return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  }

  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] = jsonFields.has(key) ? JSON.parse(value) : value;
  }
  return params;
}
