import { useCallback, useRef, useState } from 'react';
import { type CardAlert, handoffFailureAlert, handoffOutcomeAlert } from './handoff-alert.ts';
import { newIdempotencyKey } from './idempotency-key.ts';
import type { ProxyClient } from './proxy-client.ts';
import { ProxyRequestError } from './proxy-request-error.ts';
import type { Play } from './vendor/upsignal-shared/index.ts';

export type HandoffInput = { accountId: string; play: Play; note: string; requester: string };

/**
 * Sends handoffs, one at a time. Each click gets a new idempotency key, except a click that
 * repeats a request whose outcome is unknown (no answer, or a 5xx): that one reuses the key, so
 * a handoff that did land is returned instead of posted twice.
 */
export function useHandoff(client: ProxyClient, addAlert: (alert: CardAlert) => void) {
  const [sending, setSending] = useState(false);
  const unanswered = useRef<{ request: string; key: string } | null>(null);
  const inFlight = useRef(false);

  const handOff = useCallback(
    async ({ accountId, play, note, requester }: HandoffInput) => {
      if (inFlight.current) return;

      const trimmedNote = note.trim();
      const request = JSON.stringify([accountId, play.id, trimmedNote]);
      const previous = unanswered.current;
      const key = previous?.request === request ? previous.key : newIdempotencyKey();
      unanswered.current = { request, key };

      inFlight.current = true;
      setSending(true);
      try {
        const response = await client.createHandoff({
          accountId,
          playId: play.id,
          ...(trimmedNote ? { note: trimmedNote } : {}),
          idempotencyKey: key,
          requester,
        });
        unanswered.current = null;
        addAlert(handoffOutcomeAlert(response, play.title));
      } catch (error) {
        if (error instanceof ProxyRequestError && error.isDefinitive) unanswered.current = null;
        addAlert(handoffFailureAlert(error));
      } finally {
        inFlight.current = false;
        setSending(false);
      }
    },
    [client, addAlert],
  );

  return { sending, handOff };
}
