/**
 * Switches a test flips to make the double misbehave the way Snowflake and its network do:
 * refused TCP connections, refused logins, sessions that die between or during requests,
 * connections reset mid-request and statements that never finish.
 */

export type FaultHooks = {
  killSessions(ids?: readonly number[]): number;
  stopListening(): Promise<void>;
  listenAgain(): Promise<void>;
};

export class Faults {
  rejectingLogins = false;
  private hangPattern: RegExp | null = null;
  private slowdowns: { matching: RegExp; delayMs: number }[] = [];
  private sessionKillsOnQuery: RegExp[] = [];
  private socketResetsOnQuery = 0;
  private withheld: RegExp[] = [];

  constructor(private readonly hooks: FaultHooks) {}

  /** Closes the listening socket and every open connection: new connections are refused
   * (ECONNREFUSED) until `acceptConnections`. */
  refuseConnections(): Promise<void> {
    return this.hooks.stopListening();
  }

  acceptConnections(): Promise<void> {
    return this.hooks.listenAgain();
  }

  /** Logins are answered with 390144 "JWT token is invalid." even with the right key. */
  rejectLogins(on = true): void {
    this.rejectingLogins = on;
  }

  /** Expires the given sessions, or all open ones, as Snowflake does when a session times
   * out: the next request on each gets 390112 and renewal fails. Returns how many died. */
  killSessions(ids?: readonly number[]): number {
    return this.hooks.killSessions(ids);
  }

  /** The session that sends the next matching query dies as the query arrives, so the query
   * fails with 390112 and never runs. */
  killSessionOnNextQuery(matching: RegExp = /[\s\S]*/): void {
    this.sessionKillsOnQuery.push(matching);
  }

  /** Each of the next `count` query requests has its socket destroyed without an answer. */
  resetNextQueries(count = 1): void {
    this.socketResetsOnQuery += count;
  }

  /** Matching statements run, but their answers never leave the server, as when the network
   * drops a response: the client cannot tell whether they ran. */
  withholdAnswers(matching: RegExp): void {
    this.withheld.push(matching);
  }

  /** Matching statements (all when `true`) never finish on their own: only the session's
   * statement timeout or the server's stop ends them. */
  hangQueries(matching: RegExp | true = true): void {
    this.hangPattern = matching === true ? /[\s\S]*/ : matching;
  }

  /** Matching statements wait `delayMs` before they run (the statement timeout still applies),
   * as a busy or cold warehouse makes them. */
  slowQueries(matching: RegExp, delayMs: number): void {
    this.slowdowns.push({ matching, delayMs });
  }

  /** Lifts the request-level faults; refused connections need `acceptConnections`. */
  clear(): void {
    this.rejectingLogins = false;
    this.hangPattern = null;
    this.slowdowns = [];
    this.sessionKillsOnQuery = [];
    this.socketResetsOnQuery = 0;
    this.withheld = [];
  }

  shouldHang(sql: string): boolean {
    return this.hangPattern?.test(sql) ?? false;
  }

  withholds(sql: string): boolean {
    return this.withheld.some((pattern) => pattern.test(sql));
  }

  delayFor(sql: string): number {
    return this.slowdowns.find(({ matching }) => matching.test(sql))?.delayMs ?? 0;
  }

  takeSessionKill(sql: string): boolean {
    const index = this.sessionKillsOnQuery.findIndex((pattern) => pattern.test(sql));
    if (index === -1) return false;
    this.sessionKillsOnQuery.splice(index, 1);
    return true;
  }

  takeSocketReset(): boolean {
    if (this.socketResetsOnQuery === 0) return false;
    this.socketResetsOnQuery--;
    return true;
  }
}
