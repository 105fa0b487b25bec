import { describe, expect, it } from 'vitest';
import { companyPageTarget } from '../../extension/src/hubspot/company-page-target.ts';
import { accountPageTarget } from '../../extension/src/salesforce/account-page-target.ts';
import { parseAccountPageUrl } from '../../extension/src/salesforce/account-page-url.ts';

const ID_15 = '001Dn00000A1b2c';
const ID_18 = '001Dn00000A1b2cIAB';
const ORG = 'https://acme.lightning.force.com';

describe('parseAccountPageUrl', () => {
  it.each([
    [`${ORG}/lightning/r/Account/${ID_18}/view`, 'view'],
    [`${ORG}/lightning/r/Account/${ID_18}/edit`, 'edit'],
    [`${ORG}/lightning/r/Account/${ID_18}/related/Contacts/view`, 'related'],
    [`${ORG}/lightning/r/Account/${ID_18}/related/Opportunities/view`, 'related'],
    [`${ORG}/lightning/r/Account/${ID_18}/view?0.source=alohaHeader`, 'view'],
    [`${ORG}/lightning/r/Account/${ID_18}/view/`, 'view'],
  ] as const)('reads the account and the view from %s', (url, view) => {
    expect(parseAccountPageUrl(url)).toEqual({ salesforceAccountId: ID_18, view });
  });

  it('turns a 15-character Id into the 18-character form', () => {
    expect(parseAccountPageUrl(`${ORG}/lightning/r/Account/${ID_15}/view`)).toEqual({
      salesforceAccountId: ID_18,
      view: 'view',
    });
  });

  it('accepts an 18-character Id whose suffix is lower case and returns the canonical form', () => {
    const page = parseAccountPageUrl(`${ORG}/lightning/r/Account/${ID_15}iab/view`);
    expect(page?.salesforceAccountId).toBe(ID_18);
  });

  it('rejects an 18-character Id whose checksum does not match', () => {
    expect(parseAccountPageUrl(`${ORG}/lightning/r/Account/${ID_15}AAA/view`)).toBeNull();
  });

  it('recognises sandbox and developer-org hosts', () => {
    for (const host of [
      'https://acme--uat.sandbox.lightning.force.com',
      'https://acme--full2.sandbox.lightning.force.com',
      'https://acme-dev-ed.develop.lightning.force.com',
    ]) {
      expect(parseAccountPageUrl(`${host}/lightning/r/Account/${ID_18}/view`)).toEqual({
        salesforceAccountId: ID_18,
        view: 'view',
      });
    }
  });

  it.each([
    ['a contact record', `${ORG}/lightning/r/Contact/003Dn00000X9y8zIAB/view`],
    ['an opportunity record', `${ORG}/lightning/r/Opportunity/006Dn00000Q1w2eIAB/view`],
    ['a non-account Id under Account', `${ORG}/lightning/r/Account/003Dn00000X9y8zIAB/view`],
    ['the account list view', `${ORG}/lightning/o/Account/list?filterName=Recent`],
    ['the new-account page', `${ORG}/lightning/o/Account/new`],
    ['the home page', `${ORG}/lightning/page/home`],
    ['setup', `${ORG}/lightning/setup/SetupOneHome/home`],
    ['an unknown record sub-page', `${ORG}/lightning/r/Account/${ID_18}/clone`],
    ['an Id of the wrong length', `${ORG}/lightning/r/Account/001Dn00000A1b2cI/view`],
    ['plain http', `http://acme.lightning.force.com/lightning/r/Account/${ID_18}/view`],
    [
      'a look-alike host',
      `https://acme.lightning.force.com.evil.test/lightning/r/Account/${ID_18}/view`,
    ],
    ['Salesforce Classic', `https://acme.my.salesforce.com/${ID_18}`],
    ['text that is not a URL', 'lightning/r/Account/001Dn00000A1b2cIAB/view'],
  ])('finds no account on %s', (_label, url) => {
    expect(parseAccountPageUrl(url)).toBeNull();
  });
});

describe('page targets', () => {
  it('gives every tab of one Salesforce account the same key', () => {
    const view = accountPageTarget(`${ORG}/lightning/r/Account/${ID_15}/view`);
    const related = accountPageTarget(`${ORG}/lightning/r/Account/${ID_18}/related/Cases/view`);

    expect(view).toEqual({
      key: `salesforce:${ID_18}`,
      value: { kind: 'salesforceAccountId', value: ID_18 },
    });
    expect(related?.key).toBe(view?.key);
  });

  it.each([
    'https://app.hubspot.com/contacts/4431852/record/0-2/18295544019',
    'https://app.hubspot.com/contacts/4431852/record/0-2/18295544019/view/1',
    'https://app-eu1.hubspot.com/contacts/4431852/record/0-2/18295544019',
    'https://app.hubspot.com/contacts/4431852/company/18295544019',
  ])('reads the HubSpot company from %s', (url) => {
    expect(companyPageTarget(url)).toEqual({
      key: 'hubspot:4431852:18295544019',
      value: { kind: 'hubspotCompanyId', value: '18295544019' },
    });
  });

  it.each([
    'https://app.hubspot.com/contacts/4431852/record/0-1/901',
    'https://app.hubspot.com/contacts/4431852/objects/0-2/views/all/list',
    'https://app.hubspot.com/reports-dashboard/4431852/view/123',
    'https://www.hubspot.com/products/crm',
  ])('finds no HubSpot company on %s', (url) => {
    expect(companyPageTarget(url)).toBeNull();
  });
});
