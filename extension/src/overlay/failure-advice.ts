import type { Failure } from '../messages/failure.ts';

export type FailureAdvice = {
  title: string;
  detail: string;
  action: 'options' | 'retry' | 'reload' | null;
};

/** What a seller should read, and may do, for each way a request can fail. */
export function failureAdvice(failure: Failure, credentialsAdvice?: string): FailureAdvice {
  const fixCredentials = (text: string) => credentialsAdvice ?? text;

  switch (failure.kind) {
    case 'settings':
      return {
        title: 'Connect Upsignal to your proxy',
        detail: fixCredentials('Open the Upsignal options and add the proxy URL and your token.'),
        action: credentialsAdvice ? null : 'options',
      };
    case 'permission':
      return {
        title: 'Upsignal may not reach your proxy yet',
        detail: `${failure.message} Open the options and save again to allow it.`,
        action: 'options',
      };
    case 'unauthorized':
      return {
        title: 'Your token was refused',
        detail: fixCredentials(
          'It may have been revoked. ' +
            'Ask your Upsignal admin for a new token and paste it in the options.',
        ),
        action: credentialsAdvice ? null : 'options',
      };
    case 'unreachable':
      return {
        title: 'The Upsignal proxy is unreachable',
        detail: failure.message,
        action: 'retry',
      };
    case 'not_found':
      return {
        title: 'This account is not in the warehouse',
        detail: `${failure.message} Ask your data team to link this record to a warehouse account.`,
        action: null,
      };
    case 'ambiguous':
      return {
        title: 'Several warehouse accounts match this record',
        detail: 'Choose the one you mean:',
        action: null,
      };
    case 'conflict':
      return { title: 'Already handed off', detail: failure.message, action: null };
    case 'rejected':
      return { title: 'The proxy refused the request', detail: failure.message, action: null };
    case 'server':
      return { title: 'The proxy could not answer', detail: failure.message, action: 'retry' };
    case 'invalid_response':
      return {
        title: "The proxy's answer was not understood",
        detail: `${failure.message}. The proxy and the extension may be different versions.`,
        action: 'retry',
      };
    case 'reload_page':
      return {
        title: 'Upsignal was updated',
        detail: 'Reload this page to reconnect.',
        action: 'reload',
      };
  }
}
