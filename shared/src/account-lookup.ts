import { z } from 'zod';
import { normaliseDomain } from './domain.ts';
import { toSalesforceId18 } from './salesforce-id.ts';

export const lookupKinds = [
  'salesforceAccountId',
  'hubspotCompanyId',
  'domain',
  'accountId',
] as const;
export type LookupKind = (typeof lookupKinds)[number];

const MAX_VALUE_LENGTH = 256;

const value = z.string().trim().min(1).max(MAX_VALUE_LENGTH);

/**
 * One account, named by exactly one CRM or warehouse identity. Values arrive raw from query
 * strings and request bodies; the parsed form is normalised (18-character Salesforce Id,
 * bare lower-case domain) so that equal accounts share one cache entry.
 */
export const accountLookupSchema = z
  .object({
    salesforceAccountId: value.optional(),
    hubspotCompanyId: value.optional(),
    domain: value.optional(),
    accountId: value.optional(),
  })
  .transform((input, ctx) => {
    const given = lookupKinds.filter((kind) => input[kind] !== undefined);
    if (given.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: `give exactly one of ${lookupKinds.join(', ')} (got ${given.length})`,
      });
      return z.NEVER;
    }

    const kind = given[0]!;
    const raw = input[kind]!;
    const normalised = normaliseLookupValue(kind, raw);
    if (!normalised.ok) {
      ctx.addIssue({ code: 'custom', path: [kind], message: normalised.message });
      return z.NEVER;
    }
    return { kind, value: normalised.value };
  });

export type AccountLookup = { kind: LookupKind; value: string };
export type AccountLookupInput = z.input<typeof accountLookupSchema>;

type Normalised = { ok: true; value: string } | { ok: false; message: string };

function normaliseLookupValue(kind: LookupKind, raw: string): Normalised {
  switch (kind) {
    case 'salesforceAccountId': {
      const id = toSalesforceId18(raw);
      return id.ok ? { ok: true, value: id.id } : id;
    }
    case 'hubspotCompanyId':
      return /^[0-9]{1,20}$/.test(raw)
        ? { ok: true, value: raw.replace(/^0+(?=\d)/, '') }
        : { ok: false, message: 'a HubSpot company id is a number' };
    case 'domain': {
      const domain = normaliseDomain(raw);
      return domain ? { ok: true, value: domain } : { ok: false, message: 'not a domain name' };
    }
    case 'accountId':
      return /^[A-Za-z0-9_.:-]{1,128}$/.test(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: 'an account id has letters, digits and _ . : - only' };
  }
}

/** A stable string for caches and de-duplication. */
export function lookupKey(lookup: AccountLookup): string {
  return `${lookup.kind}:${lookup.value}`;
}
