import { type AccountLookup, parseHubSpotCompanyUrl } from '@upsignal/shared';
import type { PageTarget } from '../content/page-controller.ts';

/**
 * The lookup for a HubSpot company record page (both URL shapes, see shared/src/hubspot-id.ts),
 * for sellers whose admin has not installed the CRM card.
 */
export function companyPageTarget(url: string): PageTarget<AccountLookup> | null {
  const company = parseHubSpotCompanyUrl(url);
  if (!company) return null;

  return {
    key: `hubspot:${company.portalId}:${company.companyId}`,
    value: { kind: 'hubspotCompanyId', value: company.companyId },
  };
}
