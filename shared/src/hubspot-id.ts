/**
 * Company record URLs in HubSpot's app, current and legacy:
 *   https://app.hubspot.com/contacts/<portalId>/record/0-2/<companyId>
 *   https://app-eu1.hubspot.com/contacts/<portalId>/record/0-2/<companyId>/view/1
 *   https://app.hubspot.com/contacts/<portalId>/company/<companyId>
 */
const COMPANY_PATH = /^\/contacts\/(\d+)\/(?:record\/0-2|company)\/(\d+)(?:\/|$)/;
const HUBSPOT_HOST = /^app(?:-[a-z]{2}\d)?\.hubspot\.com$/;

export type HubSpotCompanyRef = { portalId: string; companyId: string };

export function parseHubSpotCompanyUrl(url: string | URL): HubSpotCompanyRef | null {
  const parsed = typeof url === 'string' ? safeUrl(url) : url;
  if (parsed?.protocol !== 'https:' || !HUBSPOT_HOST.test(parsed.hostname)) return null;

  const match = COMPANY_PATH.exec(parsed.pathname);
  return match ? { portalId: match[1]!, companyId: match[2]! } : null;
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
