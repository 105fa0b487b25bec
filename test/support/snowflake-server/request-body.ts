import type { IncomingMessage } from 'node:http';
import { gunzipSync } from 'node:zlib';

/**
 * Reads a JSON request body. snowflake-sdk gzips bodies in a callback that can lose the race
 * with the request it belongs to (lib/http/base.js, prepareRequestOptions): the header may
 * say gzip while the bytes are plain JSON. So the bytes decide, not the header.
 */
export async function readJsonBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  if (raw.length === 0) return {};

  const gzipped = raw[0] === 0x1f && raw[1] === 0x8b;
  const text = (gzipped ? gunzipSync(raw) : raw).toString('utf8');
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
}

/** The token from `Authorization: Snowflake Token="…"`, the header every session call sends. */
export function snowflakeToken(request: IncomingMessage): string | null {
  const header = request.headers.authorization ?? '';
  const match = /^Snowflake Token="([^"]*)"$/.exec(header);
  return match ? match[1]! : null;
}
