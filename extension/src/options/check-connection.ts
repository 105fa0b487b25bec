import { createProxyClient } from '../background/proxy-client.ts';
import { parseProxyUrl } from './proxy-origin.ts';

export type ConnectionStep = 'url' | 'token' | 'permission' | 'reach' | 'auth' | 'ok';

export type ConnectionReport = { ok: boolean; step: ConnectionStep; message: string };

export type ConnectionDeps = {
  /** Asks the browser for the origin; must be the first await of the click (user gesture). */
  requestPermission(originPattern: string): Promise<boolean>;
  fetch?: typeof fetch;
};

/**
 * "Test connection": walks the path a score request takes and stops at the first step that
 * fails, saying which one, so a seller can tell a typo from a revoked token from a network issue.
 */
export async function checkConnection(
  input: { proxyUrl: string; token: string },
  deps: ConnectionDeps,
): Promise<ConnectionReport> {
  const parsed = parseProxyUrl(input.proxyUrl);
  if (!parsed.ok) return { ok: false, step: 'url', message: `Bad URL: ${parsed.message}` };

  const token = input.token.trim();
  if (!token) return { ok: false, step: 'token', message: 'Paste your Upsignal token first.' };

  if (!(await deps.requestPermission(parsed.originPattern))) {
    return {
      ok: false,
      step: 'permission',
      message: `Permission denied: the browser did not allow Upsignal to reach ${parsed.origin}.`,
    };
  }

  const client = createProxyClient({
    settings: { proxyUrl: parsed.proxyUrl, token },
    fetch: deps.fetch,
  });
  const health = await client.health();
  if (!health.ok && health.failure.kind === 'unreachable') {
    return { ok: false, step: 'reach', message: `Unreachable: ${health.failure.message}` };
  }
  if (!health.ok) {
    const answer = health.failure.message;
    return {
      ok: false,
      step: 'reach',
      message: `No Upsignal proxy answers at ${parsed.proxyUrl}/healthz (${answer}).`,
    };
  }

  // /healthz answers without a token; a small authenticated call proves the token works.
  const top = await client.top(1);
  if (!top.ok && top.failure.kind === 'unauthorized') {
    return {
      ok: false,
      step: 'auth',
      message: 'Token refused (401): it is unknown or was revoked. Ask your admin for a new one.',
    };
  }
  if (!top.ok) {
    return {
      ok: false,
      step: 'auth',
      message: `The proxy refused the check: ${top.failure.message}`,
    };
  }

  const { warehouse, version, status } = health.value;
  const degraded = status === 'degraded' ? ' (degraded: the warehouse is not answering)' : '';
  return {
    ok: true,
    step: 'ok',
    message: `OK: connected to Upsignal ${version} on ${warehouse}${degraded}; token accepted.`,
  };
}
