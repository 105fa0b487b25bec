import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConnection } from '../../extension/src/options/check-connection.ts';
import { parseProxyUrl } from '../../extension/src/options/proxy-origin.ts';

const GOOD_TOKEN = 'good-token';

let server: Server;
let baseUrl: string;
let healthStatus: number;

beforeEach(async () => {
  healthStatus = 200;
  server = createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(healthStatus, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ status: 'ok', warehouse: 'duckdb', version: '0.1.0' }));
      return;
    }
    if (req.headers.authorization !== `Bearer ${GOOD_TOKEN}`) {
      res.writeHead(401, { 'content-type': 'application/problem+json' });
      res.end(
        JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'x' }),
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ accounts: [], computedAt: '2026-03-02T08:00:00.000Z' }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const allow = { requestPermission: async () => true };

describe('checkConnection', () => {
  it('reports OK with the warehouse kind when the proxy answers and takes the token', async () => {
    const report = await checkConnection({ proxyUrl: baseUrl, token: GOOD_TOKEN }, allow);

    expect(report).toEqual({
      ok: true,
      step: 'ok',
      message: 'OK: connected to Upsignal 0.1.0 on duckdb; token accepted.',
    });
  });

  it('names a bad URL before asking for anything', async () => {
    const asked: string[] = [];
    const report = await checkConnection(
      { proxyUrl: 'upsignal.example.com', token: GOOD_TOKEN },
      { requestPermission: async (pattern) => Boolean(asked.push(pattern)) },
    );

    expect(report).toEqual({
      ok: false,
      step: 'url',
      message:
        'Bad URL: "upsignal.example.com" is not a URL. Use the form https://upsignal.example.com',
    });
    expect(asked).toEqual([]);
  });

  it('asks for exactly the proxy origin and reports a denied permission', async () => {
    const asked: string[] = [];
    const report = await checkConnection(
      { proxyUrl: `${baseUrl}/upsignal/`, token: GOOD_TOKEN },
      {
        requestPermission: async (pattern) => {
          asked.push(pattern);
          return false;
        },
      },
    );

    expect(asked).toEqual([`${baseUrl}/*`]);
    expect(report).toEqual({
      ok: false,
      step: 'permission',
      message: `Permission denied: the browser did not allow Upsignal to reach ${baseUrl}.`,
    });
  });

  it('reports an unreachable proxy', async () => {
    const report = await checkConnection({ proxyUrl: 'http://127.0.0.1:9', token: 'x' }, allow);

    expect(report.ok).toBe(false);
    expect(report.step).toBe('reach');
    expect(report.message).toMatch(
      /^Unreachable: Could not reach the proxy at http:\/\/127\.0\.0\.1:9: /,
    );
  });

  it('tells a server that is not an Upsignal proxy from an unreachable one', async () => {
    healthStatus = 404;

    const report = await checkConnection({ proxyUrl: baseUrl, token: GOOD_TOKEN }, allow);

    expect(report).toEqual({
      ok: false,
      step: 'reach',
      message: `No Upsignal proxy answers at ${baseUrl}/healthz (The proxy answered HTTP 404).`,
    });
  });

  it('reports a refused token as a 401', async () => {
    const report = await checkConnection({ proxyUrl: baseUrl, token: 'revoked' }, allow);

    expect(report).toEqual({
      ok: false,
      step: 'auth',
      message: 'Token refused (401): it is unknown or was revoked. Ask your admin for a new one.',
    });
  });
});

describe('parseProxyUrl', () => {
  it('keeps a path prefix, drops query and fragment, and names the origin pattern', () => {
    expect(parseProxyUrl(' https://corp.example.com/upsignal/?x=1#y ')).toEqual({
      ok: true,
      proxyUrl: 'https://corp.example.com/upsignal',
      origin: 'https://corp.example.com',
      originPattern: 'https://corp.example.com/*',
    });
  });

  it.each([
    ['', 'Enter the proxy URL your admin gave you.'],
    ['ftp://files.example.com', 'The proxy URL must start with https:// (got ftp:).'],
    [
      'https://me:secret@corp.example.com',
      'Leave credentials out of the URL; the token goes below.',
    ],
  ])('refuses %j', (input, message) => {
    expect(parseProxyUrl(input)).toEqual({ ok: false, message });
  });
});
