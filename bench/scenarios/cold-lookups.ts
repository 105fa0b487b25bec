import { spread } from '../bench-accounts.ts';
import { scorePath, startBenchProxy } from '../bench-proxy.ts';
import { figure, type Scenario } from '../result.ts';
import { summarise } from '../stats.ts';

/**
 * A lookup that misses the cache, against the raw scoring statement (buildScoreQuery through
 * the same DuckDB adapter, in the same process) for the same accounts: the difference is what
 * the proxy adds to the warehouse's own work. Accounts are distinct and spread over the file,
 * and the two sides take turns going first, so neither profits from the other's warm pages.
 */

const WARM_UP_ACCOUNTS = 2;

export const coldLookups: Scenario = async ({ quick, warehouse, accounts, log }) => {
  const count = quick ? 8 : 30;
  const picked = spread(accounts, count + WARM_UP_ACCOUNTS, 7);
  const proxy = await startBenchProxy(warehouse.path);

  try {
    const proxyMs: number[] = [];
    const rawMs: number[] = [];
    for (const [index, account] of picked.entries()) {
      const lookup = { salesforceAccountId: account.salesforceId };
      const viaProxy = async () => {
        const started = performance.now();
        const response = await proxy.get(scorePath(account.salesforceId));
        if (response.status !== 200) throw new Error(`${response.status} ${response.text}`);
        return performance.now() - started;
      };
      const raw = async () => {
        const timing = await proxy.rawScore(lookup);
        if (timing.rows !== 1) throw new Error(`raw query gave ${timing.rows} rows`);
        return timing.ms;
      };

      const [first, second] = index % 2 === 0 ? [viaProxy, raw] : [raw, viaProxy];
      const a = await first();
      const b = await second();
      if (index < WARM_UP_ACCOUNTS) continue;
      proxyMs.push(index % 2 === 0 ? a : b);
      rawMs.push(index % 2 === 0 ? b : a);
      if (proxyMs.length % 10 === 0) log(`cold lookups: ${proxyMs.length}/${count}`);
    }

    const queries = await proxy.warehouseQueries('score');
    if (queries !== picked.length) {
      throw new Error(`expected one warehouse query per cold lookup, saw ${queries}`);
    }

    const viaProxy = summarise(proxyMs);
    const raw = summarise(rawMs);
    const baseline = 'raw scoring SQL, same adapter';
    return {
      id: 'cold-lookups',
      title: 'Cold score lookup',
      method:
        `GET /v1/accounts/score with an empty cache for ${count} distinct accounts (after ` +
        `${WARM_UP_ACCOUNTS} warm-up ones), against buildScoreQuery run through the proxy's own ` +
        'DuckDB adapter for the same accounts, in alternating order.',
      figures: [
        figure('median latency', 'ms', viaProxy.median, baseline, raw.median),
        figure('p95 latency', 'ms', viaProxy.p95, baseline, raw.p95),
      ],
      details: { proxyMs: viaProxy, rawMs: raw, accounts: count },
    };
  } finally {
    await proxy.stop();
  }
};
