import { describe, expect, it } from 'vitest';
import type { Failure } from '../../extension/src/messages/failure.ts';
import { failureAdvice } from '../../extension/src/overlay/failure-advice.ts';
import { outcomeText } from '../../extension/src/overlay/handoff-text.ts';

const failure = (kind: Failure['kind'], message = 'detail from the proxy.'): Failure => ({
  kind,
  message,
});

describe('failureAdvice', () => {
  it('sends a seller without settings to the options page', () => {
    expect(failureAdvice(failure('settings'))).toEqual({
      title: 'Connect Upsignal to your proxy',
      detail: 'Open the Upsignal options and add the proxy URL and your token.',
      action: 'options',
    });
  });

  it('says a refused token may have been revoked and where to put a new one', () => {
    expect(failureAdvice(failure('unauthorized'))).toEqual({
      title: 'Your token was refused',
      detail:
        'It may have been revoked. ' +
        'Ask your Upsignal admin for a new token and paste it in the options.',
      action: 'options',
    });
  });

  it('offers a retry when the proxy is unreachable or failed', () => {
    const unreachable = failureAdvice(failure('unreachable', 'Could not reach the proxy.'));
    expect(unreachable).toEqual({
      title: 'The Upsignal proxy is unreachable',
      detail: 'Could not reach the proxy.',
      action: 'retry',
    });
    expect(failureAdvice(failure('server')).action).toBe('retry');
  });

  it('explains an account missing from the warehouse without offering a pointless retry', () => {
    expect(failureAdvice(failure('not_found', 'No account is linked to 001….'))).toEqual({
      title: 'This account is not in the warehouse',
      detail:
        'No account is linked to 001…. ' +
        'Ask your data team to link this record to a warehouse account.',
      action: null,
    });
  });

  it('asks the seller to choose among ambiguous candidates', () => {
    expect(failureAdvice(failure('ambiguous'))).toEqual({
      title: 'Several warehouse accounts match this record',
      detail: 'Choose the one you mean:',
      action: null,
    });
  });

  it('asks for a page reload after the extension was updated', () => {
    expect(failureAdvice(failure('reload_page')).action).toBe('reload');
  });

  it('uses the page’s own advice for credentials where there is no options page', () => {
    const advice = failureAdvice(failure('unauthorized'), 'Open the link the proxy printed.');
    expect(advice).toEqual({
      title: 'Your token was refused',
      detail: 'Open the link the proxy printed.',
      action: null,
    });
  });
});

describe('outcomeText', () => {
  const base = {
    id: 'h1',
    accountId: 'acct_acme',
    playId: 'seat_pack',
    note: null,
    requestedBy: 'dana@seller.example',
    channel: '#expansion',
    attempts: 1,
    lastError: null,
    slackTs: null,
    permalink: null,
    createdAt: '2026-03-01T10:00:00.000Z',
    deliveredAt: null,
  };

  it('words each delivery state for the seller', () => {
    expect(outcomeText({ ...base, state: 'sent' })).toEqual({
      tone: 'success',
      text: 'Sent to #expansion.',
    });
    expect(outcomeText({ ...base, state: 'pending' })).toEqual({
      tone: 'info',
      text: 'Queued: Upsignal will post it to #expansion shortly.',
    });
    expect(outcomeText({ ...base, state: 'recorded', channel: null })).toEqual({
      tone: 'info',
      text: 'Recorded. Slack is not set up on the proxy, so no channel was notified.',
    });
    expect(outcomeText({ ...base, state: 'failed', lastError: 'channel_not_found' })).toEqual({
      tone: 'error',
      text: 'Slack did not take it (channel_not_found). Ask your admin to check the Slack setup.',
    });
  });
});
