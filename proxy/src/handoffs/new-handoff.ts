import { randomUUID } from 'node:crypto';
import type { HandoffRequest, PlayRule, ScoreResponse } from '@upsignal/shared';
import type { StoredHandoff } from './handoff-row.ts';
import { playContext } from './play-context.ts';
import { type RecordLinkSettings, recordLinks } from './record-links.ts';
import { handoffMessage } from './slack-message.ts';

export const NOT_CONFIGURED =
  'recorded; Slack not configured (set SLACK_BOT_TOKEN to post handoffs)';

export type NewHandoffInput = {
  request: HandoffRequest;
  requester: string;
  score: ScoreResponse;
  rule: PlayRule;
  /** False without SLACK_BOT_TOKEN: the row is `recorded` and never sent. */
  slackOn: boolean;
  defaultChannel?: string | undefined;
  links: RecordLinkSettings;
};

/**
 * The outbox row for a new click, with its Slack message rendered now from the score the
 * seller saw, and due at once. Without Slack it is `recorded` with the reason, never dropped.
 */
export function newHandoff(input: NewHandoffInput): StoredHandoff {
  const { request, requester, score, rule, slackOn } = input;
  const note = request.note ? request.note : null;
  const now = new Date().toISOString();
  const message = handoffMessage({
    score,
    play: playContext(rule, score),
    requester,
    note,
    links: recordLinks(score.account, input.links),
  });

  return {
    id: randomUUID(),
    idempotencyKey: request.idempotencyKey,
    accountId: score.account.accountId,
    playId: rule.id,
    note,
    requestedBy: requester,
    state: slackOn ? 'pending' : 'recorded',
    channel: rule.channel ?? input.defaultChannel ?? null,
    attempts: 0,
    lastError: slackOn ? null : NOT_CONFIGURED,
    slackTs: null,
    permalink: null,
    createdAt: now,
    deliveredAt: null,
    message,
    nextAttemptAt: slackOn ? now : null,
  };
}
