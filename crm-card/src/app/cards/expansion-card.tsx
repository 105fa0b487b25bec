/** @jsxImportSource react */
import { hubspot } from '@hubspot/ui-extensions';
import { PROXY_ORIGIN } from './proxy-origin.ts';
import { UpsignalCard } from './upsignal-card.tsx';

// The card's entry point (expansion-card-hsmeta.json) and the only place that names
// hubspot.fetch: the card takes its fetch function as a prop, so HubSpot's test renderer can run
// it in Node with a fetch that signs requests the way HubSpot does.
hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <UpsignalCard
    context={context}
    actions={actions}
    fetch={hubspot.fetch}
    proxyOrigin={PROXY_ORIGIN}
  />
));
