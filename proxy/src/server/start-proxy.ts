import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Environment } from '../config/environment.ts';
import { loadConfig } from '../config/scoring-config.ts';
import { createApp } from '../http/app.ts';
import type { Logger } from '../observability/logger.ts';
import { createMetrics } from '../observability/metrics.ts';
import { instrumentWarehouse } from '../warehouse/instrumented-warehouse.ts';
import { openWarehouse } from '../warehouse/open-warehouse.ts';
import { resolveTables } from '../warehouse/table-names.ts';
import { writeSignals } from '../writeback/write-signals.ts';
import { scheduleWriteback } from '../writeback/writeback-schedule.ts';
import { answerClientErrors } from './client-errors.ts';
import { ensureDemoToken } from './demo-token.ts';

export type StartOptions = {
  env: Environment;
  log: Logger;
  /** Pins "today" for the scoring windows (tests); the real date otherwise. */
  today?: () => string;
};

export type RunningProxy = Awaited<ReturnType<typeof startProxy>>;

/** Opens the warehouse, builds the app and listens. Used by the CLI, the tests and benchmarks. */
export async function startProxy({ env, log, today }: StartOptions) {
  const config = await loadConfig(env.UPSIGNAL_CONFIG);
  const tables = resolveTables(config.warehouse?.tables);
  const metrics = createMetrics();

  const opened = await openWarehouse(env, tables, log);
  const warehouse = instrumentWarehouse(opened.warehouse, metrics, log);

  let parts: ReturnType<typeof createApp>;
  let demoToken: string | null;
  try {
    parts = createApp({
      env,
      config,
      tables,
      warehouse,
      log,
      metrics,
      ...(today ? { today } : {}),
    });

    // Tokens are re-read at start so the first request does not wait on the warehouse.
    await parts.tokens.refresh();
    demoToken =
      env.UPSIGNAL_WAREHOUSE === 'duckdb'
        ? await ensureDemoToken(parts.tokens, env.UPSIGNAL_DUCKDB_PATH)
        : null;
  } catch (error) {
    // A refused start must not keep the warehouse (and the embedded file's lock) open.
    await warehouse.close();
    throw error;
  }

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const instance = serve({ fetch: parts.app.fetch, port: env.PORT, hostname: env.HOST }, () =>
      resolve(instance),
    );
    instance.once('error', reject);
    // Without createServer options, @hono/node-server serves over node:http.
    answerClientErrors(instance as Server);
  });
  const { port } = server.address() as AddressInfo;
  const host = env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  // PORT=0 asks the system for a free port; the derived public URL learns it only now.
  if (env.PORT === 0 && env.PUBLIC_BASE_URL === `http://${host}:0`) {
    env.PUBLIC_BASE_URL = `http://${host}:${port}`;
  }

  // Background work starts once the proxy listens: handoffs an earlier process left pending
  // are delivered, and the scheduled write-back begins.
  await parts.handoffs.start();
  const writeback = scheduleWriteback({
    intervalMinutes: env.UPSIGNAL_WRITEBACK_INTERVAL_MINUTES,
    run: () => writeSignals({ service: parts.service, warehouse, tables }),
    log: log.child({ component: 'writeback' }),
  });

  return {
    ...parts,
    config,
    tables,
    metrics,
    warehouse,
    seeded: opened.seeded,
    demoToken,
    url: `http://${host}:${port}`,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await writeback.stop();
      await parts.handoffs.stop();
      await warehouse.close();
    },
  };
}
