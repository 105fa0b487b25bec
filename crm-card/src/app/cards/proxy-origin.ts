/**
 * The proxy's public HTTPS origin (its PUBLIC_BASE_URL). HubSpot lets the card fetch only URLs
 * listed in app-hsmeta.json `permittedUrls.fetch`, so the two must match; a test checks that
 * they do, and that local.example.json maps this origin to the local proxy.
 */
export const PROXY_ORIGIN = 'https://upsignal.example.com';
