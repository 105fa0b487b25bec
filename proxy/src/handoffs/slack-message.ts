import { type ScoreResponse, toScoreView } from '@upsignal/shared';
import type { SlackMessage } from './handoff-row.ts';
import type { PlayContext } from './play-context.ts';
import type { RecordLink } from './record-links.ts';

export type HandoffMessageInput = {
  score: ScoreResponse;
  play: PlayContext;
  requester: string;
  note: string | null;
  links: RecordLink[];
};

/** Slack's limit for a header block's text. */
const HEADER_MAX = 150;

/**
 * The Block Kit message a handoff posts: who the account is, how close it is to its plan
 * limits and why, which play and why, who asked and what they added, and links back to the
 * CRM records. The texts come from the shared view model, so Slack says what the overlay and
 * the CRM card say.
 */
export function handoffMessage(input: HandoffMessageInput): SlackMessage {
  const { score, play, requester, note, links } = input;
  const view = toScoreView(score);
  const name = score.account.name;

  const gaugeLines = view.gauges.map(
    (gauge) =>
      `• ${gauge.label}: ${gauge.percentText} (${gauge.levelLabel}) · ${gauge.usageText} · ` +
      gauge.wallText,
  );
  const signalLines = view.firedSignals.map(
    (signal) => `• ${signal.label}: ${signal.valueText} (${signal.ruleText})`,
  );
  const firedText = play.fired
    ? 'This play fires on the current data.'
    : 'This play does not fire on the current data; the seller chose it.';

  const blocks: SlackMessage['blocks'] = [
    { type: 'header', text: plain(clip(`${name}: ${play.title}`, HEADER_MAX)) },
    {
      type: 'section',
      fields: [
        mrkdwn(`*Plan*\n${escapeMrkdwn(score.account.plan ?? 'No plan')}`),
        mrkdwn(`*Score*\n${view.score} · ${escapeMrkdwn(view.bandLabel)}`),
        mrkdwn(`*Handed off by*\n${escapeMrkdwn(requester)}`),
        mrkdwn(`*Play*\n${escapeMrkdwn(play.title)}`),
      ],
    },
    section(`*Why*\n${escapeMrkdwn(play.why)}\n_${firedText}_`),
    section(`*Quota wall*\n${lines(gaugeLines, 'No metered limits on this plan.')}`),
    section(`*Signals that fired*\n${lines(signalLines, 'None.')}`),
  ];

  if (note) blocks.push(section(`*Note*\n${escapeMrkdwn(note)}`));
  if (links.length > 0) {
    const text = links.map((link) => `<${link.url}|${link.label}>`).join(' · ');
    blocks.push({ type: 'context', elements: [mrkdwn(text)] });
  }
  blocks.push({ type: 'context', elements: [mrkdwn(escapeMrkdwn(view.freshnessText))] });

  const text = `${name}: ${play.title} (score ${view.score}, ${view.bandLabel})`;
  return { text: escapeMrkdwn(text), blocks };
}

/**
 * Slack reads &, < and > as control characters in mrkdwn (links, @-mentions such as
 * <!channel>); user text must have them escaped, and only them. Source: Slack docs,
 * "Formatting text for app surfaces", section "Escaping text".
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function lines(items: string[], empty: string): string {
  return items.length > 0 ? items.map(escapeMrkdwn).join('\n') : empty;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const plain = (text: string) => ({ type: 'plain_text', text, emoji: false });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });
