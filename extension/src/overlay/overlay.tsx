import type { AccountLookup } from '@upsignal/shared';
import { useEffect, useState } from 'preact/hooks';
import { FailurePanel } from './failure-panel.tsx';
import type { OverlayHost } from './overlay-host.ts';
import { ScoreBody } from './score-body.tsx';
import { useScore } from './use-score.ts';

type Props = { host: OverlayHost; lookup: AccountLookup; pageSignal: AbortSignal };

/** The panel beside a CRM record: loading, the score, or what went wrong; collapsible. */
export function Overlay({ host, lookup: pageLookup, pageSignal }: Props) {
  // A seller who picks one of several matching accounts switches to a lookup by account id.
  const [lookup, setLookup] = useState(pageLookup);
  const [attempt, setAttempt] = useState(0);
  const [collapsed, setCollapsed] = useState<boolean | null>(null);
  const state = useScore(host, lookup, pageSignal, attempt);

  useEffect(() => {
    host.loadCollapsed().then(setCollapsed);
  }, [host]);

  if (collapsed === null) return null;

  const toggle = () => {
    setCollapsed(!collapsed);
    host.saveCollapsed(!collapsed);
  };

  if (collapsed) {
    return (
      <button
        type="button"
        class="tab"
        data-testid="upsignal-expand"
        aria-expanded="false"
        onClick={toggle}
      >
        <span class="brand-mark">Upsignal</span>
        {state.status === 'ready' && (
          <span class="tab-score" style={{ backgroundColor: state.score.band.colour }}>
            {state.score.score}
          </span>
        )}
      </button>
    );
  }

  return (
    <aside class="panel" data-testid="upsignal-panel" aria-label="Upsignal expansion signals">
      <header class="panel-header">
        <span class="brand-mark">Upsignal</span>
        <button
          type="button"
          class="icon-button"
          data-testid="upsignal-collapse"
          aria-expanded="true"
          title="Collapse"
          onClick={toggle}
        >
          –
        </button>
      </header>
      <div class="panel-body">
        {state.status === 'loading' && (
          <p class="loading" role="status" data-testid="upsignal-loading">
            <span class="spinner" aria-hidden="true" /> Loading expansion signals…
          </p>
        )}
        {state.status === 'failed' && (
          <FailurePanel
            failure={state.failure}
            host={host}
            onRetry={() => setAttempt(attempt + 1)}
            onChoose={(accountId) => setLookup({ kind: 'accountId', value: accountId })}
          />
        )}
        {state.status === 'ready' && (
          <ScoreBody score={state.score} host={host} pageSignal={pageSignal} />
        )}
      </div>
    </aside>
  );
}
