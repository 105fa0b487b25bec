import type { Handoff, HandoffResponse, Play } from '@upsignal/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../messages/failure.ts';
import { type Outcome, OutcomeLine } from './handoff-outcome.tsx';
import { lastHandoffText } from './handoff-text.ts';
import type { OverlayHost } from './overlay-host.ts';

type Props = { host: OverlayHost; accountId: string; plays: Play[]; pageSignal: AbortSignal };

/** "Hand off to Slack": choose the play, add a note, send, and see what became of it. */
export function HandoffPanel({ host, accountId, plays, pageSignal }: Props) {
  const [open, setOpen] = useState(false);
  const [playId, setPlayId] = useState(plays[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [history, setHistory] = useState<Handoff[]>([]);
  const [historyVersion, setHistoryVersion] = useState(0);

  useEffect(() => {
    host.listHandoffs(accountId, pageSignal).then((result) => {
      // The history line is a courtesy: without it the panel still works, so a failure is quiet.
      if (result.ok && !pageSignal.aborted) setHistory(newestFirst(result.value.handoffs));
    });
  }, [host, accountId, pageSignal, historyVersion]);

  // One key per click on Send; "Retry" after a failure re-sends the same key, so the proxy
  // returns the handoff it may already have recorded instead of posting a second message.
  const submit = async (idempotencyKey: string) => {
    setSending(true);
    const trimmed = note.trim();
    const result = await host.createHandoff({
      accountId,
      playId,
      idempotencyKey,
      ...(trimmed ? { note: trimmed } : {}),
    });
    if (pageSignal.aborted) return;
    setSending(false);

    setOutcome(outcomeOf(result, idempotencyKey));
    if (result.ok || result.failure.kind === 'conflict') {
      setOpen(false);
      setNote('');
      setHistoryVersion((version) => version + 1);
    }
  };

  const latest = history[0];
  const titleOf = (id: string) => plays.find((play) => play.id === id)?.title ?? id;

  return (
    <section class="handoff" aria-label="Hand off to Slack">
      {!open && (
        <button
          type="button"
          class="button brand"
          data-testid="upsignal-handoff-open"
          disabled={plays.length === 0}
          title={plays.length === 0 ? 'Hand-offs follow a recommended play' : undefined}
          onClick={() => {
            setOutcome(null);
            setOpen(true);
          }}
        >
          Hand off to Slack
        </button>
      )}

      {open && (
        <form
          class="handoff-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit(crypto.randomUUID());
          }}
        >
          <label class="field">
            <span class="field-label">Play</span>
            <select
              data-testid="upsignal-handoff-play"
              value={playId}
              onChange={(event) => setPlayId(event.currentTarget.value)}
            >
              {plays.map((play) => (
                <option key={play.id} value={play.id}>
                  {play.title}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">Note for the channel (optional)</span>
            <textarea
              data-testid="upsignal-handoff-note"
              rows={3}
              maxLength={2000}
              value={note}
              onInput={(event) => setNote(event.currentTarget.value)}
            />
          </label>
          <div class="actions">
            <button type="button" class="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button
              type="submit"
              class="button brand"
              data-testid="upsignal-handoff-send"
              disabled={sending || !playId}
            >
              {sending ? 'Sending…' : 'Send'}
            </button>
          </div>
        </form>
      )}

      {outcome && <OutcomeLine outcome={outcome} onRetry={submit} sending={sending} />}

      {!outcome && latest && (
        <p class="muted small" data-testid="upsignal-last-handoff">
          {lastHandoffText(latest, titleOf(latest.playId))}
        </p>
      )}
    </section>
  );
}

function outcomeOf(result: Result<HandoffResponse>, idempotencyKey: string): Outcome {
  if (result.ok) return { kind: 'done', response: result.value };
  if (result.failure.kind === 'conflict') return { kind: 'already', failure: result.failure };
  return { kind: 'failed', failure: result.failure, idempotencyKey };
}

function newestFirst(handoffs: Handoff[]): Handoff[] {
  return [...handoffs].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
