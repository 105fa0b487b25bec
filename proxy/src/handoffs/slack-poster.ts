import {
  type ChatPostMessageArguments,
  LogLevel,
  type Logger as SlackLogger,
  WebClient,
} from '@slack/web-api';
import type { Logger } from '../observability/logger.ts';
import type { SlackMessage } from './handoff-row.ts';
import { toSlackDeliveryError } from './slack-failure.ts';

export type SlackPosterOptions = {
  token: string;
  /** A Slack-compatible base URL (tests, Enterprise Grid proxies); Slack's own otherwise. */
  apiUrl?: string | undefined;
  timeoutMs: number;
  log: Logger;
};

export type PostedMessage = { ts: string; channelId: string; permalink: string | null };

export type SlackPoster = {
  post(channel: string, message: SlackMessage): Promise<PostedMessage>;
};

/**
 * Posts with the official client. Its own retries are turned off and rate-limited calls are
 * rejected at once, so the outbox alone decides when to try again and records every attempt;
 * otherwise the client would wait and retry for up to half an hour inside one "attempt".
 */
export function createSlackPoster(options: SlackPosterOptions): SlackPoster {
  const client = new WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: withSlash(options.apiUrl) } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.timeoutMs,
    logger: slackLogger(options.log),
    // Only method names are called; an absolute URL must never redirect the bot token.
    allowAbsoluteUrls: false,
  });

  return {
    async post(channel, message) {
      let posted: { ts?: string | undefined; channel?: string | undefined };
      try {
        const request = {
          channel,
          text: message.text,
          blocks: message.blocks,
          // The record links need a CRM login; unfurled previews would only show a login page.
          unfurl_links: false,
          unfurl_media: false,
        };
        posted = await client.chat.postMessage(request as unknown as ChatPostMessageArguments);
      } catch (error) {
        throw toSlackDeliveryError(error, `chat.postMessage to ${channel}`, channel);
      }

      const ts = posted.ts ?? '';
      const channelId = posted.channel ?? channel;
      return { ts, channelId, permalink: await permalinkOf(channelId, ts) };
    },
  };

  /**
   * The message is in Slack by now, so a failure here must not fail the attempt (a retry would
   * post it twice): the handoff is sent, just without a link.
   */
  async function permalinkOf(channelId: string, ts: string): Promise<string | null> {
    try {
      const answer = await client.chat.getPermalink({ channel: channelId, message_ts: ts });
      return answer.permalink ?? null;
    } catch (error) {
      const failure = toSlackDeliveryError(error, 'chat.getPermalink', channelId);
      options.log.warn({ channelId, ts, error: failure.message }, 'no permalink for a handoff');
      return null;
    }
  }
}

function withSlash(url: string) {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The client's own chatter goes to our logger at debug level; it never logs the token. */
function slackLogger(log: Logger): SlackLogger {
  const child = log.child({ component: 'slack-client' });
  const write = (...parts: unknown[]) => child.debug(parts.map(String).join(' '));

  return {
    debug: write,
    info: write,
    warn: write,
    error: write,
    setLevel: () => {},
    getLevel: () => LogLevel.DEBUG,
    setName: () => {},
  };
}
