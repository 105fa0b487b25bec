/** @jsxImportSource react */
import {
  DescriptionListItem,
  LoadingSpinner,
  ProgressBar,
  ScoreCircle,
  Tag,
  Text,
  Tile,
} from '@hubspot/ui-extensions';
import { describe, expect, it } from 'vitest';
import { renderCard, scriptedFetch, unanswered } from './render-card.tsx';
import { scoreFixture } from './score-fixture.ts';

describe('the expansion card on a company record', () => {
  it('shows a spinner while the score loads', () => {
    const { fetch } = scriptedFetch(unanswered());
    const { findByTestId } = renderCard(fetch);

    const spinner = findByTestId(LoadingSpinner, 'upsignal-loading');
    expect(spinner.props.label).toBe('Loading the expansion score');
  });

  it("asks the proxy for the score of the record's company by its HubSpot id", async () => {
    const { fetch, calls } = scriptedFetch({ status: 200, body: scoreFixture() });
    const { waitFor, findByTestId } = renderCard(fetch);

    await waitFor(() => findByTestId(ScoreCircle, 'upsignal-score'));
    expect(calls).toEqual([
      {
        url: 'https://upsignal.example.com/v1/accounts/score?hubspotCompanyId=9001',
        options: { method: 'GET' },
      },
    ]);
  });

  it('shows the score, the band and how fresh the data is', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: scoreFixture() });
    const { waitFor, findByTestId, maybeFindByTestId } = renderCard(fetch);

    await waitFor(() => findByTestId(ScoreCircle, 'upsignal-score'));
    expect(findByTestId(ScoreCircle, 'upsignal-score').props.score).toBe(72);
    const band = findByTestId(Tag, 'upsignal-band');
    expect(band.text).toBe('Expansion-ready');
    expect(band.props.variant).toBe('error');
    const freshness = findByTestId(Text, 'upsignal-freshness');
    expect(freshness.text).toBe('Team plan · Data as of 2026-05-03');
    expect(maybeFindByTestId(Tag, 'upsignal-stale')).toBeNull();
  });

  it('draws a bar per metered resource with use, share of limit and days to the wall', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: scoreFixture() });
    const { waitFor, findByTestId } = renderCard(fetch);
    await waitFor(() => findByTestId(ProgressBar, 'upsignal-gauge-seats'));

    const bars = ['seats', 'storage', 'api_calls'].map((resource) => {
      const bar = findByTestId(ProgressBar, `upsignal-gauge-${resource}`).props;
      const wall = findByTestId(Text, `upsignal-wall-${resource}`).text;
      return [bar.title, bar.value, bar.valueDescription, bar.variant, wall];
    });
    expect(bars).toEqual([
      ['Seats', 94, '47 of 50 seats (94%)', 'danger', 'Near the limit: limit in about 6 days'],
      ['Storage', 24, '120 of 500 GB (24%)', 'success', 'Headroom: not growing toward the limit'],
      ['API calls', 100, '1.1M of 1M calls (112%)', 'danger', 'At the limit: at the limit now'],
    ]);
  });

  it('lists only the signals that fired, with their values and rules', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: scoreFixture() });
    const { waitFor, findAll, findByTestId } = renderCard(fetch);
    await waitFor(() => findByTestId(ScoreCircle, 'upsignal-score'));

    const signals = findAll(DescriptionListItem).map((item) => [
      item.props.label,
      item.find(Text).text,
    ]);
    expect(signals).toEqual([
      ['Seat utilisation', '94% (≥ 90% · +25 pts)'],
      ['Usage spike', 'z 4.2 (≥ z 3.5 · +15 pts)'],
    ]);
  });

  it('lists the plays most urgent first, each with why it applies', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: scoreFixture() });
    const { waitFor, findAll, findByTestId } = renderCard(fetch);
    await waitFor(() => findByTestId(ScoreCircle, 'upsignal-score'));

    const plays = findAll(Tile).map((tile) => [
      tile.props.testId,
      ...tile.findAll(Text).map((text) => text.text),
    ]);
    expect(plays).toEqual([
      ['upsignal-play-seat_pack', 'Propose the seat pack', 'Seats are at 94% of Team.'],
      ['upsignal-play-api_addon', 'Offer the API add-on', 'API calls are over the plan.'],
    ]);
  });

  it('marks a score served from before the warehouse became unreachable as stale', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: scoreFixture({ stale: true }) });
    const { waitFor, findByTestId } = renderCard(fetch);
    await waitFor(() => findByTestId(Tag, 'upsignal-stale'));

    expect(findByTestId(Tag, 'upsignal-stale').text).toBe('Stale');
    expect(findByTestId(Text, 'upsignal-freshness').text).toBe(
      'Team plan · Data as of 2026-05-03 · warehouse unreachable, showing the last score',
    );
  });
});
