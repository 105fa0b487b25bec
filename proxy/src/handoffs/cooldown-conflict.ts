import type { Handoff } from '@upsignal/shared';
import { HttpProblem } from '../http/http-problem.ts';

/**
 * The 409 a second handoff of one account and play meets within the cooldown. The detail says
 * who handed it off, when and where, so the seller can join that thread instead; the earlier
 * handoff itself (with its Slack permalink) rides along in the problem's `handoff` field.
 */
export function cooldownConflict(
  earlier: Handoff,
  accountName: string,
  playTitle: string,
  cooldownDays: number,
): HttpProblem {
  const when = utcMinute(earlier.createdAt);
  const where = earlier.channel ? ` to ${earlier.channel}` : '';
  const link = earlier.permalink ? ` See ${earlier.permalink}.` : '';
  const until = utcMinute(new Date(Date.parse(earlier.createdAt) + cooldownDays * 86_400_000));

  return new HttpProblem(
    409,
    'Handoff cooldown',
    `${earlier.requestedBy} handed ${accountName} off${where} for "${playTitle}" on ${when}.` +
      `${link} The same play can be handed off again after ${until} ` +
      `(cooldown ${cooldownDays} days).`,
    { handoff: earlier },
  );
}

/** '2026-12-03T09:41:07.120Z' → '2026-12-03 09:41 UTC'. */
function utcMinute(moment: string | Date): string {
  const iso = typeof moment === 'string' ? new Date(moment).toISOString() : moment.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}
