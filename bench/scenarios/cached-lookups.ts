import { scorePath, startBenchProxy } from '../bench-proxy.ts';
import { startChild } from '../child-process.ts';
import { type LoadResult, runLoad } from '../load.ts';
import { figure, type Scenario } from '../result.ts';
import { median } from '../stats.ts';

/**
 * A cached score lookup against the cheapest possible JSON route: a bare Hono app on the same
 * server adapter answering a body of the same size. Both run in child processes and take the
 * same load, in alternating rounds so that a noisy neighbour hurts both alike.
 */

const BARE_HONO_CHILD = new URL('../children/bare-hono-child.ts', import.meta.url).pathname;
const CONNECTIONS = 50;

export const cachedLookups: Scenario = async ({ quick, warehouse, accounts, log }) => {
  const rounds = quick ? 1 : 3;
  const seconds = quick ? 3 : 10;
  const path = scorePath(accounts[0]!.salesforceId);

  const proxy = await startBenchProxy(warehouse.path);
  const warm = await proxy.get(path);
  if (warm.status !== 200) throw new Error(`warming ${path}: ${warm.status} ${warm.text}`);
  const bare = await startChild<{ url: string }>(BARE_HONO_CHILD, { BENCH_BODY: warm.text });

  try {
    const bareBody = await (await fetch(bare.ready.url + path)).text();
    if (bareBody.length !== warm.text.length) {
      throw new Error(`bodies differ in size: ${bareBody.length} and ${warm.text.length}`);
    }

    const proxyRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    for (let round = 1; round <= rounds; round++) {
      log(
        `cached lookups: round ${round}/${rounds}, ${CONNECTIONS} connections, ${seconds} s each`,
      );
      const options = {
        connections: CONNECTIONS,
        durationSeconds: seconds,
        headers: proxy.headers,
      };
      bareRuns.push(await runLoad({ ...options, url: bare.ready.url + path }));
      proxyRuns.push(await runLoad({ ...options, url: proxy.url + path }));
    }

    const failures = [...proxyRuns, ...bareRuns].filter((run) => run.errors + run.non2xx > 0);
    if (failures.length > 0)
      throw new Error(`failed requests under load: ${JSON.stringify(failures)}`);

    const throughput = median(proxyRuns.map((run) => run.requestsPerSecond));
    const bareThroughput = median(bareRuns.map((run) => run.requestsPerSecond));
    const p99 = median(proxyRuns.map((run) => run.latencyMs.p99));
    const bareP99 = median(bareRuns.map((run) => run.latencyMs.p99));
    const baseline = 'bare Hono JSON route, same body size';

    return {
      id: 'cached-lookups',
      title: 'Cached score lookups',
      method:
        `GET /v1/accounts/score for a cached account (${warm.text.length}-byte body), ` +
        `${CONNECTIONS} connections, ${seconds} s per run; the median of ${rounds} run(s) ` +
        'of each, taken in turns. The proxy writes its JSON request log (to /dev/null).',
      figures: [
        figure('throughput', 'req/s', throughput, baseline, bareThroughput, false),
        figure('p99 latency', 'ms', p99, baseline, bareP99),
      ],
      details: { bodyBytes: warm.text.length, proxyRuns, bareRuns },
    };
  } finally {
    await bare.stop();
    await proxy.stop();
  }
};
