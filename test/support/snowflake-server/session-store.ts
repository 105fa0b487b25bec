import { randomBytes } from 'node:crypto';
import { failures, type SnowflakeFailure } from './wire-format.ts';

/**
 * Sessions as Snowflake keeps them: a session token for requests (renewable), a master token
 * to renew it, and session parameters set with ALTER SESSION. A session the test kills answers
 * like one that expired on the server: its session token is "expired" (390112) and renewal
 * with its master token is refused (390114), so the driver marks the connection terminated.
 */

/** Snowflake's default STATEMENT_TIMEOUT_IN_SECONDS: two days. */
export const DEFAULT_STATEMENT_TIMEOUT_SECONDS = 172_800;

export type SessionState = 'open' | 'killed' | 'closed';

export type Session = {
  id: number;
  state: SessionState;
  sessionToken: string;
  masterToken: string;
  sessionTokenExpiresAt: number;
  masterTokenExpiresAt: number;
  /** Session parameters by upper-case name, as ALTER SESSION SET left them. */
  parameters: Map<string, string>;
  context: { warehouse?: string; database?: string; schema?: string; role?: string };
};

export type SessionLookup = { session: Session } | { failure: SnowflakeFailure };

export type TokenLifetimes = { sessionSeconds: number; masterSeconds: number };

export class SessionStore {
  private readonly sessions = new Map<number, Session>();
  private readonly bySessionToken = new Map<string, Session>();
  private readonly byMasterToken = new Map<string, Session>();
  private nextId = 1_000_001;

  constructor(private readonly lifetimes: TokenLifetimes) {}

  open(context: Session['context']): Session {
    const now = Date.now();
    const session: Session = {
      id: this.nextId++,
      state: 'open',
      sessionToken: token('ST'),
      masterToken: token('MT'),
      sessionTokenExpiresAt: now + this.lifetimes.sessionSeconds * 1000,
      masterTokenExpiresAt: now + this.lifetimes.masterSeconds * 1000,
      parameters: new Map(),
      context,
    };
    this.sessions.set(session.id, session);
    this.bySessionToken.set(session.sessionToken, session);
    this.byMasterToken.set(session.masterToken, session);
    return session;
  }

  withSessionToken(sessionToken: string | null): SessionLookup {
    const session = sessionToken ? this.bySessionToken.get(sessionToken) : undefined;
    if (!session) return { failure: failures.sessionTokenInvalid() };
    if (session.state === 'closed') return { failure: failures.sessionGone() };
    if (session.state === 'killed') return { failure: failures.sessionExpired() };
    if (Date.now() >= session.sessionTokenExpiresAt) return { failure: failures.sessionExpired() };
    return { session };
  }

  /** A new session token for a live session (POST /session/token-request, RENEW). */
  renew(masterToken: string | null): SessionLookup {
    const session = masterToken ? this.byMasterToken.get(masterToken) : undefined;
    if (session?.state !== 'open' || Date.now() >= session.masterTokenExpiresAt) {
      return { failure: failures.masterTokenExpired() };
    }

    this.bySessionToken.delete(session.sessionToken);
    session.sessionToken = token('ST');
    session.sessionTokenExpiresAt = Date.now() + this.lifetimes.sessionSeconds * 1000;
    this.bySessionToken.set(session.sessionToken, session);
    return { session };
  }

  close(session: Session): void {
    session.state = 'closed';
  }

  /** Kills the given sessions, or every open one; returns how many died. */
  kill(ids?: readonly number[]): number {
    let killed = 0;
    for (const session of this.sessions.values()) {
      if (session.state !== 'open' || (ids && !ids.includes(session.id))) continue;
      session.state = 'killed';
      killed++;
    }
    return killed;
  }

  list(): Session[] {
    return [...this.sessions.values()];
  }
}

function token(prefix: string): string {
  return `${prefix}:${randomBytes(24).toString('base64url')}`;
}
