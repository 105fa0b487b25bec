import type { AccountLookup, ScoreResponse } from '@upsignal/shared';
import { useEffect, useState } from 'preact/hooks';
import type { Failure } from '../messages/failure.ts';
import type { OverlayHost } from './overlay-host.ts';

export type ScoreState =
  | { status: 'loading' }
  | { status: 'ready'; score: ScoreResponse }
  | { status: 'failed'; failure: Failure };

/**
 * Loads the score for `lookup`, again whenever `attempt` changes (the retry button). Work still
 * running when the page navigates away (`pageSignal`) or the lookup changes is abandoned.
 */
export function useScore(
  host: OverlayHost,
  lookup: AccountLookup,
  pageSignal: AbortSignal,
  attempt: number,
): ScoreState {
  const [state, setState] = useState<ScoreState>({ status: 'loading' });

  useEffect(() => {
    const local = new AbortController();
    const signal = AbortSignal.any([pageSignal, local.signal]);
    setState({ status: 'loading' });

    host.getScore(lookup, signal).then((result) => {
      if (signal.aborted) return;
      setState(
        result.ok
          ? { status: 'ready', score: result.value }
          : { status: 'failed', failure: result.failure },
      );
    });

    return () => local.abort();
    // attempt is the retry trigger: a new value reloads the same lookup.
  }, [host, lookup.kind, lookup.value, pageSignal, attempt]);

  return state;
}
