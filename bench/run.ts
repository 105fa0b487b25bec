import { parseArgs } from 'node:util';
import { readBenchAccounts } from './bench-accounts.ts';
import { benchWarehouse } from './bench-warehouse.ts';
import { describeMachine } from './machine.ts';
import { writeReport } from './report.ts';
import type { Scenario, ScenarioResult } from './result.ts';
import { cachedLookups } from './scenarios/cached-lookups.ts';
import { coldLookups } from './scenarios/cold-lookups.ts';
import { extensionOverlay } from './scenarios/extension-overlay.ts';
import { memoryUnderLoad } from './scenarios/memory-under-load.ts';
import { scoreAll } from './scenarios/score-all.ts';
import { warehouseCost } from './scenarios/warehouse-cost.ts';

/**
 * `npm run bench`: every figure of bench/results.md from one run, each beside its baseline.
 * `--quick` runs a reduced version (1 000 accounts, short loads) in about a minute;
 * `--only <id>` runs one scenario (its results are printed, not written).
 */

const scenarios: Record<string, Scenario> = {
  'cached-lookups': cachedLookups,
  'cold-lookups': coldLookups,
  'score-all': scoreAll,
  'warehouse-cost': warehouseCost,
  'extension-overlay': extensionOverlay,
  'memory-under-load': memoryUnderLoad,
};

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const quick = values.quick ?? false;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const started = performance.now();

const warehouse = await benchWarehouse(quick ? 1_000 : 10_000, log);
log(`${warehouse.seededNow ? 'seeded' : 'reusing'} ${warehouse.path}`);
const accounts = await readBenchAccounts(warehouse.path);
const context = { quick, warehouse, accounts, log };

if (values.only && !scenarios[values.only]) {
  throw new Error(`no scenario ${values.only}; choose from ${Object.keys(scenarios).join(', ')}`);
}
const selected = values.only ? { [values.only]: scenarios[values.only]! } : scenarios;

const results: ScenarioResult[] = [];
for (const [id, scenario] of Object.entries(selected)) {
  log(`${id}: starting`);
  results.push(await scenario(context));
}

const machine = await describeMachine();
const seconds = (performance.now() - started) / 1000;
if (values.only) {
  process.stdout.write(`${JSON.stringify({ machine, results }, null, 2)}\n`);
} else {
  const written = await writeReport({ machine, quick, warehouse, seconds, results });
  log(`wrote ${written.join(' and ')} in ${Math.round(seconds)} s`);
}
