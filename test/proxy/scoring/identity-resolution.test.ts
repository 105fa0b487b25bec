import { type AccountLookupInput, accountLookupSchema } from '@upsignal/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createScoreService,
  type LookupOutcome,
} from '../../../proxy/src/scoring/score-service.ts';
import type { Warehouse } from '../../../proxy/src/warehouse/warehouse.ts';
import {
  createFixtureWarehouse,
  type FixtureWarehouse,
  REF,
} from '../../support/fixture-warehouse.ts';
import { neutralConfig } from '../../support/neutral-config.ts';

// How a CRM or warehouse identity finds its account in ACCOUNT_IDENTITIES (and ACCOUNTS), with
// identity history: every lookup below is resolved in one call of the real score service.

const config = neutralConfig();

/**
 * The lookups, as a request would carry them. Salesforce Ids: Acme's is stored in its
 * 15-character form (001Ab000003XyZq, 18: 001Ab000003XyZqIAK), Beta's in its 18-character
 * form (001Cd000004UvWxIAK).
 */
const lookups = {
  sf15StoredAs15: { salesforceAccountId: '001Ab000003XyZq' },
  sf18StoredAs15: { salesforceAccountId: '001Ab000003XyZqIAK' },
  sf15StoredAs18: { salesforceAccountId: '001Cd000004UvWx' },
  sf18LowerCaseSuffix: { salesforceAccountId: '001Cd000004UvWxiak' },
  sfOtherCase: { salesforceAccountId: '001AB000003XYZQ' },
  sfHistory: { salesforceAccountId: '001Ab0000099Old' },
  hubspot: { hubspotCompanyId: '1001' },
  hubspotLeadingZeros: { hubspotCompanyId: '0002002' },
  hubspotUnknown: { hubspotCompanyId: '9999' },
  domainUrl: { domain: 'https://WWW.Acme.io/pricing' },
  domainStoredMixedCase: { domain: 'gamma.io' },
  domainOnlyInAccounts: { domain: 'beta.com' },
  domainHistory: { domain: 'acme-old.com' },
  domainCurrentOverHistory: { domain: 'shared-history.com' },
  domainLatestHistory: { domain: 'old-brand.com' },
  domainShared: { domain: 'deltagroup.com' },
  domainUnknown: { domain: 'nobody.example' },
  accountId: { accountId: 'acc-gamma' },
  accountIdUnknown: { accountId: 'acc-nope' },
} satisfies Record<string, AccountLookupInput>;

type LookupName = keyof typeof lookups;

let fixture: FixtureWarehouse;
let queries: string[];
let outcomes: Record<LookupName, LookupOutcome>;

/** Wraps the real adapter to record the label of every query that reaches it. */
function counting(warehouse: Warehouse, labels: string[]): Warehouse {
  return {
    kind: warehouse.kind,
    query(sql, binds, options) {
      labels.push(options.label);
      return warehouse.query(sql, binds, options);
    },
    run: (statements, options) => warehouse.run(statements, options),
    close: () => warehouse.close(),
  };
}

function service() {
  return createScoreService({
    warehouse: counting(fixture.warehouse, queries),
    tables: fixture.tables,
    config,
    today: () => REF,
  });
}

beforeAll(async () => {
  fixture = await createFixtureWarehouse({
    accounts: [
      { accountId: 'acc-acme', name: 'Acme', domain: 'acme.io' },
      { accountId: 'acc-beta', name: 'Beta', domain: 'beta.com' },
      { accountId: 'acc-gamma', name: 'Gamma', domain: 'gamma-labs.io' },
      { accountId: 'acc-delta', name: 'Delta East', domain: 'delta-east.com' },
      { accountId: 'acc-epsilon', name: 'Delta West', domain: 'delta-west.com' },
    ],
    identities: [
      { accountId: 'acc-acme', kind: 'salesforce', value: '001Ab000003XyZq' },
      { accountId: 'acc-acme', kind: 'salesforce', value: '001Ab0000099Old', endedDaysAgo: 30 },
      { accountId: 'acc-acme', kind: 'hubspot', value: '1001' },
      { accountId: 'acc-acme', kind: 'domain', value: 'acme.io' },
      { accountId: 'acc-acme', kind: 'domain', value: 'acme-old.com', endedDaysAgo: 100 },
      { accountId: 'acc-acme', kind: 'domain', value: 'old-brand.com', endedDaysAgo: 200 },
      { accountId: 'acc-beta', kind: 'salesforce', value: '001Cd000004UvWxIAK' },
      { accountId: 'acc-beta', kind: 'hubspot', value: '2002' },
      { accountId: 'acc-beta', kind: 'domain', value: 'shared-history.com', endedDaysAgo: 10 },
      { accountId: 'acc-beta', kind: 'domain', value: 'old-brand.com', endedDaysAgo: 50 },
      { accountId: 'acc-gamma', kind: 'domain', value: 'Gamma.IO' },
      { accountId: 'acc-gamma', kind: 'domain', value: 'shared-history.com' },
      { accountId: 'acc-delta', kind: 'domain', value: 'deltagroup.com' },
      { accountId: 'acc-epsilon', kind: 'domain', value: 'deltagroup.com' },
    ],
  });

  queries = [];
  const names = Object.keys(lookups) as LookupName[];
  const parsed = names.map((name) => accountLookupSchema.parse(lookups[name]));
  const results = await service().scoreLookups(parsed);
  outcomes = Object.fromEntries(names.map((name, index) => [name, results[index]!])) as Record<
    LookupName,
    LookupOutcome
  >;
});

afterAll(async () => {
  await fixture?.close();
});

/** The account a lookup found, 'missing', or the candidates of an ambiguous one. */
function resolved(name: LookupName): string | string[] {
  const outcome = outcomes[name];
  if (outcome.kind === 'found') return outcome.score.account.accountId;
  if (outcome.kind === 'missing') return 'missing';
  return outcome.candidates.map((candidate) => candidate.accountId);
}

describe('resolving lookups to accounts', () => {
  it('resolves every lookup of one call with one warehouse query', () => {
    expect(queries).toEqual(['score']);
    expect(Object.keys(outcomes)).toHaveLength(19);
  });

  it('sends no query for an empty list', async () => {
    queries = [];

    expect(await service().scoreLookups([])).toEqual([]);
    expect(queries).toEqual([]);
  });

  it('matches a Salesforce Id in either form against either stored form', () => {
    expect(resolved('sf15StoredAs15')).toBe('acc-acme');
    expect(resolved('sf18StoredAs15')).toBe('acc-acme');
    expect(resolved('sf15StoredAs18')).toBe('acc-beta');
    expect(resolved('sf18LowerCaseSuffix')).toBe('acc-beta');
  });

  it('treats a Salesforce Id that differs only in case as another record', () => {
    expect(resolved('sfOtherCase')).toBe('missing');
  });

  it('matches a HubSpot company id, leading zeros ignored', () => {
    expect(resolved('hubspot')).toBe('acc-acme');
    expect(resolved('hubspotLeadingZeros')).toBe('acc-beta');
    expect(resolved('hubspotUnknown')).toBe('missing');
  });

  it('matches a domain given as a URL with www, and one stored in mixed case', () => {
    expect(resolved('domainUrl')).toBe('acc-acme');
    expect(resolved('domainStoredMixedCase')).toBe('acc-gamma');
  });

  it('matches a domain kept only in ACCOUNTS', () => {
    expect(resolved('domainOnlyInAccounts')).toBe('acc-beta');
  });

  it('matches a warehouse account id', () => {
    expect(resolved('accountId')).toBe('acc-gamma');
    expect(resolved('accountIdUnknown')).toBe('missing');
  });

  it('reports an unknown domain as missing', () => {
    expect(resolved('domainUnknown')).toBe('missing');
  });
});

describe('identity history', () => {
  it('still resolves an old domain and an old Salesforce Id to their account', () => {
    expect(resolved('domainHistory')).toBe('acc-acme');
    expect(resolved('sfHistory')).toBe('acc-acme');
  });

  it('answers an old CRM id with the account’s current CRM ids', () => {
    const outcome = outcomes.sfHistory;

    expect(outcome.kind === 'found' && outcome.score.account).toMatchObject({
      salesforceAccountId: '001Ab000003XyZqIAK',
      hubspotCompanyId: '1001',
    });
  });

  it('prefers the account that holds an identity now over one that held it before', () => {
    // Beta gave up shared-history.com 10 days ago; Gamma holds it now.
    expect(resolved('domainCurrentOverHistory')).toBe('acc-gamma');
  });

  it('among past holders, prefers the one that held the identity most recently', () => {
    // Acme gave up old-brand.com 200 days ago, Beta 50 days ago.
    expect(resolved('domainLatestHistory')).toBe('acc-beta');
  });
});

describe('ambiguous lookups', () => {
  it('returns both accounts that share a domain as candidates', () => {
    expect(outcomes.domainShared).toEqual({
      kind: 'ambiguous',
      candidates: [
        {
          accountId: 'acc-delta',
          name: 'Delta East',
          domain: 'delta-east.com',
          plan: null,
          mrr: null,
          renewalDate: null,
          salesforceAccountId: null,
          hubspotCompanyId: null,
        },
        {
          accountId: 'acc-epsilon',
          name: 'Delta West',
          domain: 'delta-west.com',
          plan: null,
          mrr: null,
          renewalDate: null,
          salesforceAccountId: null,
          hubspotCompanyId: null,
        },
      ],
    });
  });
});
