/**
 * The Manifest V3 file the build writes into dist/. Content scripts cannot be ES modules, so
 * each is one IIFE file; the worker is a module service worker.
 * Source: developer.chrome.com/docs/extensions/reference/manifest.
 */
export function createManifest(version: string) {
  return {
    manifest_version: 3,
    name: 'Upsignal',
    description:
      'Shows how close an account is to its plan limits, why, and what to do next, on CRM records.',
    version,
    // AbortSignal.any (used to drop a page's work on navigation) arrived in Chrome 116.
    minimum_chrome_version: '116',
    permissions: ['storage'],
    // The proxy's origin is only known once a seller types it; the options page requests that
    // one origin from the click that saves it.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    background: { service_worker: 'background/worker.js', type: 'module' },
    options_ui: { page: 'options/index.html', open_in_tab: true },
    content_scripts: [
      {
        // Production, sandbox (<domain>--<sbx>.sandbox.…) and developer orgs alike.
        matches: ['https://*.lightning.force.com/*'],
        js: ['content/salesforce.js'],
        run_at: 'document_idle',
      },
      {
        // app.hubspot.com and the regional hosts (app-eu1.hubspot.com, …); the URL parser
        // ignores every page that is not a company record.
        matches: ['https://*.hubspot.com/*'],
        js: ['content/hubspot.js'],
        run_at: 'document_idle',
      },
    ],
  };
}
