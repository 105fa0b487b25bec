import type { Handoff } from '@upsignal/shared';

/** Words for what became of a handoff, shared by the outcome line and the history line. */

export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

export type OutcomeTone = 'success' | 'info' | 'error';

export function outcomeText(handoff: Handoff): { tone: OutcomeTone; text: string } {
  const channel = handoff.channel ?? 'Slack';
  switch (handoff.state) {
    case 'sent':
      return { tone: 'success', text: `Sent to ${channel}.` };
    case 'pending':
      return { tone: 'info', text: `Queued: Upsignal will post it to ${channel} shortly.` };
    case 'recorded':
      return {
        tone: 'info',
        text: 'Recorded. Slack is not set up on the proxy, so no channel was notified.',
      };
    case 'failed':
      return {
        tone: 'error',
        text:
          `Slack did not take it (${handoff.lastError ?? 'no reason given'}). ` +
          'Ask your admin to check the Slack setup.',
      };
  }
}

export function alreadyHandedOffText(handoff: Handoff): string {
  return `Already handed off by ${handoff.requestedBy} on ${formatDay(handoff.createdAt)}.`;
}

export function lastHandoffText(handoff: Handoff, playTitle: string): string {
  const day = formatDay(handoff.createdAt);
  return `Last handoff: ${playTitle}, by ${handoff.requestedBy} on ${day} (${handoff.state}).`;
}
