import type { HubSpotFetchOptions } from '@hubspot/ui-extensions';
import type { z } from 'zod';
import { ProxyRequestError } from './proxy-request-error.ts';
import {
  type HandoffRequest,
  type HandoffResponse,
  handoffResponseSchema,
  problemSchema,
  type ScoreResponse,
  scoreResponseSchema,
} from './vendor/upsignal-shared/index.ts';

/** hubspot.fetch's shape; injected so that the card also runs outside HubSpot (tests). */
export type HubSpotFetch = (url: string, options?: HubSpotFetchOptions) => Promise<Response>;

export type ScoreLookup = { hubspotCompanyId: string } | { domain: string };

export type ProxyClient = {
  getScore(lookup: ScoreLookup): Promise<ScoreResponse>;
  createHandoff(request: HandoffRequest): Promise<HandoffResponse>;
};

/**
 * Calls the Upsignal proxy through hubspot.fetch. HubSpot signs each request (v3) and the proxy
 * trusts the company id and requester only because of that signature; hubspot.fetch passes no
 * custom headers, so nothing here authenticates by itself.
 */
export function createProxyClient(fetch: HubSpotFetch, origin: string): ProxyClient {
  return {
    async getScore(lookup) {
      const query = new URLSearchParams(lookup).toString();
      const response = await send(fetch, `${origin}/v1/accounts/score?${query}`, {
        method: 'GET',
      });
      return readBody(response, scoreResponseSchema);
    },

    async createHandoff(request) {
      const response = await send(fetch, `${origin}/v1/handoffs`, {
        method: 'POST',
        body: request,
      });
      return readBody(response, handoffResponseSchema);
    },
  };
}

async function send(fetch: HubSpotFetch, url: string, options: HubSpotFetchOptions) {
  try {
    return await fetch(url, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ProxyRequestError(`HubSpot could not reach Upsignal (${reason}).`, null, null);
  }
}

async function readBody<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => null);

  if (!response.ok) {
    const problem = problemSchema.safeParse(body);
    if (problem.success) {
      const { title, detail } = problem.data;
      throw new ProxyRequestError(`${title}: ${detail}`, response.status, problem.data);
    }
    throw new ProxyRequestError(
      `Upsignal answered HTTP ${response.status}.`,
      response.status,
      null,
    );
  }

  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'body';
    throw new ProxyRequestError(
      `Upsignal sent a response this card does not understand (at ${where}).`,
      response.status,
      null,
    );
  }
  return parsed.data;
}
