import { type ScoreResponse, toScoreView } from '@upsignal/shared';
import { FiredSignals } from './fired-signals.tsx';
import { HandoffPanel } from './handoff-panel.tsx';
import type { OverlayHost } from './overlay-host.ts';
import { PlayList } from './play-list.tsx';
import { QuotaGauges } from './quota-gauges.tsx';
import { ScoreSummary } from './score-summary.tsx';

type Props = { score: ScoreResponse; host: OverlayHost; pageSignal: AbortSignal };

/** Everything the overlay says about one account, in the words the CRM card uses too. */
export function ScoreBody({ score, host, pageSignal }: Props) {
  const view = toScoreView(score);

  return (
    <>
      <ScoreSummary view={view} account={score.account} />
      <QuotaGauges gauges={view.gauges} />
      <FiredSignals signals={view.firedSignals} />
      <PlayList plays={view.plays} />
      <HandoffPanel
        host={host}
        accountId={score.account.accountId}
        plays={view.plays}
        pageSignal={pageSignal}
      />
      <footer class="freshness muted small">
        <span data-testid="upsignal-freshness">{view.freshnessText}</span>
        {view.stale && (
          <span class="stale" data-testid="upsignal-stale">
            Stale
          </span>
        )}
      </footer>
    </>
  );
}
