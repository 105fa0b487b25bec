import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ScoreResponse } from '@upsignal/shared';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDuckDbWarehouse } from '../../proxy/src/warehouse/duckdb-adapter.ts';
import { writeSignals } from '../../proxy/src/writeback/write-signals.ts';
import {
  seedTestWarehouse,
  startProxy,
  TEST_ACCOUNTS,
  type TestProxy,
  warehouseModes,
} from '../support/proxy-harness.ts';

// The write-back scores every account with one query and appends one EXPANSION_SIGNALS row per
// account per run. It runs against the real proxy's DuckDB warehouse, on the proxy's schedule,
// and as the `upsignal writeback` command in its own process.

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

type SignalRow = {
  run_id: string;
  computed_at: string;
  account_id: string;
  score: number;
  band: string;
  signals: string;
  plays: string;
  as_of: string | null;
};

describe.each(warehouseModes)('write-back on %s', (warehouse) => {
  let proxy: TestProxy;

  beforeAll(async () => {
    proxy = await startProxy({ warehouse });
  });

  afterAll(async () => {
    await proxy.stop();
  });

  function writeBack(batchSize?: number) {
    const { service, warehouse, tables } = proxy.proxy;
    return writeSignals({ service, warehouse, tables, ...(batchSize ? { batchSize } : {}) });
  }

  async function rowsOf(runId: string): Promise<SignalRow[]> {
    const rows = await proxy.proxy.warehouse.query(
      'SELECT * FROM EXPANSION_SIGNALS WHERE run_id = ? ORDER BY account_id',
      [runId],
      { label: 'test' },
    );
    return rows as SignalRow[];
  }

  describe('the write-back of the demo data set', () => {
    it('writes one row per account under a new run id, in batches', async () => {
      const progress: [number, number][] = [];
      const { service, warehouse, tables } = proxy.proxy;

      const summary = await writeSignals({
        service,
        warehouse,
        tables,
        batchSize: 25,
        onProgress: (written, total) => progress.push([written, total]),
      });
      const rows = await rowsOf(summary.runId);

      expect(summary).toMatchObject({ accounts: TEST_ACCOUNTS, rowsWritten: TEST_ACCOUNTS });
      expect(progress).toEqual([
        [0, 60],
        [25, 60],
        [50, 60],
        [60, 60],
      ]);
      expect(rows).toHaveLength(60);
      expect(new Set(rows.map((row) => row.account_id)).size).toBe(60);
      expect(new Set(rows.map((row) => row.computed_at))).toEqual(new Set([summary.computedAt]));
      expect(new Set(rows.map((row) => row.as_of))).toEqual(new Set(['2026-12-02']));

      const firedInRows: Record<string, number> = {};
      for (const row of rows) {
        for (const signal of JSON.parse(row.signals) as { id: string; fired: boolean }[]) {
          firedInRows[signal.id] = (firedInRows[signal.id] ?? 0) + (signal.fired ? 1 : 0);
        }
      }
      expect(summary.fired).toEqual(firedInRows);
      expect(summary.fired.dormancy).toBe(5);
    });

    it('appends a full new run on every rerun, with no account twice in a run', async () => {
      const [before] = await proxy.proxy.warehouse.query(
        'SELECT COUNT(*) AS n FROM EXPANSION_SIGNALS',
        [],
        { label: 'test' },
      );

      const first = await writeBack();
      const second = await writeBack();

      const [after] = await proxy.proxy.warehouse.query(
        'SELECT COUNT(*) AS n FROM EXPANSION_SIGNALS',
        [],
        { label: 'test' },
      );
      const repeated = await proxy.proxy.warehouse.query(
        `SELECT run_id, account_id FROM EXPANSION_SIGNALS
         GROUP BY run_id, account_id HAVING COUNT(*) > 1`,
        [],
        { label: 'test' },
      );
      expect(first.runId).not.toBe(second.runId);
      expect(Number(after!.n) - Number(before!.n)).toBe(2 * TEST_ACCOUNTS);
      expect(repeated).toEqual([]);
      expect((await rowsOf(first.runId)).map(withoutRun)).toEqual(
        (await rowsOf(second.runId)).map(withoutRun),
      );
    });

    it('writes what GET /v1/accounts/score returns for the same data', async () => {
      const { runId } = await writeBack();
      const rows = new Map((await rowsOf(runId)).map((row) => [row.account_id, row]));
      // One account of each demo archetype, from the seat wall to dormant.
      const sample = [
        'acc_00001',
        'acc_00002',
        'acc_00003',
        'acc_00004',
        'acc_00005',
        'acc_00007',
        'acc_00008',
        'acc_00011',
        'acc_00024',
        'acc_00028',
        'acc_00031',
        'acc_00039',
      ];

      for (const accountId of sample) {
        const response = await fetch(`${proxy.baseUrl}/v1/accounts/score?accountId=${accountId}`, {
          headers: { authorization: `Bearer ${proxy.token}` },
        });
        const api = (await response.json()) as ScoreResponse;
        const row = rows.get(accountId)!;

        expect({
          account: row.account_id,
          score: row.score,
          band: row.band,
          signals: JSON.parse(row.signals),
          plays: JSON.parse(row.plays),
          asOf: row.as_of,
        }).toEqual({
          account: accountId,
          score: api.score,
          band: api.band.id,
          signals: api.signals.map(({ id, value, fired }) => ({ id, value, fired })),
          plays: api.plays.map((play) => play.id),
          asOf: api.asOf,
        });
      }
    });
  });

  describe('the scheduled write-back', () => {
    it('runs inside the proxy every UPSIGNAL_WRITEBACK_INTERVAL_MINUTES', async () => {
      // 0.002 minutes is 120 ms: fractional minutes keep this test short.
      const scheduled = await startProxy({
        warehouse,
        env: { UPSIGNAL_WRITEBACK_INTERVAL_MINUTES: '0.002' },
      });
      try {
        const runs = await vi.waitFor(
          async () => {
            const found = await scheduled.proxy.warehouse.query(
              'SELECT run_id, COUNT(*) AS n FROM EXPANSION_SIGNALS GROUP BY run_id',
              [],
              { label: 'test' },
            );
            expect(found.length).toBeGreaterThanOrEqual(2);
            return found;
          },
          { timeout: 15_000, interval: 50 },
        );
        expect(new Set(runs.map((row) => Number(row.n)))).toEqual(new Set([TEST_ACCOUNTS]));
      } finally {
        await scheduled.stop();
      }
    });
  });
});

describe('upsignal writeback', () => {
  const cli = (dbPath: string) =>
    run(process.execPath, ['--import', 'tsx', 'proxy/src/main.ts', 'writeback'], {
      cwd: root,
      env: { ...process.env, UPSIGNAL_DUCKDB_PATH: dbPath, UPSIGNAL_LOG_LEVEL: 'silent' },
    });

  it('writes a run to the warehouse file and prints a summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upsignal-writeback-'));
    const dbPath = join(dir, 'warehouse.duckdb');
    try {
      await seedTestWarehouse(dbPath);

      const { stdout } = await cli(dbPath);

      expect(stdout).toMatch(/^Write-back run [0-9a-f-]{36}\n/);
      expect(stdout).toContain('  accounts scored: 60\n');
      expect(stdout).toContain('  rows written:    60 to EXPANSION_SIGNALS\n');
      expect(stdout).toMatch(/ {2}signals fired \(accounts\):\n( {4}[a-z_]+: \d+\n)+$/);

      const warehouse = await openDuckDbWarehouse(dbPath);
      const [count] = await warehouse.query('SELECT COUNT(*) AS n FROM EXPANSION_SIGNALS', [], {
        label: 'test',
      });
      await warehouse.close();
      expect(count!.n).toBe(60);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('explains the single writer when a running proxy holds the DuckDB file', async () => {
    const running = await startProxy();
    try {
      const failure = await cli(running.dbPath).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );

      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toBe(
        `upsignal: ${running.dbPath} is open in a running proxy; DuckDB allows one writer. ` +
          'Stop the proxy, run this command, then start it again.\n',
      );
    } finally {
      await running.stop();
    }
  });
});

function withoutRun({ run_id: _run, computed_at: _at, ...row }: SignalRow) {
  return row;
}
