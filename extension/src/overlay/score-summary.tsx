import type { ScoreResponse, ScoreView } from '@upsignal/shared';

type Props = { view: ScoreView; account: ScoreResponse['account'] };

/** The score, its band and which warehouse account it belongs to. */
export function ScoreSummary({ view, account }: Props) {
  return (
    <section class="summary" aria-label="Expansion score">
      <div class="score-ring" style={{ borderColor: view.bandColour }}>
        <span class="score-value" data-testid="upsignal-score">
          {view.score}
        </span>
      </div>
      <div class="summary-text">
        <span class="band" data-testid="upsignal-band" style={{ backgroundColor: view.bandColour }}>
          {view.bandLabel}
        </span>
        <span class="account-name" data-testid="upsignal-account-name">
          {account.name}
        </span>
        <span class="muted">
          {[account.plan && `${account.plan} plan`, account.domain].filter(Boolean).join(' · ')}
        </span>
      </div>
    </section>
  );
}
