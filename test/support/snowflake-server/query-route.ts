import { randomUUID } from 'node:crypto';
import { type BindValue, duckDbParameters, UnsupportedBind } from './binds.ts';
import { type QueryOutcome, type QueryResult, statusResult } from './duckdb-engine.ts';
import { type ServerContext, sessionParameters } from './server-context.ts';
import { runSessionStatement, statementTimeoutSeconds } from './session-statements.ts';
import type { Session } from './session-store.ts';
import { type Envelope, fail, failures, succeed } from './wire-format.ts';

/**
 * POST /queries/v1/query-request and GET /queries/<id>/result. A statement still running
 * after `inProgressAfterMs` is answered with 333334 and a result URL that the driver polls
 * (lib/connection/statement.js, buildResultRequestCallback), as Snowflake does after about
 * 45 seconds.
 */

export type QueryAnswer = Envelope | 'reset-socket' | 'no-answer';

const IN_PROGRESS_MESSAGE =
  'Asynchronous execution in progress. ' +
  'Use provided query id to perform query monitoring and management.';

export async function queryRequest(
  context: ServerContext,
  sessionToken: string | null,
  body: Record<string, unknown>,
): Promise<QueryAnswer> {
  const lookup = context.sessions.withSessionToken(sessionToken);
  if ('failure' in lookup) return fail(lookup.failure);
  const { session } = lookup;
  const sql = String(body.sqlText ?? '');

  if (context.faults.takeSocketReset()) return 'reset-socket';
  if (context.faults.takeSessionKill(sql)) {
    context.sessions.kill([session.id]);
    return fail(failures.sessionExpired());
  }

  context.stats.queries++;
  const queryId = randomUUID();
  const answer = execute(context, session, body, queryId);
  if (context.faults.withholds(sql)) {
    await answer;
    return 'no-answer';
  }
  return firstAnswer(context, queryId, answer);
}

export async function queryResult(
  context: ServerContext,
  sessionToken: string | null,
  queryId: string,
): Promise<QueryAnswer> {
  const lookup = context.sessions.withSessionToken(sessionToken);
  if ('failure' in lookup) return fail(lookup.failure);

  const answer = context.running.get(queryId);
  context.stats.resultPolls++;
  if (!answer) {
    return fail({ code: '000709', sqlState: '02000', message: `Statement ${queryId} not found` });
  }
  return firstAnswer(context, queryId, answer);
}

async function execute(
  context: ServerContext,
  session: Session,
  body: Record<string, unknown>,
  queryId: string,
): Promise<Envelope> {
  const sql = String(body.sqlText ?? '');
  const respond = (outcome: QueryOutcome): Envelope => {
    const record = { sessionId: session.id, sql, bindings: body.bindings ?? null };
    if ('failure' in outcome) {
      context.history.push({ ...record, outcome: { code: outcome.failure.code } });
      return fail(outcome.failure, queryId);
    }
    context.history.push({ ...record, outcome: 'success' });
    return succeed(resultData(outcome.result, session, queryId));
  };

  let params: BindValue[];
  try {
    params = duckDbParameters(body.bindings);
  } catch (error) {
    if (!(error instanceof UnsupportedBind)) throw error;
    return respond({ failure: failures.unsupported(error.message) });
  }

  const sessionOutcome = runSessionStatement(sql, session);
  if (sessionOutcome) {
    return respond(
      'status' in sessionOutcome ? { result: statusResult(sessionOutcome.status) } : sessionOutcome,
    );
  }

  const outcome = await context.engine.execute(sql, params, {
    timeoutSeconds: timeoutFor(session, body),
    hang: context.faults.shouldHang(sql),
    delayMs: context.faults.delayFor(sql),
  });
  return respond(outcome);
}

/** A statement-level STATEMENT_TIMEOUT_IN_SECONDS overrides the session's. */
function timeoutFor(session: Session, body: Record<string, unknown>): number {
  const parameters = (body.parameters ?? {}) as Record<string, unknown>;
  const statementLevel = Number(parameters.STATEMENT_TIMEOUT_IN_SECONDS);
  return Number.isInteger(statementLevel) ? statementLevel : statementTimeoutSeconds(session);
}

function resultData(result: QueryResult, session: Session, queryId: string) {
  return {
    parameters: sessionParameters,
    rowtype: result.rowtype,
    rowset: result.rowset,
    total: result.rowset.length,
    returned: result.rowset.length,
    queryId,
    databaseProvider: null,
    finalDatabaseName: session.context.database ?? null,
    finalSchemaName: session.context.schema ?? null,
    finalWarehouseName: session.context.warehouse ?? null,
    finalRoleName: session.context.role ?? 'PUBLIC',
    arrayBindSupported: false,
    statementTypeId: result.statementTypeId,
    version: 1,
    sendResultTime: Date.now(),
    queryResultFormat: 'json',
  };
}

/** The answer if it comes within `inProgressAfterMs`, otherwise "in progress" and a result
 * URL; the running statement is kept for polling until its answer has been delivered. */
async function firstAnswer(
  context: ServerContext,
  queryId: string,
  answer: Promise<Envelope>,
): Promise<Envelope> {
  let timer: NodeJS.Timeout | undefined;
  const inProgress = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), context.inProgressAfterMs);
  });

  const settled = await Promise.race([answer, inProgress]);
  clearTimeout(timer);
  if (settled) {
    context.running.delete(queryId);
    return settled;
  }

  context.running.set(queryId, answer);
  const pending = {
    queryId,
    getResultUrl: `/queries/${queryId}/result`,
    queryAbortsAfterSecs: 300,
  };
  return { ...succeed(pending, '333334'), message: IN_PROGRESS_MESSAGE };
}
