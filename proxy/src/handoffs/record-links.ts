import type { Account } from '@upsignal/shared';

export type RecordLink = { label: string; url: string };

export type RecordLinkSettings = {
  /** `https://<your-domain>.lightning.force.com`; no Salesforce link without it. */
  salesforceBaseUrl?: string | undefined;
  /** The HubSpot account id; no HubSpot link without it. */
  hubspotPortalId?: string | undefined;
};

/**
 * Links from the Slack message back to the account's CRM records, in the URL shapes both CRMs
 * document for record pages: Lightning `/lightning/r/Account/<Id>/view` and HubSpot
 * `/contacts/<portalId>/record/0-2/<companyId>` (0-2 is HubSpot's object type id for companies).
 * A link appears only when both the setting and the account's CRM id are known.
 */
export function recordLinks(account: Account, settings: RecordLinkSettings): RecordLink[] {
  const links: RecordLink[] = [];

  if (settings.salesforceBaseUrl && account.salesforceAccountId) {
    const base = settings.salesforceBaseUrl.replace(/\/+$/, '');
    const id = encodeURIComponent(account.salesforceAccountId);
    links.push({ label: 'Salesforce account', url: `${base}/lightning/r/Account/${id}/view` });
  }

  if (settings.hubspotPortalId && account.hubspotCompanyId) {
    const portal = encodeURIComponent(settings.hubspotPortalId);
    const company = encodeURIComponent(account.hubspotCompanyId);
    links.push({
      label: 'HubSpot company',
      url: `https://app.hubspot.com/contacts/${portal}/record/0-2/${company}`,
    });
  }

  return links;
}
