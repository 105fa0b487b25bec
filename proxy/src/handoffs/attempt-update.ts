import type { StoredHandoff } from './handoff-row.ts';
import type { AttemptUpdate } from './handoff-store.ts';
import type { SlackDeliveryError } from './slack-failure.ts';
import type { PostedMessage } from './slack-poster.ts';

/** What an attempt led to, as counted in `upsignal_handoff_attempts_total{outcome}`. */
export type AttemptOutcome = 'sent' | 'rate_limited' | 'retry' | 'failed';

export type RetryPolicy = {
  maxAttempts: number;
  /** The first retry's delay; each later one doubles, up to MAX_BACKOFF_MS. */
  backoffMs: number;
};

export const MAX_BACKOFF_MS = 15 * 60_000;

export function afterSuccess(attempts: number, posted: PostedMessage): AttemptUpdate {
  return {
    state: 'sent',
    attempts,
    lastError: null,
    nextAttemptAt: null,
    slackTs: posted.ts,
    permalink: posted.permalink,
    deliveredAt: new Date(),
  };
}

/**
 * A failure is final when Slack's answer cannot change (a setup error) or the attempts are
 * used up; otherwise the next attempt waits an exponential backoff, and never less than the
 * Retry-After Slack sent with a 429 (Slack docs, "Rate limits": wait that many seconds).
 */
export function afterFailure(
  attempts: number,
  failure: SlackDeliveryError,
  policy: RetryPolicy,
): { outcome: AttemptOutcome; update: AttemptUpdate } {
  const unsent = { slackTs: null, permalink: null, deliveredAt: null, attempts };

  if (!failure.retryable || attempts >= policy.maxAttempts) {
    const gaveUp = failure.retryable ? ` (gave up after ${attempts} attempts)` : '';
    const update = { ...unsent, state: 'failed' as const, nextAttemptAt: null };
    return { outcome: 'failed', update: { ...update, lastError: failure.message + gaveUp } };
  }

  const backoff = Math.min(MAX_BACKOFF_MS, policy.backoffMs * 2 ** (attempts - 1));
  const wait = Math.max(backoff, failure.retryAfterMs ?? 0);
  return {
    outcome: failure.retryAfterMs !== null ? 'rate_limited' : 'retry',
    update: {
      ...unsent,
      state: 'pending',
      lastError: failure.message,
      nextAttemptAt: new Date(Date.now() + wait),
    },
  };
}

/** The row as it stands after an update, in the shape the API returns. */
export function applied(row: StoredHandoff, update: AttemptUpdate): StoredHandoff {
  return {
    ...row,
    state: update.state,
    attempts: update.attempts,
    lastError: update.lastError,
    slackTs: update.slackTs,
    permalink: update.permalink,
    deliveredAt: update.deliveredAt?.toISOString() ?? null,
    nextAttemptAt: update.nextAttemptAt?.toISOString() ?? null,
  };
}
