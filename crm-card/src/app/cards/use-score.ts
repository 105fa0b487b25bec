import { useCallback, useEffect, useRef, useState } from 'react';
import { loadScore, type ScoreState } from './load-score.ts';
import type { ProxyClient } from './proxy-client.ts';

/** The score of one company, loaded on mount and again on every retry. */
export function useScore(
  client: ProxyClient,
  companyId: string,
  readCompanyDomain: () => Promise<string | null>,
): { state: ScoreState; retry: () => void } {
  const [state, setState] = useState<ScoreState>({ status: 'loading' });
  const latestRequest = useRef(0);

  const load = useCallback(async () => {
    // A slower answer to an earlier attempt (or another record) must not overwrite this one.
    const request = ++latestRequest.current;
    setState({ status: 'loading' });

    const next = await loadScore(client, companyId, readCompanyDomain);
    if (latestRequest.current === request) setState(next);
  }, [client, companyId, readCompanyDomain]);

  useEffect(() => {
    void load();
    return () => {
      latestRequest.current += 1;
    };
  }, [load]);

  const retry = useCallback(() => void load(), [load]);
  return { state, retry };
}
