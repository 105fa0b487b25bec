import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchWarehouse } from './bench-warehouse.ts';
import { WORK_DIR } from './bench-warehouse.ts';
import type { Machine } from './machine.ts';
import type { Figure, ScenarioResult } from './result.ts';
import { round } from './stats.ts';

/**
 * bench/results.md (for people) and bench/results.json (for tools) from one run. A quick run
 * writes beside the seeded files in bench/.work/, so it never replaces the committed figures.
 */

export type Run = {
  machine: Machine;
  quick: boolean;
  warehouse: BenchWarehouse;
  seconds: number;
  results: ScenarioResult[];
};

const BENCH_DIR = import.meta.dirname;

export async function writeReport(run: Run): Promise<string[]> {
  const dir = run.quick ? WORK_DIR : BENCH_DIR;
  const name = run.quick ? 'results-quick' : 'results';
  await mkdir(dir, { recursive: true });

  const markdown = join(dir, `${name}.md`);
  const json = join(dir, `${name}.json`);
  await writeFile(markdown, renderMarkdown(run));
  await writeFile(json, `${JSON.stringify(run, null, 2)}\n`);
  return [markdown, json];
}

export function renderMarkdown(run: Run): string {
  const { machine } = run;
  const command = run.quick ? 'npm run bench -- --quick' : 'npm run bench';
  const when = machine.date.slice(0, 16).replace('T', ' ');
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${when} UTC by \`${command}\` in ${Math.round(run.seconds)} s, ` +
      `on commit ${machine.commit}.`,
    '',
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}`,
    `- Node.js ${machine.node}, DuckDB ${machine.duckdb}`,
    `- Warehouse: the demo data set, ${run.warehouse.accounts.toLocaleString('en-US')} accounts ` +
      `(\`${join('bench/.work', run.warehouse.path.split('/').pop()!)}\`)`,
    '',
    'Every figure sits beside a baseline measured in the same run on the same machine; the ratio',
    'is figure ÷ baseline. Absolute numbers move with the machine, ratios much less.',
    '',
    '| scenario | measure | Upsignal | baseline | baseline value | ratio |',
    '| --- | --- | ---: | --- | ---: | ---: |',
    ...run.results.flatMap((result) =>
      result.figures.map((entry) => tableRow(result.title, entry)),
    ),
    '',
    '## How each figure was measured',
    '',
    ...run.results.flatMap((result) => [`- **${result.title}**: ${result.method}`]),
    '',
  ];
  return lines.join('\n');
}

function tableRow(title: string, entry: Figure): string {
  const value = (amount: number) => `${format(amount)} ${entry.unit}`;
  const ratio = Number.isNaN(entry.ratio) ? 'n/a' : `${format(entry.ratio)}×`;
  const cells = [
    title,
    entry.measure,
    value(entry.value),
    entry.baseline,
    value(entry.baselineValue),
    ratio,
  ];
  return `| ${cells.join(' | ')} |`;
}

/** Counts exactly; measurements to three significant digits. */
function format(amount: number): string {
  const shown = Number.isInteger(amount) ? amount : round(amount);
  return shown.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
