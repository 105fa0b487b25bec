/** @jsxImportSource react */
import type { HubSpotFetchOptions } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import type { HubSpotFetch } from '../../crm-card/src/app/cards/proxy-client.ts';
import { PROXY_ORIGIN } from '../../crm-card/src/app/cards/proxy-origin.ts';
import { UpsignalCard } from '../../crm-card/src/app/cards/upsignal-card.tsx';

export const COMPANY_ID = 9001;
export const SELLER_EMAIL = 'sam@seller.test';

type RenderOptions = { companyId?: number };

/** Renders the card with HubSpot's test renderer on a company record viewed by sam@seller.test. */
export function renderCard(fetch: HubSpotFetch, options: RenderOptions = {}) {
  const { companyId = COMPANY_ID } = options;
  const renderer = createRenderer('crm.record.tab');
  const { context, actions } = renderer.mocks;
  const viewer = {
    ...context,
    crm: { objectId: companyId, objectTypeId: '0-2' },
    user: { ...context.user, email: SELLER_EMAIL },
  };

  renderer.render(
    <UpsignalCard context={viewer} actions={actions} fetch={fetch} proxyOrigin={PROXY_ORIGIN} />,
  );
  return renderer;
}

export type RecordedCall = { url: string; options: HubSpotFetchOptions | undefined };
type Answer = { status: number; body: unknown } | Error | Promise<never>;

/**
 * A fetch of hubspot.fetch's shape that answers from a script, one answer per call, and records
 * what the card asked for.
 */
export function scriptedFetch(...answers: Answer[]) {
  const calls: RecordedCall[] = [];
  const fetch: HubSpotFetch = async (url, options) => {
    calls.push({ url, options });
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`no scripted answer for ${url}`);
    if (answer instanceof Promise) return answer;
    if (answer instanceof Error) throw answer;

    const contentType = answer.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': contentType },
    });
  };
  return { fetch, calls };
}

/** A request that never gets an answer, for looking at the card while it waits. */
export function unanswered(): Promise<never> {
  return new Promise<never>(() => {});
}
