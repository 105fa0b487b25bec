export type ParsedProxyUrl =
  | { ok: true; proxyUrl: string; origin: string; originPattern: string }
  | { ok: false; message: string };

/**
 * Checks what a seller typed as the proxy URL and names the one origin the extension must be
 * allowed to reach (`optional_host_permissions` grants by match pattern; we ask for no more).
 */
export function parseProxyUrl(input: string): ParsedProxyUrl {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, message: 'Enter the proxy URL your admin gave you.' };

  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message: `"${trimmed}" is not a URL. Use the form https://upsignal.example.com`,
    };
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `The proxy URL must start with https:// (got ${url.protocol}).` };
  }
  if (url.username || url.password) {
    return { ok: false, message: 'Leave credentials out of the URL; the token goes below.' };
  }

  url.search = '';
  url.hash = '';
  const proxyUrl = url.href.replace(/\/$/, '');
  return { ok: true, proxyUrl, origin: url.origin, originPattern: `${url.origin}/*` };
}
