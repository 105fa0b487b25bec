import { ProxyRequestError } from './proxy-request-error.ts';
import { type HandoffResponse, handoffSchema } from './vendor/upsignal-shared/index.ts';

export type CardAlert = { type: 'success' | 'info' | 'warning' | 'danger'; message: string };

/** What the seller is told once the proxy has answered a handoff. */
export function handoffOutcomeAlert({ handoff }: HandoffResponse, playTitle: string): CardAlert {
  const channel = handoff.channel ? ` (${handoff.channel})` : '';
  const reason = handoff.lastError ?? 'no reason given';
  switch (handoff.state) {
    case 'sent':
      return { type: 'success', message: `Handed off to Slack${channel}: ${playTitle}.` };
    case 'pending':
      return {
        type: 'info',
        message: `Handoff queued: ${playTitle}. Upsignal keeps retrying the Slack post.`,
      };
    case 'recorded':
      return {
        type: 'info',
        message: `Handoff recorded: ${playTitle}. Slack is not set up, so nothing was posted.`,
      };
    case 'failed':
      return {
        type: 'danger',
        message: `The handoff is saved, but Slack refused it: ${reason}.`,
      };
  }
}

/** What the seller is told when the handoff request itself failed. */
export function handoffFailureAlert(error: unknown): CardAlert {
  const earlier = error instanceof ProxyRequestError ? earlierHandoff(error) : null;
  if (earlier) {
    return {
      type: 'warning',
      message: `Already handed off by ${earlier.requestedBy} on ${utcDate(earlier.createdAt)}.`,
    };
  }

  const reason = error instanceof Error ? error.message : String(error);
  return { type: 'danger', message: `The handoff did not go through. ${reason}` };
}

/** A 409 from the cooldown carries the earlier handoff of this account and play. */
function earlierHandoff(error: ProxyRequestError) {
  if (error.status !== 409 || error.problem?.handoff === undefined) return null;
  const parsed = handoffSchema.safeParse(error.problem.handoff);
  return parsed.success ? parsed.data : null;
}

function utcDate(timestamp: string): string {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? timestamp : date.toISOString().slice(0, 10);
}
