import { jwtProblem } from './jwt-verifier.ts';
import { type ServerContext, sessionParameters } from './server-context.ts';
import { type Envelope, fail, failures, succeed } from './wire-format.ts';

/**
 * POST /session/v1/login-request: key-pair (SNOWFLAKE_JWT) logins only. The body is
 * `{data: {ACCOUNT_NAME, LOGIN_NAME, AUTHENTICATOR, TOKEN, …}}` and the warehouse, database,
 * schema and role arrive in the query string (snowflake-sdk lib/services/sf.js).
 */
export function login(context: ServerContext, url: URL, body: Record<string, unknown>): Envelope {
  const data = (body.data ?? {}) as Record<string, unknown>;
  const refusal = loginRefusal(context, data);

  if (refusal) {
    context.stats.failedLogins++;
    context.stats.lastLoginRefusal = refusal;
    return fail(failures.jwtInvalid());
  }

  const session = context.sessions.open({
    warehouse: url.searchParams.get('warehouse') ?? undefined,
    database: url.searchParams.get('databaseName') ?? undefined,
    schema: url.searchParams.get('schemaName') ?? undefined,
    role: url.searchParams.get('roleName') ?? undefined,
  });
  context.stats.logins++;

  const now = Date.now();
  return succeed({
    token: session.sessionToken,
    validityInSeconds: Math.round((session.sessionTokenExpiresAt - now) / 1000),
    masterToken: session.masterToken,
    masterValidityInSeconds: Math.round((session.masterTokenExpiresAt - now) / 1000),
    sessionId: session.id,
    displayUserName: context.identity.user,
    serverVersion: '9.0.0',
    firstLogin: false,
    healthCheckInterval: 45,
    parameters: sessionParameters,
    sessionInfo: {
      databaseName: session.context.database ?? null,
      schemaName: session.context.schema ?? null,
      warehouseName: session.context.warehouse ?? null,
      roleName: session.context.role ?? 'PUBLIC',
    },
    idToken: null,
    mfaToken: null,
  });
}

function loginRefusal(context: ServerContext, data: Record<string, unknown>): string | null {
  const { account, user, publicKeyPem } = context.identity;

  if (context.faults.rejectingLogins) return 'logins are switched off by a test fault';
  if (data.AUTHENTICATOR !== 'SNOWFLAKE_JWT') {
    return `authenticator ${String(data.AUTHENTICATOR)} is not SNOWFLAKE_JWT`;
  }
  if (String(data.ACCOUNT_NAME ?? '').toUpperCase() !== account.toUpperCase()) {
    return `unknown account ${String(data.ACCOUNT_NAME)}`;
  }
  if (String(data.LOGIN_NAME ?? '').toUpperCase() !== user.toUpperCase()) {
    return `unknown user ${String(data.LOGIN_NAME)}`;
  }

  return jwtProblem(data.TOKEN, { account, user, publicKeyPem });
}
