/**
 * Reduces what a person pastes as a company's domain ("https://WWW.Acme.io/pricing") to the
 * bare host that the warehouse stores ("acme.io"). Returns null when nothing host-like is left.
 */
export function normaliseDomain(input: string): string | null {
  let host = input.trim().toLowerCase();

  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/^[^@/]*@/, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  host = host.replace(/^www\./, '');

  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  const hostPattern = new RegExp(`^(?:${label}\\.)+[a-z][a-z0-9-]{0,62}$`);
  return host.length <= 253 && hostPattern.test(host) ? host : null;
}
