/** @jsxImportSource react */
import { Button, EmptyState, ErrorState, ScoreCircle, Text } from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import { renderCard, scriptedFetch } from './render-card.tsx';
import { problemFixture, scoreFixture } from './score-fixture.ts';

const notFound = {
  status: 404,
  body: problemFixture({ status: 404, detail: 'No account matches hubspotCompanyId 9001.' }),
};

describe('the expansion card when the score cannot be shown', () => {
  it("shows the proxy's problem in an error state, and the score after a retry", async () => {
    const unavailable = problemFixture({
      status: 503,
      title: 'Warehouse unavailable',
      detail: 'DuckDB did not answer within 10 s.',
    });
    const { fetch, calls } = scriptedFetch(
      { status: 503, body: unavailable },
      { status: 200, body: scoreFixture() },
    );
    const { waitFor, findByTestId } = renderCard(fetch);

    await waitFor(() => findByTestId(ErrorState, 'upsignal-error'));
    expect(findByTestId(ErrorState, 'upsignal-error').props.title).toBe(
      'The expansion score could not be loaded',
    );
    expect(findByTestId(Text, 'upsignal-error-message').text).toBe(
      'Warehouse unavailable: DuckDB did not answer within 10 s.',
    );

    findByTestId(Button, 'upsignal-retry').trigger('onClick');
    await waitFor(() => findByTestId(ScoreCircle, 'upsignal-score'));
    expect(findByTestId(ScoreCircle, 'upsignal-score').props.score).toBe(72);
    expect(calls.map((call) => call.url)).toEqual([
      'https://upsignal.example.com/v1/accounts/score?hubspotCompanyId=9001',
      'https://upsignal.example.com/v1/accounts/score?hubspotCompanyId=9001',
    ]);
  });

  it('says so when HubSpot cannot reach the proxy', async () => {
    const { fetch } = scriptedFetch(new Error('connect ECONNREFUSED'));
    const { waitFor, findByTestId } = renderCard(fetch);

    await waitFor(() => findByTestId(ErrorState, 'upsignal-error'));
    expect(findByTestId(Text, 'upsignal-error-message').text).toBe(
      'HubSpot could not reach Upsignal (connect ECONNREFUSED).',
    );
  });

  it('refuses a response that does not match the score contract', async () => {
    const { score: _score, ...withoutScore } = scoreFixture();
    const { fetch } = scriptedFetch({ status: 200, body: withoutScore });
    const { waitFor, findByTestId } = renderCard(fetch);

    await waitFor(() => findByTestId(ErrorState, 'upsignal-error'));
    expect(findByTestId(Text, 'upsignal-error-message').text).toBe(
      'Upsignal sent a response this card does not understand (at score).',
    );
  });

  it('names the status when an error answer is not a problem document', async () => {
    const { fetch } = scriptedFetch({ status: 502, body: { message: 'Bad gateway' } });
    const { waitFor, findByTestId } = renderCard(fetch);

    await waitFor(() => findByTestId(ErrorState, 'upsignal-error'));
    expect(findByTestId(Text, 'upsignal-error-message').text).toBe('Upsignal answered HTTP 502.');
  });

  it('explains how to link a company that no warehouse account matches', async () => {
    const { fetch, calls } = scriptedFetch(notFound);
    const { waitFor, findByTestId, mocks } = renderCard(fetch);

    await waitFor(() => findByTestId(EmptyState, 'upsignal-not-linked'));
    expect(findByTestId(EmptyState, 'upsignal-not-linked').props.title).toBe(
      'This company is not linked to a warehouse account',
    );
    expect(findByTestId(Text, 'upsignal-link-by-id').text).toBe(
      'Ask your Upsignal admin to add a row to ACCOUNT_IDENTITIES with kind "hubspot" and ' +
        'value "9001" for this company\'s account.',
    );
    expect(findByTestId(Text, 'upsignal-link-by-domain').text).toBe(
      "Or set this company's domain in HubSpot to the account's domain: the card then finds it " +
        'by domain.',
    );
    expect(mocks.actions.fetchCrmObjectProperties.calls).toEqual([[['domain']]]);
    expect(calls).toHaveLength(1);
  });

  it('finds the account by the company domain when its HubSpot id is not linked', async () => {
    const { fetch, calls } = scriptedFetch(notFound, { status: 200, body: scoreFixture() });
    const renderer = renderCard(fetch);
    renderer.mocks.actions.fetchCrmObjectProperties.willCall(async () => ({
      domain: ' northwind.io ',
    }));

    await renderer.waitFor(() => renderer.findByTestId(ScoreCircle, 'upsignal-score'));
    expect(calls.map((call) => call.url)).toEqual([
      'https://upsignal.example.com/v1/accounts/score?hubspotCompanyId=9001',
      'https://upsignal.example.com/v1/accounts/score?domain=northwind.io',
    ]);
  });

  it('names the accounts that share the company domain when the domain is ambiguous', async () => {
    const ambiguous = problemFixture({
      status: 409,
      title: 'Ambiguous account',
      detail: '2 accounts use northwind.io.',
      candidates: [
        { accountId: 'acct_nw_eu', name: 'Northwind EU', domain: 'northwind.io' },
        { accountId: 'acct_nw_us', name: 'Northwind US', domain: 'northwind.io' },
      ],
    });
    const { fetch } = scriptedFetch(notFound, { status: 409, body: ambiguous });
    const renderer = renderCard(fetch);
    renderer.mocks.actions.fetchCrmObjectProperties.willCall(async () => ({
      domain: 'northwind.io',
    }));

    await renderer.waitFor(() => renderer.findByTestId(EmptyState, 'upsignal-not-linked'));
    expect(renderer.findByTestId(Text, 'upsignal-link-by-domain').text).toBe(
      'Several accounts use northwind.io: Northwind EU (acct_nw_eu), Northwind US (acct_nw_us). ' +
        'A "hubspot" row says which one this is.',
    );
  });
});
