import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDuckDbWarehouse } from '../../proxy/src/warehouse/duckdb-adapter.ts';

// The `upsignal` command line in its own process, as an operator runs it.

const root = fileURLToPath(new URL('../../', import.meta.url));
const execute = promisify(execFile);

let dir: string;
let dbPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'upsignal-cli-'));
  dbPath = join(dir, 'warehouse.duckdb');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(...args: string[]) {
  return execute(process.execPath, ['--import', 'tsx', 'proxy/src/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, UPSIGNAL_DUCKDB_PATH: dbPath, UPSIGNAL_LOG_LEVEL: 'silent' },
  });
}

async function failure(...args: string[]) {
  return cli(...args).then(
    () => {
      throw new Error(`expected "${args.join(' ')}" to fail`);
    },
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('upsignal seed', () => {
  it('builds a demo warehouse of the requested size with progress on stderr', async () => {
    const { stdout, stderr } = await cli('seed', '--accounts', '24', '--today', '2026-12-03');

    expect(stdout).toMatch(/^Seeded .*warehouse\.duckdb: 24 accounts, \d+ events in [\d.]+ s\n$/);
    expect(stderr).toContain('seeding');

    const warehouse = await openDuckDbWarehouse(dbPath);
    try {
      const [accounts] = await warehouse.query('SELECT COUNT(*) AS n FROM ACCOUNTS', [], {
        label: 'test',
      });
      expect(accounts?.n).toBe(24);
    } finally {
      await warehouse.close();
    }
  });

  it('refuses to replace existing warehouse without --force, without a stack trace', async () => {
    const refused = await failure('seed', '--accounts', '12');

    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`upsignal: ${dbPath} exists; add --force to replace it\n`);
  });

  it('refuses a size outside the supported range', async () => {
    const refused = await failure('seed', '--accounts', '5', '--force');

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('a whole number from 10 to 100000');
  });
});

describe('upsignal token', () => {
  it('issues a token once, lists it by fingerprint only, and revokes it', async () => {
    const issued = await cli('token', 'issue', '--email', 'ana@example.com', '--label', 'laptop');
    const token = issued.stdout.trim();

    expect(token).toMatch(/^ups_[A-Za-z0-9_-]{43}$/);
    expect(issued.stderr).toContain('it is not shown again');

    const listed = await cli('token', 'list');
    expect(listed.stdout).toMatch(/^[0-9a-f]{12} {2}ana@example\.com {2}laptop {2}active$/m);
    expect(listed.stdout).not.toContain(token);

    const revoked = await cli('token', 'revoke', 'ana@example.com');
    expect(revoked.stdout).toBe('revoked 1 token(s)\n');

    const after = await cli('token', 'list');
    expect(after.stdout).toMatch(/ana@example\.com {2}laptop {2}revoked /);
  });

  it('refuses an address that is not an email, naming it', async () => {
    const refused = await failure('token', 'issue', '--email', 'nope');

    expect(refused.stderr).toBe('upsignal: not an email address: nope\n');
  });
});
