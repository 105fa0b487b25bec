import type { ScoringConfig } from '@upsignal/shared';
import type { ScoreCache } from '../cache/score-cache.ts';
import { type Environment, EnvironmentError } from '../config/environment.ts';
import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import type { Tables } from '../warehouse/table-names.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { DeliveryWorker } from './delivery-worker.ts';
import { HandoffGauge } from './handoff-gauge.ts';
import { HandoffService } from './handoff-service.ts';
import { HandoffStore } from './handoff-store.ts';
import { createSlackPoster } from './slack-poster.ts';

export type HandoffDependencies = {
  env: Environment;
  config: ScoringConfig;
  tables: Tables;
  warehouse: Warehouse;
  cache: ScoreCache;
  metrics: Metrics;
  log: Logger;
};

export type Handoffs = ReturnType<typeof createHandoffs>;

/** The handoff capability: the outbox, its delivery worker (when Slack is set up) and the API. */
export function createHandoffs(deps: HandoffDependencies) {
  const { env, config, metrics } = deps;
  const log = deps.log.child({ component: 'handoffs' });
  const store = new HandoffStore(deps.warehouse, deps.tables);
  const gauge = new HandoffGauge(metrics);

  const token = env.SLACK_BOT_TOKEN;
  if (token) requireChannels(config, env.SLACK_DEFAULT_CHANNEL);
  const worker = token
    ? new DeliveryWorker({
        store,
        gauge,
        metrics,
        log,
        poster: createSlackPoster({
          token,
          apiUrl: env.SLACK_API_URL,
          timeoutMs: env.SLACK_TIMEOUT_MS,
          log,
        }),
        maxAttempts: env.UPSIGNAL_HANDOFF_MAX_ATTEMPTS,
        backoffMs: env.UPSIGNAL_HANDOFF_BACKOFF_MS,
      })
    : null;

  const service = new HandoffService({
    store,
    gauge,
    worker,
    cache: deps.cache,
    config,
    defaultChannel: env.SLACK_DEFAULT_CHANNEL,
    links: { salesforceBaseUrl: env.SALESFORCE_BASE_URL, hubspotPortalId: env.HUBSPOT_PORTAL_ID },
    waitMs: env.UPSIGNAL_HANDOFF_WAIT_MS,
  });

  return {
    service,
    /** Counts the outbox for /metrics, then delivers whatever an earlier process left pending. */
    async start() {
      await gauge.load(store);
      if (worker) worker.start();
      else log.info('Slack is not configured (no SLACK_BOT_TOKEN): handoffs are recorded only');
    },
    async stop() {
      await worker?.stop();
    },
  };
}

/** With Slack on, every play must have somewhere to go; found at start, not at the first click. */
function requireChannels(config: ScoringConfig, defaultChannel: string | undefined) {
  if (defaultChannel) return;

  const homeless = config.plays.filter((play) => !play.channel).map((play) => play.id);
  if (homeless.length === 0) return;
  throw new EnvironmentError(
    `invalid environment:\n  SLACK_DEFAULT_CHANNEL: required when SLACK_BOT_TOKEN is set, ` +
      `because these plays name no channel: ${homeless.join(', ')}`,
  );
}
