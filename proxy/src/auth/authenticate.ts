import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { LRUCache } from 'lru-cache';
import type { AppEnv, Principal } from '../http/app-env.ts';
import { HttpProblem, unauthorized } from '../http/http-problem.ts';
import { MAX_SIGNATURE_AGE_MS, verifySignatureV3 } from './hubspot-signature.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { TokenStore } from './token-store.ts';

export type AuthenticateOptions = {
  tokens: TokenStore;
  limiter: RateLimiter;
  /** The HubSpot app's client secret; without it signed requests are refused. */
  hubspotClientSecret?: string | undefined;
  /** The proxy's public URL, which is the one HubSpot signs (not the Host header). */
  publicBaseUrl: () => string;
  now?: () => number;
};

/**
 * Accepts a seller's bearer token or a valid HubSpot v3 signature, and applies the per-caller
 * rate limit. Failed attempts count against the client address, so guessing is limited too.
 */
export function authenticate(options: AuthenticateOptions): MiddlewareHandler<AppEnv> {
  const now = options.now ?? Date.now;
  // A signature seen in the last five minutes is a replay; older ones fail the age check anyway.
  const seenSignatures = new LRUCache<string, true>({ max: 100_000, ttl: MAX_SIGNATURE_AGE_MS });

  return async function authenticateRequest(c, next) {
    const address = peerAddress(c);
    const authorization = c.req.header('authorization');
    const signature = c.req.header('x-hubspot-signature-v3');

    let principal: Principal;
    try {
      if (authorization) {
        principal = await fromBearer(authorization);
      } else if (signature) {
        principal = fromSignature(c.req.method, c.req.url, c.get('rawBody'), signature, c);
        seenSignatures.set(signature, true);
      } else {
        throw unauthorized('Send "Authorization: Bearer <token>" or a HubSpot-signed request.');
      }
    } catch (error) {
      limit(`address:${address}`);
      throw error;
    }

    limit(callerKey(principal));
    c.set('principal', principal);
    await next();

    // HubSpot retries once after a 5xx; that retry is legitimate, not a replay.
    if (signature && c.res.status >= 500) seenSignatures.delete(signature);
  };

  async function fromBearer(authorization: string): Promise<Principal> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) throw unauthorized('The Authorization header must be "Bearer <token>".');

    const owner = await options.tokens.verify(match[1]!);
    if (!owner) {
      throw unauthorized('The token is unknown or was revoked. Ask an admin for a new one.');
    }
    return { kind: 'token', email: owner.email };
  }

  function fromSignature(
    method: string,
    url: string,
    body: string,
    signature: string,
    c: Parameters<MiddlewareHandler<AppEnv>>[0],
  ): Principal {
    if (!options.hubspotClientSecret) {
      throw unauthorized('HubSpot-signed requests are not accepted: no client secret is set.');
    }
    if (seenSignatures.has(signature)) {
      throw unauthorized('This signed request was already used (replay refused).');
    }

    const check = verifySignatureV3({
      secret: options.hubspotClientSecret,
      method,
      uri: options.publicBaseUrl() + pathAndQuery(url),
      body,
      timestamp: c.req.header('x-hubspot-request-timestamp'),
      signature,
      now: now(),
    });
    if (!check.ok) throw unauthorized(signatureMessages[check.reason]);

    return {
      kind: 'hubspot',
      portalId: c.req.query('portalId') ?? null,
      appId: c.req.query('appId') ?? null,
    };
  }

  function limit(caller: string) {
    const decision = options.limiter.consume(caller);
    if (decision.allowed) return;
    throw new HttpProblem(
      429,
      'Too many requests',
      'Slow down: the per-minute limit was reached.',
      {
        headers: {
          'Retry-After': String(decision.resetSeconds),
          'RateLimit-Limit': String(decision.limit),
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': String(decision.resetSeconds),
        },
      },
    );
  }
}

const signatureMessages = {
  missing: 'The HubSpot signature or its timestamp header is missing.',
  'malformed-timestamp': 'X-HubSpot-Request-Timestamp must be epoch milliseconds.',
  expired: 'The HubSpot signature is older than five minutes.',
  mismatch: 'The HubSpot signature does not match this request.',
} as const;

/** The path and query exactly as received, escapes untouched. */
function pathAndQuery(url: string): string {
  const afterScheme = url.indexOf('//');
  const slash = url.indexOf('/', afterScheme + 2);
  return slash === -1 ? '/' : url.slice(slash);
}

/**
 * Failed attempts count against the TCP peer. X-Forwarded-For is not used: any client can write
 * it, and one that changed it on every request would never be slowed down. Behind a load
 * balancer every failed attempt then shares the balancer's allowance, which only slows failures.
 */
function peerAddress(c: Context<AppEnv>): string {
  // @hono/node-server passes the Node request as the `incoming` binding.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'unknown';
}

function callerKey(principal: Principal): string {
  if (principal.kind === 'hubspot') return `hubspot:${principal.portalId ?? principal.appId}`;
  return `token:${createHash('sha256').update(principal.email).digest('hex').slice(0, 16)}`;
}
