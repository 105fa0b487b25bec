/**
 * A fresh key for one handoff click. The proxy returns the earlier handoff for a key it has
 * seen, so a retried request (HubSpot retries once on a 5xx or a failed connection) cannot
 * post to Slack twice.
 */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `hubspot-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}
