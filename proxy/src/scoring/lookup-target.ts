import type { AccountLookup } from '@upsignal/shared';
import type { IdentityKind, TargetItem } from './score-query.ts';

const identityKinds: Record<AccountLookup['kind'], IdentityKind> = {
  salesforceAccountId: 'salesforce',
  hubspotCompanyId: 'hubspot',
  domain: 'domain',
  accountId: 'account',
};

/**
 * How a normalised lookup is matched in ACCOUNT_IDENTITIES. Salesforce Ids compare on their
 * case-sensitive 15-character head, because a customer's table may hold either form.
 */
export function toTargetItem(itemNo: number, lookup: AccountLookup): TargetItem {
  const kind = identityKinds[lookup.kind];
  const matchKey = kind === 'salesforce' ? lookup.value.slice(0, 15) : lookup.value;
  return { itemNo, kind, matchKey };
}
