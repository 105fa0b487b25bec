import type {
  Handoff,
  HandoffRequest,
  PlayRule,
  ScoreResponse,
  ScoringConfig,
} from '@upsignal/shared';
import type { ScoreCache } from '../cache/score-cache.ts';
import { badRequest, HttpProblem, notFound } from '../http/http-problem.ts';
import type { Logger } from '../observability/logger.ts';
import { cooldownConflict } from './cooldown-conflict.ts';
import type { DeliveryWorker } from './delivery-worker.ts';
import type { HandoffGauge } from './handoff-gauge.ts';
import { type StoredHandoff, toHandoff } from './handoff-row.ts';
import type { HandoffStore } from './handoff-store.ts';
import { KeyedMutex } from './keyed-mutex.ts';
import { newHandoff } from './new-handoff.ts';
import type { RecordLinkSettings } from './record-links.ts';

export type HandoffServiceOptions = {
  store: HandoffStore;
  cache: ScoreCache;
  config: ScoringConfig;
  gauge: HandoffGauge;
  /** Null when Slack is not configured: handoffs are recorded, not posted. */
  worker: DeliveryWorker | null;
  defaultChannel?: string | undefined;
  links: RecordLinkSettings;
  /** How long a new handoff's request waits for its first Slack attempt. */
  waitMs: number;
};

export type CreatedHandoff = { handoff: Handoff; created: boolean };

/**
 * Records handoffs in the outbox and hands them to the delivery worker. A click is written to
 * the warehouse before anything is sent, an idempotency key is answered with the handoff it
 * created, and a second handoff of one account and play within the cooldown is refused.
 */
export class HandoffService {
  readonly #options: HandoffServiceOptions;
  readonly #locks = new KeyedMutex();

  constructor(options: HandoffServiceOptions) {
    this.#options = options;
  }

  async create(request: HandoffRequest, requester: string, log: Logger): Promise<CreatedHandoff> {
    const rule = this.#playRule(request.playId);

    const { row, created } = await this.#locks.run(`key:${request.idempotencyKey}`, async () => {
      const existing = await this.#options.store.byKey(request.idempotencyKey);
      if (existing) return { row: replayOf(existing, request), created: false };
      return { row: await this.#record(request, requester, rule), created: true };
    });
    if (!created) return { handoff: toHandoff(row), created };

    const { id, accountId, playId, state } = row;
    log.info({ handoffId: id, accountId, playId, state }, 'handoff recorded');
    const settled = state === 'pending' ? await this.#firstAttempt(row, log) : row;
    return { handoff: toHandoff(settled), created };
  }

  async list(accountId: string): Promise<Handoff[]> {
    const score = await this.#score(accountId);
    const rows = await this.#options.store.listForAccount(score.account.accountId);
    return rows.map(toHandoff);
  }

  #playRule(playId: string): PlayRule {
    const rule = this.#options.config.plays.find((play) => play.id === playId);
    if (rule) return rule;

    const valid = this.#options.config.plays.map((play) => play.id).join(', ');
    throw badRequest(`Unknown play "${playId}". Valid plays: ${valid}.`, [
      { path: 'playId', message: `one of ${valid}` },
    ]);
  }

  /** Serialised per account and play as well, so the cooldown check and the insert hold here. */
  async #record(request: HandoffRequest, requester: string, rule: PlayRule) {
    const score = await this.#score(request.accountId);
    const { store, gauge, worker, defaultChannel, links } = this.#options;

    return this.#locks.run(`pair:${score.account.accountId}\u0000${rule.id}`, async () => {
      await this.#refuseDuringCooldown(score, rule);
      const slackOn = worker !== null;
      const row = newHandoff({ request, requester, score, rule, slackOn, defaultChannel, links });
      await store.insert(row);
      gauge.add(row.state);
      return row;
    });
  }

  /** From the score cache: a warm account costs no warehouse query. */
  async #score(accountId: string): Promise<ScoreResponse> {
    const { outcome } = await this.#options.cache.lookup({ kind: 'accountId', value: accountId });
    if (outcome.kind === 'found') return outcome.score;
    throw notFound(`No warehouse account has accountId "${accountId}".`);
  }

  async #refuseDuringCooldown(score: ScoreResponse, rule: PlayRule) {
    const days = this.#options.config.handoff.cooldownDays;
    if (days <= 0) return;

    const since = new Date(Date.now() - days * 86_400_000);
    const earlier = await this.#options.store.latestActive(score.account.accountId, rule.id, since);
    if (earlier) throw cooldownConflict(toHandoff(earlier), score.account.name, rule.title, days);
  }

  /** Waits a moment for Slack so the seller usually sees "sent"; the outbox carries on anyway. */
  async #firstAttempt(row: StoredHandoff, log: Logger): Promise<StoredHandoff> {
    const { worker, waitMs } = this.#options;
    if (!worker) return row;

    const delivered = worker.deliver(row.id).catch((error: unknown) => {
      log.warn({ err: error, handoffId: row.id }, 'first handoff attempt not settled');
      return null;
    });
    if (waitMs === 0) return row;

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitMs);
    });
    try {
      return (await Promise.race([delivered, timeout])) ?? row;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** A key names one click: reusing it for another account or play is a client bug. */
function replayOf(existing: StoredHandoff, request: HandoffRequest): StoredHandoff {
  if (existing.playId === request.playId && existing.accountId === request.accountId) {
    return existing;
  }
  throw new HttpProblem(
    422,
    'Idempotency key reused',
    `idempotencyKey "${request.idempotencyKey}" already named a handoff of account ` +
      `"${existing.accountId}" and play "${existing.playId}". Use a new key for each click.`,
  );
}
