import { createProxyClient } from '../background/proxy-client.ts';
import { fail } from '../messages/failure.ts';
import type { OverlayHost } from '../overlay/overlay-host.ts';

const COLLAPSED_KEY = 'upsignal.overlayCollapsed';

export const DEMO_CREDENTIALS_ADVICE =
  'Open the demo link the proxy printed when it started: it ends with #token=…';

/**
 * The overlay's host on the /demo page. The proxy serves the page itself, so plain same-origin
 * fetch reaches it; no extension, no worker.
 */
export function createDemoHost(origin: string, token: string | null) {
  const client = token ? createProxyClient({ settings: { proxyUrl: origin, token } }) : null;
  const noToken = () => Promise.resolve(fail('settings', 'The page URL carries no token.'));

  const host: OverlayHost = {
    getScore: (lookup, signal) => (client ? client.score(lookup, signal) : noToken()),
    listHandoffs: (accountId, signal) =>
      client ? client.listHandoffs(accountId, signal) : noToken(),
    createHandoff: (request) => (client ? client.createHandoff(request) : noToken()),
    credentialsAdvice: DEMO_CREDENTIALS_ADVICE,

    loadCollapsed: async () => localStorage.getItem(COLLAPSED_KEY) === 'true',
    saveCollapsed: async (collapsed) => localStorage.setItem(COLLAPSED_KEY, String(collapsed)),
  };

  return {
    host,
    topAccounts: (signal?: AbortSignal) => (client ? client.top(10, signal) : noToken()),
  };
}

export type DemoHost = ReturnType<typeof createDemoHost>;
