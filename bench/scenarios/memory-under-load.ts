import { spread } from '../bench-accounts.ts';
import { type BenchProxy, scorePath, startBenchProxy } from '../bench-proxy.ts';
import type { MemorySample } from '../children/child-protocol.ts';
import { type LoadResult, runLoad } from '../load.ts';
import { figure, type Scenario } from '../result.ts';
import { median } from '../stats.ts';

/**
 * The proxy's own memory (it runs in a child process) at idle, under 200 sustained connections
 * and after the load, with every failed request counted. Two loads: cached lookups of a warm
 * set of accounts on every connection, then the same with COLD_CONNECTIONS of the 200 asking
 * only for accounts nobody has looked up yet, so warehouse queries run beside the hits.
 */

const CONNECTIONS = 200;
const COLD_CONNECTIONS = 10;
const WARM_ACCOUNTS = 50;
const SAMPLE_EVERY_MS = 500;
const DRAIN_TIMEOUT_MS = 120_000;

export const memoryUnderLoad: Scenario = async ({ quick, warehouse, accounts, log }) => {
  const seconds = quick ? 4 : 20;
  const quietMs = quick ? 1_000 : 2_000;
  const warm = spread(accounts, WARM_ACCOUNTS, 5).map((account) => scorePath(account.salesforceId));
  const cold = accounts
    .map((account) => scorePath(account.salesforceId))
    .filter((path) => !warm.includes(path));
  const proxy = await startBenchProxy(warehouse.path);

  try {
    const atStart = await settledMemory(proxy, quietMs);
    for (const path of warm) {
      const response = await proxy.get(path);
      if (response.status !== 200) throw new Error(`warming: ${response.status} ${response.text}`);
    }
    const idle = await settledMemory(proxy, quietMs);

    let turn = 0;
    const cachedPath = () => warm[turn++ % warm.length]!;
    let coldAsked = 0;
    const coldPath = () => (coldAsked < cold.length ? cold[coldAsked++]! : cachedPath());
    const base = { url: proxy.url, durationSeconds: seconds, headers: proxy.headers };

    log(`memory: cached load, ${CONNECTIONS} connections, ${seconds} s`);
    const cached = await sampledWhile(proxy, async () => [
      await runLoad({ ...base, connections: CONNECTIONS, nextPath: cachedPath }),
    ]);
    log(`memory: mixed load, ${COLD_CONNECTIONS} of the connections on cold accounts`);
    const mixed = await sampledWhile(proxy, () =>
      Promise.all([
        runLoad({ ...base, connections: CONNECTIONS - COLD_CONNECTIONS, nextPath: cachedPath }),
        runLoad({ ...base, connections: COLD_CONNECTIONS, nextPath: coldPath }),
      ]),
    );
    // Lookups the load generator stopped waiting for still finish their queries in the proxy.
    await drained(proxy, WARM_ACCOUNTS + coldAsked);
    const after = await settledMemory(proxy, quietMs);

    const mib = (bytes: number) => bytes / 2 ** 20;
    const peak = (key: keyof MemorySample, ...runs: { samples: MemorySample[] }[]) =>
      mib(Math.max(...runs.flatMap((run) => run.samples.map((sample) => sample[key]))));
    const atIdle = 'idle, warm cache';
    const sent = 'requests sent';

    return {
      id: 'memory-under-load',
      title: 'Proxy under 200 connections',
      method:
        `The proxy in its own process; ${CONNECTIONS} connections for ${seconds} s on cached ` +
        `lookups of ${WARM_ACCOUNTS} accounts, then ${seconds} s with ${COLD_CONNECTIONS} of ` +
        `them asking only for never-seen accounts (${coldAsked} cold lookups). Memory sampled ` +
        `every ${SAMPLE_EVERY_MS} ms under load; idle (warm cache) and after-load are medians of ` +
        'three samples taken after a full garbage collection once the proxy is quiet. Failed = ' +
        'socket errors, timeouts (10 s) and non-2xx answers.',
      figures: [
        figure('RSS, peak under cached load', 'MiB', peak('rss', cached), atIdle, mib(idle.rss)),
        figure('RSS, peak under mixed load', 'MiB', peak('rss', mixed), atIdle, mib(idle.rss)),
        figure('RSS after load', 'MiB', mib(after.rss), atIdle, mib(idle.rss)),
        figure(
          'heap, peak under load',
          'MiB',
          peak('heapUsed', cached, mixed),
          atIdle,
          mib(idle.heapUsed),
        ),
        figure('heap after load', 'MiB', mib(after.heapUsed), atIdle, mib(idle.heapUsed)),
        figure(
          'failed requests, cached load',
          'requests',
          failed(cached.loads),
          sent,
          total(cached.loads),
        ),
        figure(
          'failed requests, mixed load',
          'requests',
          failed(mixed.loads),
          sent,
          total(mixed.loads),
        ),
      ],
      details: {
        atStart,
        idle,
        after,
        coldLookups: coldAsked,
        cached: cached.loads,
        mixed: { cachedConnections: mixed.loads[0], coldConnections: mixed.loads[1] },
        samples: { cached: cached.samples, mixed: mixed.samples },
      },
    };
  } finally {
    await proxy.stop();
  }
};

const failed = (loads: LoadResult[]) =>
  loads.reduce((sum, load) => sum + load.errors + load.non2xx, 0);
const total = (loads: LoadResult[]) => loads.reduce((sum, load) => sum + load.requests, 0);

async function sampledWhile(proxy: BenchProxy, run: () => Promise<LoadResult[]>) {
  const samples: MemorySample[] = [];
  let done = false;
  const sampling = (async () => {
    while (!done) {
      samples.push(await proxy.memory());
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  const loads = await run().finally(() => {
    done = true;
  });
  await sampling;
  return { loads, samples };
}

/** Waits until the proxy has answered `queries` score queries in all. */
async function drained(proxy: BenchProxy, queries: number) {
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  while ((await proxy.warehouseQueries('score')) < queries) {
    if (Date.now() > deadline) throw new Error(`the proxy did not finish ${queries} queries`);
    await sleep(250);
  }
}

/** Three samples, each after a full collection, once the proxy has been quiet a while. */
async function settledMemory(proxy: BenchProxy, quietMs: number): Promise<MemorySample> {
  await sleep(quietMs);
  const samples: MemorySample[] = [];
  for (let i = 0; i < 3; i++) {
    samples.push(await proxy.memory({ collect: true }));
    await sleep(quietMs / 2);
  }
  const pick = (key: keyof MemorySample) => median(samples.map((sample) => sample[key]));
  return {
    rss: pick('rss'),
    heapUsed: pick('heapUsed'),
    heapTotal: pick('heapTotal'),
    external: pick('external'),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
