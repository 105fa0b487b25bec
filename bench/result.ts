import type { BenchAccount } from './bench-accounts.ts';
import type { BenchWarehouse } from './bench-warehouse.ts';

/**
 * What every scenario returns: figures, each beside a baseline measured in the same run, and the
 * ratio between them. The ratios carry across machines; the absolute figures do not.
 */

export type Figure = {
  measure: string;
  unit: string;
  value: number;
  baseline: string;
  baselineValue: number;
  /** value / baselineValue. */
  ratio: number;
  /** Whether a smaller value is the better one (latency, bytes, queries, memory). */
  lowerIsBetter: boolean;
};

export type ScenarioResult = {
  id: string;
  title: string;
  /** How it was measured, in one or two sentences for the report. */
  method: string;
  figures: Figure[];
  /** Raw summaries for results.json. */
  details: Record<string, unknown>;
};

export type ScenarioContext = {
  quick: boolean;
  warehouse: BenchWarehouse;
  accounts: BenchAccount[];
  log(line: string): void;
};

export type Scenario = (context: ScenarioContext) => Promise<ScenarioResult>;

export function figure(
  measure: string,
  unit: string,
  value: number,
  baseline: string,
  baselineValue: number,
  lowerIsBetter = true,
): Figure {
  return {
    measure,
    unit,
    value,
    baseline,
    baselineValue,
    ratio: baselineValue === 0 ? Number.NaN : value / baselineValue,
    lowerIsBetter,
  };
}
