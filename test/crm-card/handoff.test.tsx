/** @jsxImportSource react */
import { LoadingButton, Select, TextArea } from '@hubspot/ui-extensions';
import type { RenderedElementNode } from '@hubspot/ui-extensions/testing';
import { describe, expect, it } from 'vitest';
import { type RecordedCall, renderCard, scriptedFetch } from './render-card.tsx';
import { handoffFixture, problemFixture, scoreFixture } from './score-fixture.ts';

const loaded = { status: 200, body: scoreFixture() };

async function renderLoadedCard(...handoffAnswers: Parameters<typeof scriptedFetch>) {
  const { fetch, calls } = scriptedFetch(loaded, ...handoffAnswers);
  const renderer = renderCard(fetch);
  await renderer.waitFor(() => renderer.findByTestId(LoadingButton, 'upsignal-handoff-button'));

  const button = () => renderer.findByTestId(LoadingButton, 'upsignal-handoff-button');
  const alerts = () => renderer.mocks.actions.addAlert.calls.map(([alert]) => alert);
  const clickAndWait = async (alertCount: number) => {
    button().trigger('onClick');
    await renderer.waitFor(() => expect(alerts()).toHaveLength(alertCount));
  };
  return { renderer, calls, button, alerts, clickAndWait };
}

/** The JSON body the card gave hubspot.fetch for its nth request. */
function bodyOf(call: RecordedCall | undefined) {
  return call?.options?.body;
}

// trigger() hands its argument to the handler, but its type names the handler itself.
function change<T>(node: RenderedElementNode<{ onChange?: (value: T) => void }>, value: T) {
  node.trigger('onChange', value as never);
}

describe('handing an account off to Slack from the card', () => {
  it("sends the chosen play, the note and the seller's email, then says it was sent", async () => {
    const sent = handoffFixture({ playId: 'api_addon', note: 'Renewal is in Q3' });
    const { renderer, calls, clickAndWait, alerts } = await renderLoadedCard({
      status: 201,
      body: sent,
    });

    change(renderer.findByTestId(Select, 'upsignal-handoff-play'), 'api_addon');
    change(renderer.findByTestId(TextArea, 'upsignal-handoff-note'), '  Renewal is in Q3 ');
    await clickAndWait(1);

    expect(calls[1]?.url).toBe('https://upsignal.example.com/v1/handoffs');
    expect(calls[1]?.options?.method).toBe('POST');
    expect(bodyOf(calls[1])).toEqual({
      accountId: 'acct_northwind',
      playId: 'api_addon',
      note: 'Renewal is in Q3',
      idempotencyKey: expect.stringMatching(/^hubspot-[0-9a-f]{32}$/),
      requester: 'sam@seller.test',
    });
    expect(alerts()).toEqual([
      { type: 'success', message: 'Handed off to Slack (#expansion): Offer the API add-on.' },
    ]);
  });

  it('offers the most urgent play first and sends no note when none was written', async () => {
    const { renderer, calls, clickAndWait } = await renderLoadedCard({
      status: 201,
      body: handoffFixture(),
    });

    const select = renderer.findByTestId(Select, 'upsignal-handoff-play');
    expect(select.props.value).toBe('seat_pack');
    expect(select.props.options).toEqual([
      { label: 'Propose the seat pack', value: 'seat_pack' },
      { label: 'Offer the API add-on', value: 'api_addon' },
    ]);
    await clickAndWait(1);

    expect(bodyOf(calls[1])).not.toHaveProperty('note');
    expect(bodyOf(calls[1])).toMatchObject({ playId: 'seat_pack' });
  });

  it.each([
    [
      'recorded',
      'Handoff recorded: Propose the seat pack. Slack is not set up, so nothing was posted.',
      'info',
    ],
    [
      'pending',
      'Handoff queued: Propose the seat pack. Upsignal keeps retrying the Slack post.',
      'info',
    ],
    ['failed', 'The handoff is saved, but Slack refused it: channel_not_found.', 'danger'],
  ] as const)('tells the seller when the handoff was %s', async (state, message, type) => {
    const body = handoffFixture({
      state,
      lastError: state === 'failed' ? 'channel_not_found' : null,
    });
    const { clickAndWait, alerts } = await renderLoadedCard({ status: 201, body });

    await clickAndWait(1);
    expect(alerts()).toEqual([{ type, message }]);
  });

  it('says who handed the account off when the cooldown refuses a new handoff', async () => {
    const earlier = handoffFixture({
      requestedBy: 'ana@seller.test',
      createdAt: '2026-05-01T16:20:00Z',
    });
    const conflict = problemFixture({
      status: 409,
      title: 'Handed off recently',
      detail: 'seat_pack was handed off for this account less than 7 days ago.',
      handoff: earlier.handoff,
    });
    const { clickAndWait, alerts } = await renderLoadedCard({ status: 409, body: conflict });

    await clickAndWait(1);
    expect(alerts()).toEqual([
      { type: 'warning', message: 'Already handed off by ana@seller.test on 2026-05-01.' },
    ]);
  });

  it("reports the proxy's reason when a handoff is refused", async () => {
    const invalid = problemFixture({
      status: 400,
      title: 'Invalid request',
      detail: 'note: too long',
    });
    const { clickAndWait, alerts } = await renderLoadedCard({ status: 400, body: invalid });

    await clickAndWait(1);
    expect(alerts()).toEqual([
      {
        type: 'danger',
        message: 'The handoff did not go through. Invalid request: note: too long',
      },
    ]);
  });

  it('resends the same idempotency key when a click got no answer, then a new one', async () => {
    const { calls, clickAndWait } = await renderLoadedCard(
      new Error('socket hang up'),
      { status: 201, body: handoffFixture() },
      { status: 201, body: handoffFixture({ id: 'ho_2' }) },
    );

    await clickAndWait(1);
    await clickAndWait(2);
    await clickAndWait(3);

    const keys = calls
      .slice(1)
      .map((call) => (bodyOf(call) as { idempotencyKey: string }).idempotencyKey);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });

  it('shows the button as loading while a handoff is on its way', async () => {
    let answer: (response: Response) => void = () => {};
    const pending = new Promise<Response>((resolve) => {
      answer = resolve;
    });
    const { fetch } = scriptedFetch(loaded);
    const renderer = renderCard((url, options) =>
      url.endsWith('/v1/handoffs') ? pending : fetch(url, options),
    );
    const button = () => renderer.findByTestId(LoadingButton, 'upsignal-handoff-button');
    await renderer.waitFor(() => button());

    button().trigger('onClick');
    await renderer.waitFor(() => expect(button().props.loading).toBe(true));

    answer(new Response(JSON.stringify(handoffFixture()), { status: 201 }));
    await renderer.waitFor(() => expect(button().props.loading).toBe(false));
  });
});
