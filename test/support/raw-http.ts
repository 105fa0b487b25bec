import { Agent, request } from 'node:http';
import { connect } from 'node:net';

/**
 * HTTP requests exactly as written: any method, a path with escapes left as they are, any
 * header, a body with or without Content-Length. `fetch` normalises all of these, and hostile
 * clients do not.
 */

export type RawRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends the body chunked, without Content-Length. */
  chunked?: boolean;
};

export type RawResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
};

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export function rawRequest(baseUrl: string, input: RawRequest): Promise<RawResponse> {
  const url = new URL(baseUrl);
  const body = input.body === undefined ? undefined : Buffer.from(input.body);
  const headers: Record<string, string | number> = { ...input.headers };
  if (body && !input.chunked) headers['content-length'] = body.length;

  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: input.method,
        path: input.path,
        headers,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    if (body) outgoing.write(body);
    outgoing.end();
  });
}

/** Writes bytes that need not be HTTP at all and reads until the server closes. */
export function rawBytes(baseUrl: string, bytes: string): Promise<string> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) }, () => socket.end(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}
