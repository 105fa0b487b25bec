import type { AccountLookup } from '@upsignal/shared';
import type { PageTarget } from '../content/page-controller.ts';
import { parseAccountPageUrl } from './account-page-url.ts';

/** The lookup for a Lightning Account page, keyed so that its tabs share one overlay. */
export function accountPageTarget(url: string): PageTarget<AccountLookup> | null {
  const page = parseAccountPageUrl(url);
  if (!page) return null;

  return {
    key: `salesforce:${page.salesforceAccountId}`,
    value: { kind: 'salesforceAccountId', value: page.salesforceAccountId },
  };
}
