import type { Failure } from '../messages/failure.ts';
import { failureAdvice } from './failure-advice.ts';
import type { OverlayHost } from './overlay-host.ts';

type Props = {
  failure: Failure;
  host: OverlayHost;
  onRetry(): void;
  /** Shows the score of one of the candidates of an ambiguous lookup. */
  onChoose(accountId: string): void;
};

/** Why the score is missing, and the one thing the seller can do about it. */
export function FailurePanel({ failure, host, onRetry, onChoose }: Props) {
  const advice = failureAdvice(failure, host.credentialsAdvice);
  const openOptions = host.openOptions;

  return (
    <div class="notice error" role="alert" data-testid="upsignal-error" data-kind={failure.kind}>
      <strong class="notice-title" data-testid="upsignal-error-title">
        {advice.title}
      </strong>
      <p data-testid="upsignal-error-detail">{advice.detail}</p>

      {failure.candidates && failure.candidates.length > 0 && (
        <ul class="candidates">
          {failure.candidates.map((candidate) => (
            <li key={candidate.accountId}>
              <button
                type="button"
                class="link"
                data-testid={`upsignal-candidate-${candidate.accountId}`}
                onClick={() => onChoose(candidate.accountId)}
              >
                {candidate.name}
              </button>{' '}
              <span class="muted">{candidate.domain ?? candidate.accountId}</span>
            </li>
          ))}
        </ul>
      )}

      {advice.action === 'options' && openOptions && (
        <button
          type="button"
          class="button brand"
          data-testid="upsignal-error-action"
          onClick={() => openOptions()}
        >
          Open Upsignal options
        </button>
      )}
      {advice.action === 'retry' && (
        <button type="button" class="button" data-testid="upsignal-error-action" onClick={onRetry}>
          Retry
        </button>
      )}
      {advice.action === 'reload' && (
        <button
          type="button"
          class="button"
          data-testid="upsignal-error-action"
          onClick={() => location.reload()}
        >
          Reload page
        </button>
      )}
    </div>
  );
}
