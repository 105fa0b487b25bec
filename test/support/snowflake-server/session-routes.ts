import type { ServerContext } from './server-context.ts';
import { type Envelope, fail, succeed } from './wire-format.ts';

/**
 * The session endpoints besides login (snowflake-sdk lib/services/sf.js and
 * lib/connection/connection.js): the heartbeat the pool's testOnBorrow validation sends, the
 * session-token renewal, and the logout a destroyed connection sends.
 */

/** POST /session/heartbeat: answers only while the session lives. */
export function heartbeat(context: ServerContext, sessionToken: string | null): Envelope {
  const lookup = context.sessions.withSessionToken(sessionToken);
  if ('failure' in lookup) return fail(lookup.failure);

  context.stats.heartbeats++;
  return succeed(null);
}

/** POST /session/token-request with the master token: a fresh session token. */
export function renewSession(
  context: ServerContext,
  masterToken: string | null,
  body: Record<string, unknown>,
): Envelope {
  if (body.requestType !== 'RENEW')
    return fail({ code: '390100', message: 'Unsupported request.' });

  const lookup = context.sessions.renew(masterToken);
  if ('failure' in lookup) return fail(lookup.failure);

  context.stats.renewals++;
  const { session } = lookup;
  const now = Date.now();
  return succeed({
    sessionToken: session.sessionToken,
    validityInSecondsST: Math.round((session.sessionTokenExpiresAt - now) / 1000),
    masterToken: session.masterToken,
    validityInSecondsMT: Math.round((session.masterTokenExpiresAt - now) / 1000),
    sessionId: session.id,
  });
}

/** POST /session?delete=true: the logout; a dead session answers as dead, which the driver
 * accepts as logged out. */
export function closeSession(context: ServerContext, sessionToken: string | null): Envelope {
  const lookup = context.sessions.withSessionToken(sessionToken);
  if ('failure' in lookup) return fail(lookup.failure);

  context.sessions.close(lookup.session);
  context.stats.closedSessions++;
  return succeed(null);
}
