import { createPublicKey, verify } from 'node:crypto';
import { publicKeyFingerprint } from './key-pair.ts';

/**
 * Checks the JWT a client presents for key-pair authentication, as Snowflake's "Key-pair
 * authentication" guide describes it: RS256, signed by the private key whose public half is
 * the user's RSA_PUBLIC_KEY, `iss` = `<ACCOUNT>.<USER>.SHA256:<public key fingerprint>`,
 * `sub` = `<ACCOUNT>.<USER>`, not expired, and valid for at most one hour.
 */

export type JwtExpectation = {
  account: string;
  user: string;
  publicKeyPem: string;
  now?: number;
};

/** Returns null when the token is acceptable, otherwise why not (for the test's own logs). */
export function jwtProblem(token: unknown, expected: JwtExpectation): string | null {
  if (typeof token !== 'string') return 'no TOKEN in the login request';

  const parts = token.split('.');
  if (parts.length !== 3) return 'not a compact JWS';
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];

  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!header || !payload) return 'header or payload is not base64url JSON';
  if (header.alg !== 'RS256') return `alg ${String(header.alg)} is not RS256`;

  const signed = verify(
    'RSA-SHA256',
    Buffer.from(`${headerPart}.${payloadPart}`),
    createPublicKey(expected.publicKeyPem),
    Buffer.from(signaturePart, 'base64url'),
  );
  if (!signed) return 'signature does not match the registered public key';

  const subject = `${expected.account}.${expected.user}`.toUpperCase();
  const issuer = `${subject}.${publicKeyFingerprint(expected.publicKeyPem)}`;
  if (payload.sub !== subject) return `sub ${String(payload.sub)} is not ${subject}`;
  if (payload.iss !== issuer) return `iss ${String(payload.iss)} is not ${issuer}`;

  const now = expected.now ?? Date.now();
  const issuedAt = epochMillis(payload.iat);
  const expiresAt = epochMillis(payload.exp);
  if (issuedAt === null || expiresAt === null) return 'iat or exp is missing';
  if (expiresAt <= now) return 'the token has expired';
  if (expiresAt - issuedAt > 3_600_000) return 'the token lives longer than one hour';

  return null;
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * RFC 7519 dates are seconds, but snowflake-sdk 3.4 (lib/authentication/auth_keypair.js) signs
 * `iat` and `exp` in milliseconds; accept both, as the service evidently does.
 */
function epochMillis(value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  return value > 100_000_000_000 ? value : value * 1000;
}
