import type { IncomingMessage, ServerResponse } from 'node:http';
import { login } from './login-route.ts';
import { type QueryAnswer, queryRequest, queryResult } from './query-route.ts';
import { readJsonBody, snowflakeToken } from './request-body.ts';
import type { ServerContext } from './server-context.ts';
import { closeSession, heartbeat, renewSession } from './session-routes.ts';
import { type Envelope, fail, succeed } from './wire-format.ts';

/**
 * Dispatches the REST calls snowflake-sdk 3.4 makes. Everything is answered with HTTP 200 and
 * Snowflake's JSON envelope, even a fault of the double itself: a 5xx would make the driver
 * retry for minutes instead of failing the test.
 */
export function createRouter(context: ServerContext) {
  return async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let answer: QueryAnswer;
    try {
      answer = await dispatch(context, request);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      answer = fail({
        code: '000603',
        sqlState: 'XX000',
        message: `test double fault: ${message}`,
      });
    }

    if (answer === 'reset-socket') {
      request.socket.destroy();
      return;
    }
    // A withheld answer: the socket stays open and silent until the server stops.
    if (answer === 'no-answer') return;

    const payload = JSON.stringify(answer);
    response.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(payload),
    });
    response.end(payload);
  };
}

async function dispatch(context: ServerContext, request: IncomingMessage): Promise<QueryAnswer> {
  const url = new URL(request.url ?? '/', 'http://snowflake.invalid');
  const body = await readJsonBody(request);
  const token = snowflakeToken(request);
  const route = `${request.method} ${url.pathname}`;

  switch (route) {
    case 'POST /session/v1/login-request':
      return login(context, url, body);
    case 'POST /session/heartbeat':
      return heartbeat(context, token);
    case 'POST /session/token-request':
      return renewSession(context, token, body);
    case 'POST /session':
      if (url.searchParams.get('delete') === 'true') return closeSession(context, token);
      return notFound(route);
    case 'POST /queries/v1/query-request':
      return queryRequest(context, token, body);
    case 'POST /telemetry/send':
      return succeed('Log Received');
  }

  const result = /^GET \/queries\/([\w-]+)\/result$/.exec(route);
  if (result) return queryResult(context, token, result[1]!);

  return notFound(route);
}

function notFound(route: string): Envelope {
  return fail({ code: '390400', message: `the test double does not serve ${route}` });
}
