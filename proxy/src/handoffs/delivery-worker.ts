import type { Logger } from '../observability/logger.ts';
import type { Metrics } from '../observability/metrics.ts';
import {
  type AttemptOutcome,
  afterFailure,
  afterSuccess,
  applied,
  type RetryPolicy,
} from './attempt-update.ts';
import type { HandoffGauge } from './handoff-gauge.ts';
import type { StoredHandoff } from './handoff-row.ts';
import type { AttemptUpdate, HandoffStore } from './handoff-store.ts';
import { SlackDeliveryError, toSlackDeliveryError } from './slack-failure.ts';
import type { SlackPoster } from './slack-poster.ts';

export type DeliveryWorkerOptions = RetryPolicy & {
  store: HandoffStore;
  poster: SlackPoster;
  gauge: HandoffGauge;
  metrics: Metrics;
  log: Logger;
};

const SWEEP_BATCH = 50;
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Delivers the HANDOFFS outbox to Slack. Rows are written before anything is sent; the worker
 * wakes when the earliest pending row is due (known from its own attempts, or asked of the
 * warehouse after each sweep), so an idle proxy costs no query. A restarted proxy sweeps at
 * start and picks up what an earlier process left pending.
 *
 * Attempts run one at a time in this process, so a row is never posted by two attempts at
 * once here. Replicas do not coordinate; see KeyedMutex for what that allows.
 */
export class DeliveryWorker {
  readonly #options: DeliveryWorkerOptions;
  #chain: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | null = null;
  #wakeAt = Number.POSITIVE_INFINITY;
  #stopped = true;
  /** Posted messages whose new state could not be saved yet: saved again, never re-posted. */
  readonly #unsaved = new Map<string, { row: StoredHandoff; update: AttemptUpdate }>();

  constructor(options: DeliveryWorkerOptions) {
    this.#options = options;
  }

  start() {
    this.#stopped = false;
    this.#wake(Date.now());
  }

  /** Stops waking up and waits for the attempt in flight, so its outcome is saved. */
  async stop() {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#chain;
  }

  /** Attempts one handoff now (a new click); resolves with the row after the attempt. */
  deliver(id: string): Promise<StoredHandoff | null> {
    return this.#serial(async () => {
      const row = await this.#options.store.byId(id);
      if (row?.state !== 'pending' || this.#stopped || this.#unsaved.has(id)) return row;
      return this.#attempt(row);
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#chain.then(work);
    this.#chain = run.catch(() => undefined);
    return run;
  }

  #wake(at: number) {
    if (this.#stopped || at >= this.#wakeAt) return;
    if (this.#timer) clearTimeout(this.#timer);

    this.#wakeAt = at;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now()));
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#wakeAt = Number.POSITIVE_INFINITY;
      this.#serial(() => this.#sweep()).catch((error) => {
        this.#options.log.error({ err: error }, 'handoff outbox sweep failed; retrying later');
        this.#wake(Date.now() + this.#options.backoffMs);
      });
    }, delay);
    this.#timer.unref();
  }

  async #sweep() {
    for (const { row, update } of this.#unsaved.values()) await this.#save(row, update);

    const { store } = this.#options;
    const due = await store.due(new Date(), SWEEP_BATCH);
    for (const row of due) {
      if (this.#stopped) return;
      await this.#attempt(row);
    }

    if (due.length === SWEEP_BATCH) return this.#wake(Date.now());
    const next = await store.nextDueAt();
    if (next !== null) this.#wake(Date.parse(next));
  }

  async #attempt(row: StoredHandoff): Promise<StoredHandoff> {
    const attempt = row.attempts + 1;
    const started = performance.now();

    let result: { outcome: AttemptOutcome; update: AttemptUpdate };
    let failure: SlackDeliveryError | null = null;
    try {
      if (!row.message || !row.channel) {
        throw new SlackDeliveryError('the handoff has no stored message or channel', false);
      }
      const posted = await this.#options.poster.post(row.channel, row.message);
      result = { outcome: 'sent', update: afterSuccess(attempt, posted) };
    } catch (error) {
      failure = toSlackDeliveryError(error, 'chat.postMessage', row.channel ?? '(no channel)');
      result = afterFailure(attempt, failure, this.#options);
    }

    const { outcome, update } = result;
    this.#options.metrics.handoffAttempts.inc({ outcome });
    this.#logAttempt(row, update, outcome, failure, performance.now() - started);

    await this.#save(row, update);
    if (update.nextAttemptAt) this.#wake(update.nextAttemptAt.getTime());
    return applied(row, update);
  }

  async #save(row: StoredHandoff, update: AttemptUpdate) {
    try {
      await this.#options.store.recordAttempt(row.id, update);
    } catch (error) {
      if (update.state !== 'sent') throw error;
      // The message is in Slack: posting again would duplicate it, so only the save is retried.
      this.#unsaved.set(row.id, { row, update });
      this.#options.log.error({ err: error, handoffId: row.id }, 'handoff sent but not saved');
      this.#wake(Date.now() + this.#options.backoffMs);
      return;
    }
    this.#unsaved.delete(row.id);
    this.#options.gauge.move(row.state, update.state);
  }

  /** One structured line per attempt; the message text and the bot token stay out. */
  #logAttempt(
    row: StoredHandoff,
    update: AttemptUpdate,
    outcome: AttemptOutcome,
    failure: SlackDeliveryError | null,
    ms: number,
  ) {
    const line = {
      handoffId: row.id,
      accountId: row.accountId,
      playId: row.playId,
      channel: row.channel,
      attempt: update.attempts,
      maxAttempts: this.#options.maxAttempts,
      outcome,
      ms: Math.round(ms),
      ...(update.slackTs ? { slackTs: update.slackTs } : {}),
      ...(failure ? { error: failure.message } : {}),
      ...(update.nextAttemptAt ? { retryInMs: update.nextAttemptAt.getTime() - Date.now() } : {}),
    };
    const level = outcome === 'sent' ? 'info' : outcome === 'failed' ? 'error' : 'warn';
    this.#options.log[level](line, 'handoff delivery attempt');
  }
}
