import {
  type AccountLookup,
  type HandoffRequest,
  handoffListSchema,
  handoffResponseSchema,
  healthResponseSchema,
  scoreResponseSchema,
  topResponseSchema,
} from '@upsignal/shared';
import { z } from 'zod';
import { fail, type Result } from '../messages/failure.ts';
import { failureFromResponse } from './problem-failure.ts';

/** Where the proxy lives and the seller's token, as saved on the options page. */
export const proxySettingsSchema = z.object({
  proxyUrl: z.url({ protocol: /^https?$/ }),
  token: z.string().trim().min(1),
});

export type ProxySettings = z.infer<typeof proxySettingsSchema>;

export type ProxyClientOptions = {
  settings: ProxySettings;
  fetch?: typeof fetch;
  /**
   * Pauses before each repeated handoff attempt. A handoff is retried only because the proxy
   * de-duplicates by idempotencyKey, so a retry never posts twice.
   */
  handoffRetryDelaysMs?: number[];
};

type CallInit = { method?: 'GET' | 'POST'; body?: unknown; signal?: AbortSignal };

/** Every call the extension makes to the proxy, each answer checked against the shared schemas. */
export function createProxyClient(options: ProxyClientOptions) {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retryDelays = options.handoffRetryDelaysMs ?? [500, 2000];
  const base = proxyBase(options.settings.proxyUrl);

  async function call<T>(path: string, schema: z.ZodType<T>, init: CallInit = {}) {
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${options.settings.token}`,
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';

    let response: Response;
    try {
      response = await fetchImpl(new URL(path, base), {
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: init.signal,
      });
    } catch (error) {
      return fail('unreachable', `Could not reach the proxy at ${base.origin}: ${reason(error)}`);
    }

    const body = await readJson(response);
    if (!response.ok) return failureFromResponse(response.status, body);

    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unreadable';
      return fail('invalid_response', `Unexpected answer from ${path.split('?')[0]} (${where})`);
    }
    return { ok: true, value: parsed.data } as const;
  }

  return {
    origin: base.origin,

    score(lookup: AccountLookup, signal?: AbortSignal) {
      const query = new URLSearchParams({ [lookup.kind]: lookup.value });
      return call(`v1/accounts/score?${query}`, scoreResponseSchema, { signal });
    },

    top(limit: number, signal?: AbortSignal) {
      return call(`v1/accounts/top?limit=${limit}`, topResponseSchema, { signal });
    },

    listHandoffs(accountId: string, signal?: AbortSignal) {
      const query = new URLSearchParams({ accountId });
      return call(`v1/handoffs?${query}`, handoffListSchema, { signal });
    },

    health(signal?: AbortSignal) {
      return call('healthz', healthResponseSchema, { signal });
    },

    /**
     * Posts once, then again with the same idempotencyKey while the proxy is unreachable or
     * answers 5xx.
     */
    async createHandoff(request: HandoffRequest) {
      let result: Result<z.infer<typeof handoffResponseSchema>> = await post();
      for (const delay of retryDelays) {
        if (result.ok || !['unreachable', 'server'].includes(result.failure.kind)) break;
        await new Promise((resolve) => setTimeout(resolve, delay));
        result = await post();
      }
      return result;

      function post() {
        return call('v1/handoffs', handoffResponseSchema, { method: 'POST', body: request });
      }
    },
  };
}

export type ProxyClient = ReturnType<typeof createProxyClient>;

/** The proxy URL as a base for relative paths, so a path prefix (`/upsignal/`) is kept. */
function proxyBase(proxyUrl: string): URL {
  const url = new URL(proxyUrl);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text());
  } catch {
    return undefined;
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
