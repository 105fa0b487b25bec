import { createHmac } from 'node:crypto';
import type { HubSpotFetchOptions } from '@hubspot/ui-extensions';

/**
 * Stands in for HubSpot's servers behind hubspot.fetch, written from HubSpot's request
 * validation spec (v3): HubSpot appends `appId` to the query string, sends the body as JSON, and
 * signs method + full URI + raw body + timestamp (epoch ms) with HMAC-SHA256 under the app's
 * client secret, base64, in `X-HubSpot-Signature-v3` beside `X-HubSpot-Request-Timestamp`.
 * It deliberately shares no code with the proxy's verifier, so a misreading of the spec in one
 * is caught by the other rather than repeated in both.
 */

export type SignatureInput = {
  clientSecret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: number;
};

// HubSpot signs the URI with these escapes decoded, and no others (request validation, v3).
const SIGNED_ESCAPES: Record<string, string> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};
const SIGNED_ESCAPE_PATTERN = /%(?:3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi;

export function signatureV3({ clientSecret, method, uri, body, timestamp }: SignatureInput) {
  const signedUri = uri.replace(
    SIGNED_ESCAPE_PATTERN,
    (encoded) => SIGNED_ESCAPES[encoded.toUpperCase()]!,
  );
  return createHmac('sha256', clientSecret)
    .update(`${method}${signedUri}${body}${timestamp}`, 'utf8')
    .digest('base64');
}

export type HubSpotFetchStandIn = {
  clientSecret: string;
  appId: number;
  /** Origins listed in app-hsmeta.json permittedUrls.fetch; HubSpot refuses any other URL. */
  permittedOrigins: string[];
  /**
   * Where the public URL is actually served (a TLS-terminating balancer does this in
   * production).
   */
  route?: (publicUrl: URL) => string;
};

/** A function with hubspot.fetch's shape that signs and delivers requests as HubSpot does. */
export function createHubSpotFetch({
  clientSecret,
  appId,
  permittedOrigins,
  route,
}: HubSpotFetchStandIn) {
  return async (url: string, options: HubSpotFetchOptions = {}): Promise<Response> => {
    const target = new URL(url);
    if (!permittedOrigins.includes(target.origin)) {
      throw new Error(`${target.origin} is not in permittedUrls.fetch`);
    }
    const extraHeaders = [...new Headers(options.headers ?? {}).keys()].filter(
      (name) => name.toLowerCase() !== 'authorization',
    );
    if (extraHeaders.length > 0) throw new Error("Only 'Authorization' header is allowed");

    target.searchParams.append('appId', String(appId));
    const method = options.method ?? 'GET';
    const body = options.body === undefined ? '' : JSON.stringify(options.body);

    // HubSpot retries once when the connection fails or the app answers 5xx.
    const attempt = () => deliver(target, method, body, clientSecret, options.headers, route);
    try {
      const response = await attempt();
      return response.status >= 500 ? await attempt() : response;
    } catch {
      return attempt();
    }
  };
}

async function deliver(
  target: URL,
  method: string,
  body: string,
  clientSecret: string,
  headers: HubSpotFetchOptions['headers'],
  route: HubSpotFetchStandIn['route'],
): Promise<Response> {
  const timestamp = Date.now();
  const signature = signatureV3({ clientSecret, method, uri: target.href, body, timestamp });

  const outgoing = new Headers(headers ?? {});
  outgoing.set('X-HubSpot-Signature-v3', signature);
  outgoing.set('X-HubSpot-Request-Timestamp', String(timestamp));
  if (body) outgoing.set('Content-Type', 'application/json');

  return fetch(route ? route(target) : target.href, {
    method,
    headers: outgoing,
    ...(body ? { body } : {}),
  });
}
