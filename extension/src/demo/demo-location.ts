/**
 * The demo page keeps its state in the URL: the token in the fragment (`#token=…`, which no
 * server ever receives, so it stays out of access logs) and the chosen account in the query.
 */

export function tokenFromFragment(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token?.trim() || null;
}

export function accountFromQuery(search: string): string | null {
  return new URLSearchParams(search).get('account')?.trim() || null;
}

/** The URL for another account: same path and fragment, so a reload keeps the token. */
export function urlForAccount(current: URL, accountId: string): string {
  const next = new URL(current.href);
  next.search = new URLSearchParams({ account: accountId }).toString();
  return next.href;
}
