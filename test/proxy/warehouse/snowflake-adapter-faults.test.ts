import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  openSnowflakeWarehouse,
  type SnowflakeSettings,
} from '../../../proxy/src/warehouse/snowflake-adapter.ts';
import { type Warehouse, WarehouseError } from '../../../proxy/src/warehouse/warehouse.ts';
import { generateTestKeyPair } from '../../support/snowflake-server/index.ts';
import { type Fixture, PASSPHRASE, startFixture } from './snowflake-fixture.ts';

// What the adapter does when Snowflake or the network misbehaves, with the real driver against
// the double's fault switches. Each test opens its own one-session pool.

let fixture: Fixture;
const opened: Warehouse[] = [];

beforeAll(async () => {
  // Statements running longer than 300 ms go through the driver's result polling.
  fixture = await startFixture({ inProgressAfterMs: 300 });
});

afterEach(async () => {
  fixture.snowflake.server.faults.clear();
  await Promise.all(opened.splice(0).map((warehouse) => warehouse.close()));
});

afterAll(async () => {
  await fixture?.remove();
});

async function open(overrides: Partial<SnowflakeSettings> = {}): Promise<Warehouse> {
  const warehouse = await openSnowflakeWarehouse(fixture.settings({ poolMax: 1, ...overrides }));
  opened.push(warehouse);
  return warehouse;
}

function failureOf(promise: Promise<unknown>): Promise<WarehouseError> {
  return promise.then(
    () => expect.fail('expected the call to fail'),
    (error: unknown) => {
      expect(error).toBeInstanceOf(WarehouseError);
      return error as WarehouseError;
    },
  );
}

const server = () => fixture.snowflake.server;
const executions = (sql: string) => server().history.filter((entry) => entry.sql === sql);

describe('statement timeout', () => {
  it('ends a statement that hangs past a 1 s timeout with a timeout failure', async () => {
    const warehouse = await open({ statementTimeoutSeconds: 1 });
    server().faults.hangQueries(/hang_marker/);

    const failure = await failureOf(
      warehouse.query('SELECT 1 AS hang_marker', [], { label: 'slow-report' }),
    );

    expect(failure.failure).toBe('timeout');
    expect(failure.message).toBe(
      'Snowflake query "slow-report" timed out: Statement reached its statement or warehouse ' +
        'timeout of 1 second(s) and was canceled. (code 000630, SQL state 57014)',
    );
  });

  it('interrupts a long statement at the timeout and keeps the session for the next', async () => {
    const warehouse = await open({ statementTimeoutSeconds: 1 });
    const loginsBefore = server().stats.logins;
    const endless = `SELECT SUM(hash(a.range * b.range)) AS total
                     FROM range(1000000) a, range(1000000) b`;

    const failure = await failureOf(warehouse.query(endless, [], { label: 'cross-join' }));
    const after = await warehouse.query('SELECT 1 AS still_there', [], { label: 'after' });

    expect(failure.failure).toBe('timeout');
    expect(after).toEqual([{ still_there: 1 }]);
    expect(server().stats.logins).toBe(loginsBefore);
  });
});

describe('dead sessions', () => {
  it('replaces a pooled session that died and answers the query on the new one', async () => {
    const warehouse = await open();
    await warehouse.query('SELECT 1 AS warm', [], { label: 'warm' });
    const loginsBefore = server().stats.logins;

    expect(server().faults.killSessions()).toBe(1);
    const rows = await warehouse.query(
      'SELECT account_id FROM accounts WHERE account_id = ?',
      ['acc-1'],
      { label: 'after-kill' },
    );

    expect(rows).toEqual([{ account_id: 'acc-1' }]);
    expect(server().stats.logins).toBe(loginsBefore + 1);
    const live = server()
      .sessions()
      .filter((session) => session.state === 'open');
    expect(live).toHaveLength(1);
    expect(live[0]!.statementTimeoutSeconds).toBe(30);
  });

  it('retries once on a new session a query whose session died under it', async () => {
    const warehouse = await open();
    const loginsBefore = server().stats.logins;
    const sql = "SELECT 'survived' AS in_flight_marker";
    server().faults.killSessionOnNextQuery(/in_flight_marker/);

    const rows = await warehouse.query(sql, [], { label: 'in-flight' });

    expect(rows).toEqual([{ in_flight_marker: 'survived' }]);
    expect(server().stats.logins).toBe(loginsBefore + 1);
    expect(executions(sql).map((entry) => entry.outcome)).toEqual(['success']);
  });

  it('survives a connection reset mid-request: the driver re-sends and it runs once', async () => {
    const warehouse = await open();
    const sql = "SELECT 'resent' AS reset_marker";
    server().faults.resetNextQueries(1);

    const rows = await warehouse.query(sql, [], { label: 'reset' });

    expect(rows).toEqual([{ reset_marker: 'resent' }]);
    expect(executions(sql)).toHaveLength(1);
  });

  it('does not replay a batch whose session died after its first statement', async () => {
    const warehouse = await open();
    const create = 'CREATE TABLE replay_guard (x BIGINT)';
    server().faults.killSessionOnNextQuery(/INSERT INTO replay_guard/);

    const failure = await failureOf(
      warehouse.run([create, 'INSERT INTO replay_guard VALUES (1)'], { label: 'guarded-batch' }),
    );
    const rows = await warehouse.query('SELECT COUNT(*) AS n FROM replay_guard', [], {
      label: 'count',
    });

    expect(failure.failure).toBe('unavailable');
    expect(failure.message).toMatch(/^Snowflake is unavailable for "guarded-batch": /);
    expect(executions(create)).toHaveLength(1);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('lost answers', () => {
  it('gives up after twice the timeout plus 10 s and does not repeat the write', async () => {
    const warehouse = await open({ statementTimeoutSeconds: 1 });
    await warehouse.run(['CREATE TABLE lost_answers (x BIGINT)'], { label: 'setup' });
    server().faults.withholdAnswers(/INSERT INTO lost_answers/);

    const failure = await failureOf(
      warehouse.query('INSERT INTO lost_answers VALUES (?)', [1], { label: 'record' }),
    );
    server().faults.clear();
    const rows = await warehouse.query('SELECT COUNT(*) AS n FROM lost_answers', [], {
      label: 'count',
    });

    expect(failure.failure).toBe('unavailable');
    expect(failure.message).toBe('Snowflake is unavailable for "record": no answer within 12 s');
    expect(rows).toEqual([{ n: 1 }]);
  }, 40_000);
});

describe('long-lived sessions', () => {
  it('renews an expired session token with the master token and carries on', async () => {
    const shortLived = await startFixture({ sessionTokenValiditySeconds: 1 });
    const warehouse = await openSnowflakeWarehouse(shortLived.settings({ poolMax: 1 }));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_200));

      const rows = await warehouse.query('SELECT 1 AS renewed', [], { label: 'renewal' });

      expect(rows).toEqual([{ renewed: 1 }]);
      expect(shortLived.snowflake.server.stats.renewals).toBe(1);
      expect(shortLived.snowflake.server.stats.logins).toBe(1);
    } finally {
      await warehouse.close();
      await shortLived.remove();
    }
  });

  it('polls for the result of a statement that outlasts the first answer', async () => {
    const warehouse = await open();
    const sql = 'SELECT COUNT(*) AS sevens FROM range(700) WHERE range % 7 = 0';
    server().faults.slowQueries(/sevens/, 800);
    const pollsBefore = server().stats.resultPolls;

    const rows = await warehouse.query(sql, [], { label: 'slow-but-fine' });

    expect(rows).toEqual([{ sevens: 100 }]);
    expect(server().stats.resultPolls).toBeGreaterThan(pollsBefore);
    expect(executions(sql)).toHaveLength(1);
  });
});

describe('logins', () => {
  it('refuses a key the user does not have, naming account and user but not the key', async () => {
    const stranger = await generateTestKeyPair({ passphrase: 'stranger passphrase' });
    const output = watchOutput();

    const failure = await failureOf(
      open({
        privateKeyPath: stranger.privateKeyPath,
        privateKeyPassphrase: 'stranger passphrase',
      }),
    );
    output.stop();
    await stranger.remove();

    expect(failure.failure).toBe('unavailable');
    expect(failure.message).toBe(
      'cannot log in to Snowflake account "UPSIGNAL_TEST" as user "UPSIGNAL_SERVICE": JWT token ' +
        'is invalid. Check SNOWFLAKE_ACCOUNT and SNOWFLAKE_ACCESS_URL, that SNOWFLAKE_USER has ' +
        'the public key of SNOWFLAKE_PRIVATE_KEY_PATH as its RSA_PUBLIC_KEY, and ' +
        'SNOWFLAKE_PRIVATE_KEY_PASSPHRASE if the key is encrypted.',
    );
    expect(server().stats.lastLoginRefusal).toBe(
      'signature does not match the registered public key',
    );
    expect(output.text()).toBe('');
  });

  it('refuses a user other than the key owner', async () => {
    const failure = await failureOf(open({ username: 'INTRUDER' }));

    expect(failure.failure).toBe('unavailable');
    expect(failure.message).toMatch(
      /^cannot log in to Snowflake account "UPSIGNAL_TEST" as user "INTRUDER": JWT token is/,
    );
    expect(server().stats.lastLoginRefusal).toBe('unknown user INTRUDER');
  });

  it('reports a wrong passphrase without repeating it', async () => {
    const failedLoginsBefore = server().stats.failedLogins;

    const failure = await failureOf(open({ privateKeyPassphrase: 'not-the-passphrase' }));

    expect(failure.failure).toBe('unavailable');
    expect(failure.message).toMatch(/^cannot log in to Snowflake account "UPSIGNAL_TEST" as user/);
    expect(failure.message).not.toContain('not-the-passphrase');
    expect(failure.message).not.toContain(PASSPHRASE);
    expect(server().stats.failedLogins).toBe(failedLoginsBefore);
  });
});

describe('refused connections', () => {
  it('fails to open with an unavailable failure naming account and user', async () => {
    await server().faults.refuseConnections();
    const failure = await failureOf(open()).finally(() => server().faults.acceptConnections());

    expect(failure.failure).toBe('unavailable');
    const port = new URL(server().url).port;
    expect(failure.message).toBe(
      'cannot log in to Snowflake account "UPSIGNAL_TEST" as user "UPSIGNAL_SERVICE": ' +
        `connect ECONNREFUSED 127.0.0.1:${port}. ` +
        'Check SNOWFLAKE_ACCOUNT and SNOWFLAKE_ACCESS_URL and that this host can reach Snowflake.',
    );
  }, 60_000);

  it('answers unavailable while refused, then recovers once Snowflake is back', async () => {
    const warehouse = await open();
    await warehouse.query('SELECT 1 AS warm', [], { label: 'warm' });

    await server().faults.refuseConnections();
    const failure = await failureOf(warehouse.query('SELECT 1 AS x', [], { label: 'score' }));
    await server().faults.acceptConnections();
    const rows = await warehouse.query('SELECT 2 AS back', [], { label: 'score' });

    expect(failure.failure).toBe('unavailable');
    expect(failure.message).toMatch(/^Snowflake is unavailable for "score": /);
    expect(rows).toEqual([{ back: 2 }]);
  }, 60_000);
});

/** Everything written to stdout and stderr until `stop`. */
function watchOutput() {
  const writes: string[] = [];
  const record = (chunk: unknown) => {
    writes.push(String(chunk));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(record);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(record);
  return {
    stop() {
      stdout.mockRestore();
      stderr.mockRestore();
    },
    text: () => writes.join(''),
  };
}
