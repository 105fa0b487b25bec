import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ScoringConfig } from '@upsignal/shared';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { requestId } from 'hono/request-id';
import { authenticate } from '../auth/authenticate.ts';
import { RateLimiter } from '../auth/rate-limit.ts';
import { TokenStore } from '../auth/token-store.ts';
import { ScoreCache } from '../cache/score-cache.ts';
import type { Environment } from '../config/environment.ts';
import { createHandoffs } from '../handoffs/create-handoffs.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { createScoreService } from '../scoring/score-service.ts';
import type { Tables } from '../warehouse/table-names.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { AppEnv } from './app-env.ts';
import { HttpProblem, notFound } from './http-problem.ts';
import { problemResponse, toHttpProblem } from './problem-response.ts';
import { requestLog } from './request-log.ts';
import { handoffRoutes } from './routes/handoff-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { scoreRoutes } from './routes/score-routes.ts';

export const MAX_BODY_BYTES = 64 * 1024;

/** What each endpoint answers to, for the 405 that a wrong method gets (RFC 9110, 15.5.6). */
const allowedMethods: Record<string, string> = {
  '/healthz': 'GET, HEAD',
  '/metrics': 'GET, HEAD',
  '/v1/accounts/score': 'GET, HEAD',
  '/v1/accounts/scores': 'POST',
  '/v1/accounts/top': 'GET, HEAD',
  '/v1/handoffs': 'GET, HEAD, POST',
};

const DEMO_ROOT = fileURLToPath(new URL('../../../extension/dist/demo', import.meta.url));

export type AppDependencies = {
  env: Environment;
  config: ScoringConfig;
  tables: Tables;
  warehouse: Warehouse;
  log: Logger;
  metrics: Metrics;
  /** Pins "today" for the scoring windows (tests); the real date otherwise. */
  today?: () => string;
};

export function createApp(deps: AppDependencies) {
  const { env, log, metrics } = deps;

  const service = createScoreService({ ...deps, ...(deps.today ? { today: deps.today } : {}) });
  const cache = new ScoreCache({
    service,
    ttlSeconds: env.UPSIGNAL_CACHE_TTL_SECONDS,
    maxEntries: env.UPSIGNAL_CACHE_MAX_ACCOUNTS,
    onEvent: (event) => metrics.cacheEvents.inc({ event }),
  });
  const tokens = new TokenStore(deps.warehouse, deps.tables, env.UPSIGNAL_API_TOKEN);
  const limiter = new RateLimiter(env.UPSIGNAL_RATE_LIMIT_PER_MINUTE);
  const handoffs = createHandoffs({ ...deps, cache });

  const app = new Hono<AppEnv>();
  app.use(requestId({ limitLength: 64 }));
  app.use(requestLog(log, metrics));

  app.route('/', healthRoutes(deps.warehouse.kind, metrics));
  mountDemo(app);

  const v1 = new Hono<AppEnv>();
  v1.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpProblem(
          413,
          'Payload too large',
          `Bodies are limited to ${MAX_BODY_BYTES} bytes.`,
        );
      },
    }),
  );
  v1.use(async function readBody(c, next) {
    if (c.req.method === 'POST') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) {
        throw new HttpProblem(415, 'Unsupported media type', 'Send the body as application/json.');
      }
    }
    c.set('rawBody', c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.text());
    await next();
  });
  v1.use(
    authenticate({
      tokens,
      limiter,
      hubspotClientSecret: env.HUBSPOT_CLIENT_SECRET,
      publicBaseUrl: () => env.PUBLIC_BASE_URL,
    }),
  );
  v1.use('/accounts/*', etag({ weak: true }));
  v1.route('/accounts', scoreRoutes(cache));
  v1.route('/handoffs', handoffRoutes(handoffs.service));
  app.route('/v1', v1);

  app.notFound((c) => {
    const allow = allowedMethods[c.req.path];
    if (allow) {
      const detail = `${c.req.method} is not supported on ${c.req.path}; use ${allow}.`;
      return problemResponse(
        c,
        new HttpProblem(405, 'Method not allowed', detail, { headers: { Allow: allow } }),
      );
    }
    return problemResponse(
      c,
      notFound('No such endpoint. See /healthz, /metrics, /v1/accounts/* and /v1/handoffs.'),
    );
  });
  app.onError((error, c) => {
    const problem = toHttpProblem(error);
    if (problem.status >= 500 && !(error instanceof HttpProblem)) {
      (c.get('log') ?? log).error({ err: error }, 'request failed');
    }
    return problemResponse(c, problem);
  });

  return { app, cache, tokens, service, handoffs };
}

/** The demo record page, built with the extension, served as static files when present. */
function mountDemo(app: Hono<AppEnv>) {
  if (!existsSync(DEMO_ROOT)) return;

  const root = relative(process.cwd(), DEMO_ROOT) || '.';
  app.get('/demo', (c) => c.redirect('/demo/'));
  app.use(
    '/demo/*',
    serveStatic({ root, rewriteRequestPath: (path) => path.replace(/^\/demo/, '') }),
  );
}
