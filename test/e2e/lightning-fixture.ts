import type { BrowserContext, Page } from 'playwright-core';

export const LIGHTNING_ORIGIN = 'https://acme.lightning.force.com';

/**
 * A stand-in for Lightning Experience served at the real Salesforce URLs: one HTML shell for
 * every path that renders the record named in the URL and moves between records the way
 * Lightning does, with history.pushState and no page load. `window.fixtureLoads` counts real
 * page loads, so a test can prove a navigation stayed in the app.
 */
const SHELL = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Lightning Experience</title>
<style>
  body {
    margin: 0; font-family: Arial, sans-serif; font-size: 13px; background: #b0c4df; color: #181818;
  }
  .slds-global-header {
    height: 50px; background: #fff; display: flex; align-items: center; padding: 0 16px;
    border-bottom: 1px solid #ddd;
  }
  .slds-context-bar {
    height: 40px; background: #fff; border-bottom: 3px solid #0176d3; display: flex; gap: 16px;
    align-items: center; padding: 0 16px;
  }
  main {
    margin: 12px 360px 12px 12px; background: #fff; border-radius: 4px; padding: 16px;
    min-height: 400px;
  }
  a { color: #0176d3; }
  /* Lightning's own styles reach every element they can: the overlay must not be affected. */
  * { font-size: 13px; }
  div { line-height: 3; }
</style>
</head>
<body>
<header class="slds-global-header"><strong>Salesforce</strong>&nbsp;Sales</header>
<nav class="slds-context-bar" id="nav"></nav>
<main id="record"></main>
<script>
  window.fixtureLoads = (window.fixtureLoads || 0) + 1;
  function render() {
    const match = /^\\/lightning\\/r\\/(\\w+)\\/(\\w+)\\//.exec(location.pathname);
    document.getElementById('record').innerHTML = match
      ? '<h1>' + match[1] + '</h1><p data-record-id="' + match[2] + '">Record ' + match[2] + '</p>'
      : '<h1>' + location.pathname + '</h1>';
  }
  function go(path) {
    history.pushState({}, '', path);
    render();
  }
  window.fixtureNavigate = go;
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-spa]');
    if (!link) return;
    event.preventDefault();
    go(link.getAttribute('href'));
  });
  window.addEventListener('popstate', render);
  render();
</script>
</body>
</html>`;

export async function routeLightning(context: BrowserContext) {
  await context.route(`${LIGHTNING_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SHELL }),
  );
}

export const accountUrl = (salesforceId: string, tail = 'view') =>
  `${LIGHTNING_ORIGIN}/lightning/r/Account/${salesforceId}/${tail}`;

/** Moves the fixture app to another path the way Lightning's router does: no page load. */
export async function navigateInApp(page: Page, path: string) {
  await page.evaluate(
    (to) => (window as unknown as { fixtureNavigate(path: string): void }).fixtureNavigate(to),
    path,
  );
}
