import { describe, expect, it } from 'vitest';
import { accountLookupSchema, lookupKey } from '../../shared/src/account-lookup.ts';

// One account named by exactly one identity, normalised so that equal accounts share a key.

function issuesOf(input: unknown) {
  const parsed = accountLookupSchema.safeParse(input);
  if (parsed.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}

describe('accountLookupSchema', () => {
  it.each([
    [{ salesforceAccountId: '003G000001SUbc4' }, 'salesforceAccountId', '003G000001SUbc4IAD'],
    [{ salesforceAccountId: '003G000001SUbc4iad' }, 'salesforceAccountId', '003G000001SUbc4IAD'],
    [{ hubspotCompanyId: '9876543' }, 'hubspotCompanyId', '9876543'],
    [{ hubspotCompanyId: '000123' }, 'hubspotCompanyId', '123'],
    [{ hubspotCompanyId: '0' }, 'hubspotCompanyId', '0'],
    [{ domain: 'https://WWW.Acme.io/pricing' }, 'domain', 'acme.io'],
    [{ accountId: ' acc-42 ' }, 'accountId', 'acc-42'],
    [{ accountId: 'org_1.team:eu-2' }, 'accountId', 'org_1.team:eu-2'],
  ])('normalises %j', (input, kind, value) => {
    expect(accountLookupSchema.parse(input)).toEqual({ kind, value });
  });

  it('ignores parameters other than the four lookups', () => {
    expect(accountLookupSchema.parse({ domain: 'acme.io', appId: '123', portalId: '9' })).toEqual({
      kind: 'domain',
      value: 'acme.io',
    });
  });

  it('requires exactly one lookup', () => {
    const message = 'give exactly one of salesforceAccountId, hubspotCompanyId, domain, accountId';

    expect(issuesOf({})).toEqual([{ path: [], message: `${message} (got 0)` }]);
    expect(issuesOf({ domain: 'acme.io', accountId: 'acc-1' })).toEqual([
      { path: [], message: `${message} (got 2)` },
    ]);
  });

  it.each([
    [
      { salesforceAccountId: '003G000001SUbc4XXX' },
      'salesforceAccountId',
      'checksum does not match (expected 003G000001SUbc4IAD)',
    ],
    [
      { salesforceAccountId: '003G0000' },
      'salesforceAccountId',
      'a Salesforce Id has 15 or 18 letters and digits',
    ],
    [{ hubspotCompanyId: '12a' }, 'hubspotCompanyId', 'a HubSpot company id is a number'],
    [{ hubspotCompanyId: '1'.repeat(21) }, 'hubspotCompanyId', 'a HubSpot company id is a number'],
    [{ domain: 'localhost' }, 'domain', 'not a domain name'],
    [{ accountId: 'acc 1' }, 'accountId', 'an account id has letters, digits and _ . : - only'],
  ])('names the field of a bad value: %j', (input, field, message) => {
    expect(issuesOf(input)).toEqual([{ path: [field], message }]);
  });

  it('names the field of an empty value', () => {
    expect(issuesOf({ domain: '  ' })).toEqual([
      { path: ['domain'], message: 'Too small: expected string to have >=1 characters' },
    ]);
  });

  it('names the field of a value that is too long', () => {
    expect(issuesOf({ accountId: 'a'.repeat(257) })).toEqual([
      { path: ['accountId'], message: 'Too big: expected string to have <=256 characters' },
    ]);
  });
});

describe('lookupKey', () => {
  it('gives equal accounts written differently one key', () => {
    const a = accountLookupSchema.parse({ domain: 'https://www.acme.io' });
    const b = accountLookupSchema.parse({ domain: 'ACME.io' });

    expect(lookupKey(a)).toBe('domain:acme.io');
    expect(lookupKey(b)).toBe('domain:acme.io');
  });
});
