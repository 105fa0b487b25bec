import { spread } from '../bench-accounts.ts';
import { scorePath, startBenchProxy } from '../bench-proxy.ts';
import { figure, type Scenario } from '../result.ts';

/**
 * What the warehouse bill follows: statements run. Page views within one cache period, eight
 * at a time as a team of sellers makes them, and a list view's batch lookup, counted from the
 * proxy's own /metrics. Without a cache every page view would be one statement.
 */

const PAGE_VIEWS = 1_000;
const VIEWED_ACCOUNTS = 50;
const BATCH_SIZE = 50;
const CONCURRENT_VIEWS = 8;

export const warehouseCost: Scenario = async ({ warehouse, accounts, log }) => {
  const picked = spread(accounts, VIEWED_ACCOUNTS + BATCH_SIZE, 3);
  const viewed = picked.slice(0, VIEWED_ACCOUNTS);
  const listed = picked.slice(VIEWED_ACCOUNTS);
  const proxy = await startBenchProxy(warehouse.path);

  try {
    // Each account is viewed 20 times, in an order that mixes accounts like a team's day does.
    const views = Array.from({ length: PAGE_VIEWS }, (_, index) => viewed[(index * 7) % 50]!);
    const before = await proxy.warehouseQueries('score');
    let next = 0;
    const worker = async () => {
      while (next < views.length) {
        const account = views[next++]!;
        const response = await proxy.get(scorePath(account.salesforceId));
        if (response.status !== 200) throw new Error(`${response.status} ${response.text}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENT_VIEWS }, worker));
    const pageViewQueries = (await proxy.warehouseQueries('score')) - before;
    log(`warehouse cost: ${PAGE_VIEWS} page views cost ${pageViewQueries} queries`);

    const items = listed.map((account) => ({ salesforceAccountId: account.salesforceId }));
    const beforeBatch = await proxy.warehouseQueries('score');
    const batch = await proxy.post('/v1/accounts/scores', { items });
    const batchQueries = (await proxy.warehouseQueries('score')) - beforeBatch;
    const again = await proxy.post('/v1/accounts/scores', { items });
    const repeatQueries = (await proxy.warehouseQueries('score')) - beforeBatch - batchQueries;
    for (const response of [batch, again]) {
      const { results } = JSON.parse(response.text) as { results: { ok: boolean }[] };
      if (response.status !== 200 || results.filter((result) => result.ok).length !== BATCH_SIZE) {
        throw new Error(`batch lookup failed: ${response.status} ${response.text.slice(0, 300)}`);
      }
    }

    const noCache = '1 query per page view, no cache';
    return {
      id: 'warehouse-cost',
      title: 'Warehouse queries',
      method:
        `${PAGE_VIEWS} GET /v1/accounts/score page views over ${VIEWED_ACCOUNTS} accounts ` +
        `(${CONCURRENT_VIEWS} at a time) within one cache period, then POST /v1/accounts/scores ` +
        `with ${BATCH_SIZE} other accounts, twice; statements counted from ` +
        'upsignal_warehouse_queries_total{label="score"} on /metrics.',
      figures: [
        figure(`per ${PAGE_VIEWS} page views`, 'queries', pageViewQueries, noCache, PAGE_VIEWS),
        figure(`per ${BATCH_SIZE}-account batch`, 'queries', batchQueries, noCache, BATCH_SIZE),
        figure('per repeated batch', 'queries', repeatQueries, noCache, BATCH_SIZE),
      ],
      details: {
        pageViews: PAGE_VIEWS,
        viewedAccounts: VIEWED_ACCOUNTS,
        batchQueries,
        repeatQueries,
      },
    };
  } finally {
    await proxy.stop();
  }
};
