import { DEFAULT_STATEMENT_TIMEOUT_SECONDS, type Session } from './session-store.ts';
import type { SnowflakeFailure } from './wire-format.ts';

/**
 * Statements that change the session rather than data, answered here because DuckDB has no
 * such thing: ALTER SESSION SET/UNSET and USE WAREHOUSE/DATABASE/SCHEMA/ROLE. Anything else
 * returns null and goes to the engine.
 */

export type SessionStatementOutcome = { status: string } | { failure: SnowflakeFailure };

const EXECUTED = 'Statement executed successfully.';

/** Snowflake caps STATEMENT_TIMEOUT_IN_SECONDS at 604800 (seven days). */
const MAX_STATEMENT_TIMEOUT_SECONDS = 604_800;

export function runSessionStatement(sql: string, session: Session): SessionStatementOutcome | null {
  const statement = sql.trim().replace(/;\s*$/, '');

  const set = /^ALTER\s+SESSION\s+SET\s+(.+)$/is.exec(statement);
  if (set) return setParameters(set[1]!, session);

  const unset = /^ALTER\s+SESSION\s+UNSET\s+(.+)$/is.exec(statement);
  if (unset) {
    for (const name of unset[1]!.split(',')) session.parameters.delete(name.trim().toUpperCase());
    return { status: EXECUTED };
  }

  const use = /^USE\s+(WAREHOUSE|DATABASE|SCHEMA|ROLE)\s+("[^"]+"|[\w$.]+)$/i.exec(statement);
  if (use) {
    const kind = use[1]!.toLowerCase() as keyof Session['context'];
    session.context[kind] = use[2]!;
    return { status: EXECUTED };
  }

  return null;
}

/** The statement timeout in force for a session, in seconds (0 means none). */
export function statementTimeoutSeconds(session: Session): number {
  const value = session.parameters.get('STATEMENT_TIMEOUT_IN_SECONDS');
  return value === undefined ? DEFAULT_STATEMENT_TIMEOUT_SECONDS : Number(value);
}

function setParameters(assignments: string, session: Session): SessionStatementOutcome {
  const pattern = /([A-Za-z_][\w$]*)\s*=\s*('(?:[^']|'')*'|[^\s,]+)/g;
  const parsed = [...assignments.matchAll(pattern)].map(([, name, value]) => ({
    name: name!.toUpperCase(),
    value: value!.startsWith("'") ? value!.slice(1, -1).replaceAll("''", "'") : value!,
  }));
  if (parsed.length === 0) return { failure: compilationError(`syntax error in '${assignments}'`) };

  for (const { name, value } of parsed) {
    if (name !== 'STATEMENT_TIMEOUT_IN_SECONDS') continue;
    const seconds = Number(value);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_STATEMENT_TIMEOUT_SECONDS) {
      return {
        failure: compilationError(`invalid value [${value}] for parameter '${name}'`),
      };
    }
  }

  for (const { name, value } of parsed) session.parameters.set(name, value);
  return { status: EXECUTED };
}

function compilationError(detail: string): SnowflakeFailure {
  return {
    code: '001003',
    sqlState: '42000',
    message: `SQL compilation error:\n${detail}`,
    data: { type: 'COMPILATION' },
  };
}
