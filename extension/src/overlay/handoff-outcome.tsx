import type { HandoffResponse } from '@upsignal/shared';
import type { Failure } from '../messages/failure.ts';
import { failureAdvice } from './failure-advice.ts';
import { alreadyHandedOffText, outcomeText } from './handoff-text.ts';

/** What the last click on Send led to. */
export type Outcome =
  | { kind: 'done'; response: HandoffResponse }
  | { kind: 'already'; failure: Failure }
  | { kind: 'failed'; failure: Failure; idempotencyKey: string };

type OutcomeProps = { outcome: Outcome; sending: boolean; onRetry(key: string): void };

export function OutcomeLine({ outcome, sending, onRetry }: OutcomeProps) {
  if (outcome.kind === 'done') {
    const { handoff } = outcome.response;
    const { tone, text } = outcomeText(handoff);
    return (
      <p class={`notice ${tone}`} data-testid="upsignal-handoff-outcome" data-state={handoff.state}>
        <span data-testid="upsignal-handoff-outcome-text">{text}</span>
        <SlackLink permalink={handoff.permalink} />
      </p>
    );
  }

  if (outcome.kind === 'already') {
    const earlier = outcome.failure.handoff;
    return (
      <p class="notice info" data-testid="upsignal-handoff-outcome" data-state="already">
        <span data-testid="upsignal-handoff-outcome-text">
          {earlier ? alreadyHandedOffText(earlier) : outcome.failure.message}
        </span>
        <SlackLink permalink={earlier?.permalink ?? null} />
      </p>
    );
  }

  // A 404 here means the proxy has no such account or no hand-off endpoint; the lookup advice
  // ("link this record in the warehouse") would mislead, so the proxy's own words are shown.
  const advice =
    outcome.failure.kind === 'not_found'
      ? { title: 'The hand-off was not accepted', detail: outcome.failure.message, action: null }
      : failureAdvice(outcome.failure);
  return (
    <div class="notice error" data-testid="upsignal-handoff-outcome" data-state="failed">
      <strong>{advice.title}</strong> {advice.detail}{' '}
      {advice.action === 'retry' && (
        <button
          type="button"
          class="button small"
          data-testid="upsignal-handoff-retry"
          disabled={sending}
          onClick={() => onRetry(outcome.idempotencyKey)}
        >
          Retry
        </button>
      )}
    </div>
  );
}

function SlackLink({ permalink }: { permalink: string | null }) {
  if (!permalink) return null;
  return (
    <a href={permalink} target="_blank" rel="noreferrer">
      Open in Slack
    </a>
  );
}
