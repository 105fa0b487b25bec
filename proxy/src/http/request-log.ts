import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import { type AppEnv, principalName } from './app-env.ts';

/** One structured log line and one metrics sample per request; query strings stay out. */
export function requestLog(log: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> {
  return async function logRequest(c, next) {
    const started = performance.now();
    const requestLog = log.child({ requestId: c.get('requestId') });
    c.set('log', requestLog);

    await next();

    const route = routePath(c) || 'unmatched';
    const seconds = (performance.now() - started) / 1000;
    metrics.httpRequests.inc({ method: c.req.method, route, status: c.res.status });
    metrics.httpDuration.observe({ method: c.req.method, route }, seconds);

    const principal = c.get('principal');
    requestLog.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
        ...(principal ? { caller: principalName(principal) } : {}),
      },
      'request',
    );
  };
}
