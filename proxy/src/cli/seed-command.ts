import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { loadConfig } from '../config/scoring-config.ts';
import { seedDemoWarehouse } from '../demo/demo-seed.ts';
import { openDuckDbWarehouse } from '../warehouse/duckdb-adapter.ts';
import { outputTableStatements } from '../warehouse/schema.ts';
import { resolveTables } from '../warehouse/table-names.ts';
import type { CliContext } from './cli-context.ts';
import { CliError } from './cli-error.ts';

const MAX_ACCOUNTS = 100_000;

/**
 * `upsignal seed`: builds a demo warehouse of any size, for benchmarks and larger demos
 * (10 000 accounts is about 12 million events). An existing file is a company's data until
 * proven otherwise, so it is only replaced with --force.
 */
export function registerSeed(program: Command, context: CliContext) {
  program
    .command('seed')
    .description('build a demo DuckDB warehouse (UPSIGNAL_DUCKDB_PATH unless --path)')
    .option('--accounts <n>', `accounts to generate (10 to ${MAX_ACCOUNTS})`, accountCount, 60)
    .option('--path <file>', 'the DuckDB file to write')
    .option('--today <date>', 'the day the data ends before (YYYY-MM-DD)', isoDay)
    .option('--force', 'replace the file if it exists')
    .action(
      async (options: { accounts: number; path?: string; today?: string; force?: boolean }) => {
        const env = context.env();
        const path = options.path ?? env.UPSIGNAL_DUCKDB_PATH;
        if (existsSync(path) && !options.force) {
          throw new CliError(`${path} exists; add --force to replace it`);
        }
        await rm(path, { force: true });
        await rm(`${path}.wal`, { force: true });

        const tables = resolveTables((await loadConfig(env.UPSIGNAL_CONFIG)).warehouse?.tables);
        const warehouse = await openDuckDbWarehouse(path);
        const bar = new SingleBar(
          {
            stream: process.stderr,
            format: 'seeding {bar} {value}/{total} steps ({step})',
            // Logs and CI are not terminals; they still get a line now and then.
            noTTYOutput: true,
            notTTYSchedule: 5_000,
          },
          Presets.shades_classic,
        );
        const started = performance.now();

        try {
          bar.start(1, 0, { step: 'tables' });
          await seedDemoWarehouse(warehouse, tables, {
            accounts: options.accounts,
            today: options.today ?? new Date().toISOString().slice(0, 10),
            onProgress: (done, total, step) => {
              bar.setTotal(total);
              bar.update(done, { step });
            },
          });
          await warehouse.run(outputTableStatements(tables), { label: 'create output tables' });
          bar.stop();

          const events = await warehouse.query(`SELECT COUNT(*) AS n FROM ${tables.tracks}`, [], {
            label: 'seed summary',
          });
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          process.stdout.write(
            `Seeded ${path}: ${options.accounts} accounts, ` +
              `${events[0]?.n} events in ${seconds} s\n`,
          );
        } finally {
          bar.stop();
          await warehouse.close();
        }
      },
    );
}

function accountCount(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 10 || parsed > MAX_ACCOUNTS) {
    throw new InvalidArgumentError(`a whole number from 10 to ${MAX_ACCOUNTS}`);
  }
  return parsed;
}

function isoDay(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new InvalidArgumentError('a day as YYYY-MM-DD');
  }
  return value;
}
