/** @jsxImportSource react */
import type { CrmContext, CrmHostActions } from '@hubspot/ui-extensions';
import { Divider, Flex } from '@hubspot/ui-extensions';
import { useCallback, useMemo } from 'react';
import { ErrorView, LoadingView, NotLinkedView } from './card-states.tsx';
import { HandoffForm } from './handoff-form.tsx';
import { createProxyClient, type HubSpotFetch } from './proxy-client.ts';
import { QuotaGauges } from './quota-gauges.tsx';
import { ScoreSummary } from './score-summary.tsx';
import { FiredSignals, PlayList } from './signals-and-plays.tsx';
import { useHandoff } from './use-handoff.ts';
import { useScore } from './use-score.ts';
import { type ScoreResponse, toScoreView } from './vendor/upsignal-shared/index.ts';

export type UpsignalCardProps = {
  context: Pick<CrmContext, 'crm' | 'user'>;
  actions: Pick<CrmHostActions, 'addAlert' | 'fetchCrmObjectProperties'>;
  /** hubspot.fetch in HubSpot; any function of that shape elsewhere. */
  fetch: HubSpotFetch;
  proxyOrigin: string;
};

/** Upsignal's expansion score on a HubSpot company record, with a handoff to Slack. */
export function UpsignalCard({ context, actions, fetch, proxyOrigin }: UpsignalCardProps) {
  const client = useMemo(() => createProxyClient(fetch, proxyOrigin), [fetch, proxyOrigin]);
  const { fetchCrmObjectProperties, addAlert } = actions;

  const readCompanyDomain = useCallback(async () => {
    const properties = await fetchCrmObjectProperties(['domain']);
    return properties.domain?.trim() || null;
  }, [fetchCrmObjectProperties]);

  const { state, retry } = useScore(client, String(context.crm.objectId), readCompanyDomain);
  const { sending, handOff } = useHandoff(client, addAlert);

  switch (state.status) {
    case 'loading':
      return <LoadingView />;
    case 'error':
      return <ErrorView message={state.message} onRetry={retry} />;
    case 'not-linked':
      return <NotLinkedView {...state} />;
    case 'loaded':
      return (
        <LoadedView
          score={state.score}
          sending={sending}
          onHandOff={(play, note) =>
            handOff({
              accountId: state.score.account.accountId,
              play,
              note,
              requester: context.user.email,
            })
          }
        />
      );
  }
}

type LoadedProps = {
  score: ScoreResponse;
  sending: boolean;
  onHandOff: (play: ScoreResponse['plays'][number], note: string) => void;
};

function LoadedView({ score, sending, onHandOff }: LoadedProps) {
  const view = toScoreView(score);

  return (
    <Flex direction="column" gap="md">
      <ScoreSummary account={score.account} view={view} />
      <Divider />
      <QuotaGauges gauges={view.gauges} />
      <FiredSignals signals={view.firedSignals} />
      <PlayList plays={view.plays} />
      <HandoffForm plays={view.plays} sending={sending} onHandOff={onHandOff} />
    </Flex>
  );
}
