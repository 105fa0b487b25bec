import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Signature } from '@hubspot/api-client/lib/src/utils/signature.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubSpotFetch, signatureV3 } from '../support/hubspot-signer.ts';

// The signer is written from HubSpot's spec; HubSpot's own Node client is the second opinion.
function hubspotClientSignature(
  method: string,
  url: string,
  requestBody: string,
  timestamp: number,
) {
  return Signature.getSignature(method, 'v3', {
    clientSecret: 'app-secret',
    url,
    requestBody,
    timestamp,
    signature: '',
  });
}

type Received = { url: string; headers: IncomingMessage['headers']; body: string };
let close: (() => Promise<void>) | null = null;

async function recordingServer(): Promise<{ origin: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    received.push({ url: request.url ?? '', headers: request.headers, body });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  close = () => new Promise((resolve) => server.close(() => resolve()));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

afterEach(async () => {
  await close?.();
  close = null;
});

describe('the HubSpot request signer used by the integration tests', () => {
  it("agrees with HubSpot's client library on a GET and on a POST with a JSON body", () => {
    const get = 'https://proxy.test/v1/accounts/score?hubspotCompanyId=9001&appId=42';
    const post = 'https://proxy.test/v1/handoffs?appId=42';
    const body = JSON.stringify({ note: 'Größer als geplant ✓', playId: 'seat_pack' });

    expect(
      signatureV3({ clientSecret: 'app-secret', method: 'GET', uri: get, body: '', timestamp: 1 }),
    ).toBe(hubspotClientSignature('GET', get, '', 1));
    expect(
      signatureV3({ clientSecret: 'app-secret', method: 'POST', uri: post, body, timestamp: 2 }),
    ).toBe(hubspotClientSignature('POST', post, body, 2));
  });

  it("signs the URI with HubSpot's listed escapes decoded and every other escape kept", () => {
    const sent = 'https://proxy.test/v1/a?email=ana%40x.test&range=%28a%2Cb%29&q=a%20b%2B';
    const signed = 'https://proxy.test/v1/a?email=ana@x.test&range=(a,b)&q=a%20b%2B';

    expect(
      signatureV3({ clientSecret: 'app-secret', method: 'GET', uri: sent, body: '', timestamp: 3 }),
    ).toBe(hubspotClientSignature('GET', signed, '', 3));
  });

  it('sends appId, JSON body and both signature headers, signed over the public URL', async () => {
    const { origin, received } = await recordingServer();
    const fetch = createHubSpotFetch({
      clientSecret: 'app-secret',
      appId: 42,
      permittedOrigins: ['https://proxy.test'],
      route: (publicUrl) => `${origin}${publicUrl.pathname}${publicUrl.search}`,
    });

    const response = await fetch('https://proxy.test/v1/handoffs', {
      method: 'POST',
      body: { playId: 'seat_pack' },
    });

    expect(response.status).toBe(200);
    const [request] = received;
    const timestamp = Number(request?.headers['x-hubspot-request-timestamp']);
    expect(request?.url).toBe('/v1/handoffs?appId=42');
    expect(request?.body).toBe('{"playId":"seat_pack"}');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers['x-hubspot-signature-v3']).toBe(
      hubspotClientSignature(
        'POST',
        'https://proxy.test/v1/handoffs?appId=42',
        request?.body ?? '',
        timestamp,
      ),
    );
  });

  it('refuses a URL that permittedUrls does not list, as HubSpot does', async () => {
    const fetch = createHubSpotFetch({
      clientSecret: 'app-secret',
      appId: 42,
      permittedOrigins: ['https://proxy.test'],
    });

    await expect(fetch('https://elsewhere.test/v1/handoffs')).rejects.toThrow(
      'https://elsewhere.test is not in permittedUrls.fetch',
    );
  });
});
