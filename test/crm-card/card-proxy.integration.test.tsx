/** @jsxImportSource react */
import { readFile } from 'node:fs/promises';
import {
  DescriptionListItem,
  EmptyState,
  ErrorState,
  Heading,
  LoadingButton,
  ProgressBar,
  ScoreCircle,
  Tag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import {
  handoffListSchema,
  problemSchema,
  type ScoreResponse,
  scoreResponseSchema,
  topResponseSchema,
  toScoreView,
} from '@upsignal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_ORIGIN } from '../../crm-card/src/app/cards/proxy-origin.ts';
import { createHubSpotFetch } from '../support/hubspot-signer.ts';
import { startProxy } from '../support/proxy-harness.ts';
import { renderCard, SELLER_EMAIL } from './render-card.tsx';

const CLIENT_SECRET = 'upsignal-test-app-client-secret';
const LIVE = { timeoutInMs: 30_000 };

let proxy: Awaited<ReturnType<typeof startProxy>>;
let permittedOrigins: string[];

beforeAll(async () => {
  // The proxy sits behind the public HTTPS origin, as behind a TLS-terminating balancer:
  // HubSpot signs the public URL, and the proxy rebuilds it from PUBLIC_BASE_URL.
  proxy = await startProxy({
    env: { HUBSPOT_CLIENT_SECRET: CLIENT_SECRET, PUBLIC_BASE_URL: PROXY_ORIGIN },
  });
  const app = JSON.parse(
    await readFile(new URL('../../crm-card/src/app/app-hsmeta.json', import.meta.url), 'utf8'),
  );
  permittedOrigins = app.config.permittedUrls.fetch;
});

afterAll(async () => {
  await proxy?.stop();
});

/** hubspot.fetch as HubSpot's servers run it for an app with this client secret. */
function hubspotFetch(clientSecret: string) {
  return createHubSpotFetch({
    clientSecret,
    appId: 4242,
    permittedOrigins,
    route: (publicUrl) => `${proxy.baseUrl}${publicUrl.pathname}${publicUrl.search}`,
  });
}

async function asSeller(pathAndQuery: string) {
  return fetch(`${proxy.baseUrl}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${proxy.token}` },
  });
}

/** The top-scored demo company that has a HubSpot id and at least one play. */
async function demoCompany(): Promise<ScoreResponse> {
  const top = topResponseSchema.parse(await (await asSeller('/v1/accounts/top?limit=50')).json());
  for (const { account } of top.accounts) {
    if (account.hubspotCompanyId === null) continue;
    const response = await asSeller(
      `/v1/accounts/score?hubspotCompanyId=${account.hubspotCompanyId}`,
    );
    const score = scoreResponseSchema.parse(await response.json());
    if (score.plays.length > 0) return score;
  }
  throw new Error('the demo data has no company with a HubSpot id and a play');
}

describe('the card against the live proxy on the DuckDB demo data', () => {
  it("shows the demo company's score exactly as the proxy computes it", async () => {
    const expected = await demoCompany();
    const view = toScoreView(expected);
    const card = renderCard(hubspotFetch(CLIENT_SECRET), {
      companyId: Number(expected.account.hubspotCompanyId),
    });

    await card.waitFor(() => card.findByTestId(ScoreCircle, 'upsignal-score'), LIVE);
    expect(card.findByTestId(Heading, 'upsignal-account').text).toBe(expected.account.name);
    expect(card.findByTestId(ScoreCircle, 'upsignal-score').props.score).toBe(expected.score);
    expect(card.findByTestId(Tag, 'upsignal-band').text).toBe(expected.band.label);
    expect(card.findByTestId(Text, 'upsignal-freshness').text).toBe(
      expected.account.plan
        ? `${expected.account.plan} plan · ${view.freshnessText}`
        : view.freshnessText,
    );
    expect(
      card
        .findAll(ProgressBar)
        .map((bar) => [bar.props.testId, bar.props.value, bar.props.valueDescription]),
    ).toEqual(
      view.gauges.map((gauge) => [
        `upsignal-gauge-${gauge.resource}`,
        gauge.percent,
        `${gauge.usageText} (${gauge.percentText})`,
      ]),
    );
    expect(card.findAll(DescriptionListItem).map((item) => item.props.label)).toEqual(
      view.firedSignals.map((signal) => signal.label),
    );
    expect(card.findAll(Tile).map((tile) => tile.props.testId)).toEqual(
      view.plays.map((play) => `upsignal-play-${play.id}`),
    );
  });

  it('hands the company off as the signed-in seller, then reports the cooldown', async () => {
    const expected = await demoCompany();
    const firstPlay = toScoreView(expected).plays[0]!;
    const card = renderCard(hubspotFetch(CLIENT_SECRET), {
      companyId: Number(expected.account.hubspotCompanyId),
    });
    const button = () => card.findByTestId(LoadingButton, 'upsignal-handoff-button');
    const alerts = () => card.mocks.actions.addAlert.calls.map(([alert]) => alert);
    await card.waitFor(button, LIVE);

    button().trigger('onClick');
    await card.waitFor(() => expect(alerts()).toHaveLength(1), LIVE);
    expect(alerts()[0]).toEqual({
      type: 'info',
      message: `Handoff recorded: ${firstPlay.title}. Slack is not set up, so nothing was posted.`,
    });

    const listed = await asSeller(`/v1/handoffs?accountId=${expected.account.accountId}`);
    const { handoffs } = handoffListSchema.parse(await listed.json());
    expect(handoffs.map(({ requestedBy, playId }) => ({ requestedBy, playId }))).toEqual([
      { requestedBy: SELLER_EMAIL, playId: firstPlay.id },
    ]);

    button().trigger('onClick');
    await card.waitFor(() => expect(alerts()).toHaveLength(2), LIVE);
    const handedOffOn = new Date(handoffs[0]!.createdAt).toISOString().slice(0, 10);
    expect(alerts()[1]).toEqual({
      type: 'warning',
      message: `Already handed off by ${SELLER_EMAIL} on ${handedOffOn}.`,
    });
  });

  it('explains how to link a company id that no account has', async () => {
    const card = renderCard(hubspotFetch(CLIENT_SECRET), { companyId: 987654321987 });

    await card.waitFor(() => card.findByTestId(EmptyState, 'upsignal-not-linked'), LIVE);
    expect(card.findByTestId(Text, 'upsignal-link-by-id').text).toContain('value "987654321987"');
  });

  it('ends in the error state when the request is signed with the wrong secret', async () => {
    const expected = await demoCompany();
    const companyId = expected.account.hubspotCompanyId;
    const forged = hubspotFetch('not-the-app-secret');
    const refused = await forged(`${PROXY_ORIGIN}/v1/accounts/score?hubspotCompanyId=${companyId}`);
    const problem = problemSchema.parse(await refused.json());
    expect(refused.status).toBe(401);

    const card = renderCard(forged, { companyId: Number(companyId) });
    await card.waitFor(() => card.findByTestId(ErrorState, 'upsignal-error'), LIVE);
    expect(card.findByTestId(Text, 'upsignal-error-message').text).toBe(
      `${problem.title}: ${problem.detail}`,
    );
    expect(card.maybeFindByTestId(ScoreCircle, 'upsignal-score')).toBeNull();
  });
});
