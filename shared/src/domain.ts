/**
 * Reduces what a person pastes as a company's domain ("https://WWW.Acme.io/pricing") to the
 * bare host that the warehouse stores ("acme.io"). Returns null when nothing host-like is left.
 */
export function normaliseDomain(input: string): string | null {
  let host = input.trim().toLowerCase();

  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  // User info (or an email address) ends at the first @ before any path, query or fragment.
  host = host.replace(/^[^@/?#]*@/, '');
  host = host.split(/[/?#]/, 1)[0] ?? '';
  host = host.replace(/:\d+$/, '').replace(/\.$/, '');
  host = host.replace(/^www\./, '');

  // RFC 1123 section 2.1: labels of 1 to 63 letters, digits and hyphens, never starting or
  // ending with a hyphen. The top-level label also starts with a letter, so that an IPv4
  // address is not taken for a domain.
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  const topLabel = '[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?';
  const hostPattern = new RegExp(`^(?:${label}\\.)+${topLabel}$`);
  return host.length <= 253 && hostPattern.test(host) ? host : null;
}
