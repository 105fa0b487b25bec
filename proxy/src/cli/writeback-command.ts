import { Presets, SingleBar } from 'cli-progress';
import { type Command, InvalidArgumentError } from 'commander';
import { createScoreService } from '../scoring/score-service.ts';
import {
  DEFAULT_BATCH_SIZE,
  type WritebackSummary,
  writeSignals,
} from '../writeback/write-signals.ts';
import type { CliContext } from './cli-context.ts';
import { openForCli } from './open-for-cli.ts';

/**
 * `upsignal writeback`: scores every account with one query and appends the run to
 * EXPANSION_SIGNALS. Progress goes to stderr and the summary to stdout, so the summary can be
 * piped or captured by a scheduler. On the embedded DuckDB file, stop the proxy first (one
 * writer) or let the proxy run it with UPSIGNAL_WRITEBACK_INTERVAL_MINUTES.
 */
export function registerWriteback(program: Command, context: CliContext) {
  program
    .command('writeback')
    .description('score every account and write one row each to EXPANSION_SIGNALS')
    .option('--batch-size <rows>', 'rows per INSERT statement', positiveInteger, DEFAULT_BATCH_SIZE)
    .action(async (options: { batchSize: number }) => {
      const env = context.env();
      const { config, tables, warehouse } = await openForCli(env, context.logger());
      const bar = new SingleBar(
        { stream: process.stderr, format: 'writing {bar} {value}/{total} rows', hideCursor: true },
        Presets.shades_classic,
      );

      try {
        const service = createScoreService({ warehouse, tables, config });
        const summary = await writeSignals({
          service,
          warehouse,
          tables,
          batchSize: options.batchSize,
          onProgress: (written, total) =>
            written === 0 ? bar.start(total, 0) : bar.update(written),
        });
        bar.stop();
        process.stdout.write(summaryText(summary, tables.expansionSignals));
      } finally {
        // Also after a failure: a running bar's timer would keep the process alive.
        bar.stop();
        await warehouse.close();
      }
    });
}

export function summaryText(summary: WritebackSummary, table: string): string {
  const fired = Object.entries(summary.fired)
    .filter(([, count]) => count > 0)
    .sort(([a, left], [b, right]) => right - left || a.localeCompare(b))
    .map(([id, count]) => `    ${id}: ${count}`);

  return [
    `Write-back run ${summary.runId}`,
    `  accounts scored: ${summary.accounts}`,
    `  rows written:    ${summary.rowsWritten} to ${table}`,
    `  time:            ${summary.seconds.toFixed(1)} s`,
    `  signals fired (accounts):`,
    ...(fired.length > 0 ? fired : ['    none']),
    '',
  ].join('\n');
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1 || parsed > 5000) {
    throw new InvalidArgumentError('a whole number from 1 to 5000');
  }
  return parsed;
}
