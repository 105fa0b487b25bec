import { accountLookupSchema, lookupKey } from '@upsignal/shared';
import { fail } from '../messages/failure.ts';
import {
  type WorkerRequest,
  type WorkerResponse,
  workerRequestSchema,
} from '../messages/worker-messages.ts';
import { createInFlight } from './in-flight.ts';
import { createProxyClient, type ProxyClient, proxySettingsSchema } from './proxy-client.ts';

type ProxyRequest = Exclude<WorkerRequest, { type: 'options.open' }>;

/** What the service needs from the browser, passed in so that tests run it under Node. */
export type BackgroundDeps = {
  /** The raw `proxyUrl` and `token` from storage.local; validated here. */
  loadSettings(): Promise<unknown>;
  /** Whether the seller granted the optional host permission for this origin. */
  hasOriginPermission(origin: string): Promise<boolean>;
  openOptions(): Promise<void>;
  fetch?: typeof fetch;
  handoffRetryDelaysMs?: number[];
};

/**
 * The worker's side of the message boundary: every request to the proxy goes through here,
 * because a content script's fetch obeys the page's CORS and the worker's does not.
 */
export function createBackgroundService(deps: BackgroundDeps) {
  const sharedScore = createInFlight<WorkerResponse<'score'>>();

  async function connect() {
    const settings = proxySettingsSchema.safeParse(await deps.loadSettings());
    if (!settings.success) {
      return fail('settings', 'No proxy URL and token are saved in the Upsignal options yet.');
    }

    const client = createProxyClient({
      settings: settings.data,
      fetch: deps.fetch,
      handoffRetryDelaysMs: deps.handoffRetryDelaysMs,
    });
    if (!(await deps.hasOriginPermission(client.origin))) {
      return fail('permission', `The browser has not allowed Upsignal to reach ${client.origin}.`);
    }
    return {
      ok: true,
      value: { client, cacheScope: `${settings.data.proxyUrl} ${settings.data.token}` },
    } as const;
  }

  async function ask(request: ProxyRequest, client: ProxyClient, cacheScope: string) {
    switch (request.type) {
      case 'score': {
        const lookup = accountLookupSchema.safeParse({
          [request.lookup.kind]: request.lookup.value,
        });
        if (!lookup.success) {
          return fail('rejected', lookup.error.issues[0]?.message ?? 'bad lookup');
        }

        const key = `${cacheScope} ${lookupKey(lookup.data)}`;
        return sharedScore(key, () => client.score(lookup.data));
      }
      case 'handoffs.list':
        return client.listHandoffs(request.accountId);
      case 'handoff.create':
        return client.createHandoff(request.request);
    }
  }

  return {
    /** Answers one message; never throws, so the content script always gets a Result. */
    async handle(message: unknown) {
      const parsed = workerRequestSchema.safeParse(message);
      if (!parsed.success) return fail('rejected', 'The extension sent a malformed message.');

      if (parsed.data.type === 'options.open') {
        await deps.openOptions();
        return { ok: true, value: { opened: true } } as const;
      }

      const connection = await connect();
      if (!connection.ok) return connection;
      return ask(parsed.data, connection.value.client, connection.value.cacheScope);
    },
  };
}
