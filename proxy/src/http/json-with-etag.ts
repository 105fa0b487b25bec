import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/**
 * A JSON response that carries its weak ETag already. Hono's etag middleware otherwise clones
 * every response and hashes the copy with WebCrypto, which halved the throughput of cached
 * score lookups (bench/results.md); with the header set it only answers If-None-Match with 304.
 * Weak, because equal scores serialised alike are equivalent, not byte-for-byte promises
 * (RFC 9110, section 8.8.1).
 */
export function jsonWithETag(c: Context, value: unknown): Response {
  const body = JSON.stringify(value);
  const digest = createHash('sha1').update(body).digest('hex');

  c.header('ETag', `W/"${digest}"`);
  return c.body(body, 200, { 'Content-Type': 'application/json' });
}
