import { type Handoff, handoffStates } from '@upsignal/shared';
import { z } from 'zod';
import type { Row } from '../warehouse/warehouse.ts';

/**
 * One row of the HANDOFFS outbox, as the warehouse returns it and as the delivery worker needs
 * it. The rendered Slack message is part of the row, so a retry after a restart posts exactly
 * what the seller asked for, even if the score has moved since.
 */

export const slackMessageSchema = z.object({
  text: z.string(),
  blocks: z.array(z.record(z.string(), z.unknown())),
});

export type SlackMessage = z.infer<typeof slackMessageSchema>;

export type StoredHandoff = Handoff & {
  idempotencyKey: string;
  message: SlackMessage | null;
  nextAttemptAt: string | null;
};

export const HANDOFF_COLUMNS =
  'id, idempotency_key, account_id, play_id, note, requested_by, state, channel, attempts, ' +
  'last_error, slack_ts, permalink, payload, created_at, next_attempt_at, delivered_at';

const text = z.string();
const optionalText = z.string().nullable();

const handoffRowSchema = z.object({
  id: text,
  idempotency_key: text,
  account_id: text,
  play_id: text,
  note: optionalText,
  requested_by: text,
  state: z.enum(handoffStates),
  channel: optionalText,
  attempts: z.coerce.number().int(),
  last_error: optionalText,
  slack_ts: optionalText,
  permalink: optionalText,
  payload: optionalText,
  created_at: text,
  next_attempt_at: optionalText,
  delivered_at: optionalText,
});

export function toStoredHandoff(row: Row): StoredHandoff {
  const parsed = handoffRowSchema.parse(row);

  return {
    id: parsed.id,
    idempotencyKey: parsed.idempotency_key,
    accountId: parsed.account_id,
    playId: parsed.play_id,
    note: parsed.note,
    requestedBy: parsed.requested_by,
    state: parsed.state,
    channel: parsed.channel,
    attempts: parsed.attempts,
    lastError: parsed.last_error,
    slackTs: parsed.slack_ts,
    permalink: parsed.permalink,
    createdAt: parsed.created_at,
    deliveredAt: parsed.delivered_at,
    message: parsed.payload === null ? null : slackMessageSchema.parse(JSON.parse(parsed.payload)),
    nextAttemptAt: parsed.next_attempt_at,
  };
}

/** The public shape: what the API returns, without the outbox's bookkeeping. */
export function toHandoff(stored: StoredHandoff): Handoff {
  const { idempotencyKey: _key, message: _message, nextAttemptAt: _next, ...handoff } = stored;
  return handoff;
}
