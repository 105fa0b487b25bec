import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HubSpot request signatures, version 3 (developers.hubspot.com, "Validating requests"):
 * base64(HMAC-SHA256(clientSecret, method + uri + rawBody + timestamp)), where uri is the full
 * URL HubSpot called with only a fixed set of escapes decoded. v1 and v2 signatures carry no
 * timestamp and can be replayed, so they are not accepted at all.
 */

export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

const DECODED_ESCAPES: Record<string, string> = {
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

/** Decodes exactly HubSpot's list of escapes, case-insensitively, and nothing else. */
export function decodeSignedUri(uri: string): string {
  return uri.replace(
    /%[0-9a-fA-F]{2}/g,
    (sequence) => DECODED_ESCAPES[sequence.toUpperCase()] ?? sequence,
  );
}

export function computeSignatureV3(input: {
  secret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string;
}): string {
  const source =
    input.method.toUpperCase() + decodeSignedUri(input.uri) + input.body + input.timestamp;
  return createHmac('sha256', input.secret).update(source, 'utf8').digest('base64');
}

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing' | 'malformed-timestamp' | 'expired' | 'mismatch' };

export function verifySignatureV3(input: {
  secret: string;
  method: string;
  uri: string;
  body: string;
  timestamp: string | undefined;
  signature: string | undefined;
  now: number;
}): SignatureCheck {
  if (!input.signature || !input.timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{10,16}$/.test(input.timestamp)) return { ok: false, reason: 'malformed-timestamp' };

  const age = input.now - Number(input.timestamp);
  // A timestamp from the future is as suspect as an old one; allow a little clock skew.
  if (age > MAX_SIGNATURE_AGE_MS || age < -60_000) return { ok: false, reason: 'expired' };

  const expected = Buffer.from(computeSignatureV3({ ...input, timestamp: input.timestamp }));
  const given = Buffer.from(input.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
}
