import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { memorySample, serveParent } from './child-protocol.ts';

/**
 * The floor for a cached lookup: a Hono app on @hono/node-server with one route that returns
 * a JSON body of the same size as the proxy's score response, serialised per request as the
 * proxy serialises its cached score.
 */

const body: unknown = JSON.parse(process.env.BENCH_BODY!);

const app = new Hono();
app.get('/v1/accounts/score', (c) => c.json(body));

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => {
  const { port } = server.address() as AddressInfo;
  serveParent(
    { url: `http://127.0.0.1:${port}` },
    { memory: (options) => memorySample(options) },
    async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  );
});
