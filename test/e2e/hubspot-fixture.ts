import type { BrowserContext } from 'playwright-core';

export const HUBSPOT_ORIGIN = 'https://app.hubspot.com';
export const HUBSPOT_PORTAL = '4431852';

/** A stand-in for HubSpot's app at its real URLs: one shell page for every path. */
const SHELL = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>HubSpot</title></head>
<body style="margin:0;font-family:sans-serif">
<header
  style="height:64px;background:#213343;color:#fff;display:flex;align-items:center;padding:0 16px"
>HubSpot</header>
<main id="record" style="padding:16px"></main>
<script>
  document.getElementById('record').textContent = location.pathname;
  window.fixtureNavigate = (path) => {
    history.pushState({}, '', path);
    document.getElementById('record').textContent = location.pathname;
  };
</script>
</body>
</html>`;

export async function routeHubSpot(context: BrowserContext) {
  await context.route(`${HUBSPOT_ORIGIN}/**`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: SHELL }),
  );
}

export const companyUrl = (companyId: string) =>
  `${HUBSPOT_ORIGIN}/contacts/${HUBSPOT_PORTAL}/record/0-2/${companyId}`;
