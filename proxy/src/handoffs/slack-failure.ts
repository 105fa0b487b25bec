import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
} from '@slack/web-api';

/**
 * The one error that leaves the Slack boundary. Its message names the call, what Slack said and
 * what to fix, because it is stored as the handoff's `lastError` and shown to sellers and admins.
 * `retryable` decides whether the outbox tries again; `retryAfterMs` is Slack's own wait.
 */
export class SlackDeliveryError extends Error {
  override readonly name = 'SlackDeliveryError';

  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Slack answers most failures with HTTP 200 and `{ ok: false, error }`. These codes are
 * transient per Slack's method docs (chat.postMessage "Errors"); every other code is a setup
 * problem that another attempt cannot fix.
 */
const transientCodes = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'team_added_to_org',
]);

/** What an admin does about the setup errors sellers are most likely to meet. */
const advice: Record<string, (channel: string) => string> = {
  channel_not_found: (channel) =>
    `Slack has no channel ${channel} that the bot can see: check the play\u2019s channel in the ` +
    'configuration (or SLACK_DEFAULT_CHANNEL); for a private channel, invite the bot first.',
  not_in_channel: (channel) =>
    `The bot is not a member of ${channel}: run "/invite @<your app>" in that channel.`,
  is_archived: (channel) => `${channel} is archived: point the play at a live channel.`,
  invalid_auth: () =>
    'Slack refused the bot token: set SLACK_BOT_TOKEN to the app\u2019s Bot User OAuth Token.',
  not_authed: () => 'No bot token reached Slack: set SLACK_BOT_TOKEN.',
  token_revoked: () =>
    'The bot token was revoked: reinstall the Slack app, update SLACK_BOT_TOKEN.',
  account_inactive: () => 'The bot\u2019s Slack account is inactive: reinstall the Slack app.',
  missing_scope: () =>
    'The Slack app lacks the chat:write scope: add it under OAuth & Permissions and reinstall.',
};

export function toSlackDeliveryError(
  error: unknown,
  call: string,
  channel: string,
): SlackDeliveryError {
  if (error instanceof SlackDeliveryError) return error;

  if (error instanceof WebAPIRateLimitedError) {
    const seconds = error.retryAfter;
    const message = `${call}: rate limited by Slack (Retry-After ${seconds} s)`;
    return new SlackDeliveryError(message, true, seconds * 1000, { cause: error });
  }

  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    const fix = advice[code]?.(channel);
    const message = `${call}: Slack answered ${code}${fix ? `. ${fix}` : ''}`;
    return new SlackDeliveryError(message, transientCodes.has(code), null, { cause: error });
  }

  if (error instanceof WebAPIHTTPError) {
    const status = error.statusCode;
    const retryable = status >= 500 || status === 408;
    const hint = retryable ? '' : '; check SLACK_API_URL';
    const message = `${call}: Slack answered HTTP ${status}${hint}`;
    return new SlackDeliveryError(message, retryable, null, { cause: error });
  }

  if (error instanceof WebAPIRequestError) {
    const timedOut = ['TimeoutError', 'AbortError'].includes(error.original.name);
    const reason = timedOut
      ? 'Slack did not answer in time'
      : `Slack unreachable (${error.original.message})`;
    return new SlackDeliveryError(`${call}: ${reason}`, true, null, { cause: error });
  }

  const message = error instanceof Error ? error.message : String(error);
  return new SlackDeliveryError(`${call}: ${message}`, true, null, { cause: error });
}
