import { describe, expect, it } from 'vitest';
import { parseHubSpotCompanyUrl } from '../../shared/src/hubspot-id.ts';

// Company record URLs of HubSpot's app (REFERENCE.md, "Salesforce and HubSpot pages").

describe('parseHubSpotCompanyUrl', () => {
  it('reads the portal and company from a record URL', () => {
    expect(
      parseHubSpotCompanyUrl('https://app.hubspot.com/contacts/123456/record/0-2/9876543'),
    ).toEqual({
      portalId: '123456',
      companyId: '9876543',
    });
  });

  it('reads the older company URL', () => {
    expect(parseHubSpotCompanyUrl('https://app.hubspot.com/contacts/123456/company/42')).toEqual({
      portalId: '123456',
      companyId: '42',
    });
  });

  it('reads a record URL on the EU host, with a view suffix', () => {
    expect(
      parseHubSpotCompanyUrl('https://app-eu1.hubspot.com/contacts/77/record/0-2/88/view/1'),
    ).toEqual({ portalId: '77', companyId: '88' });
  });

  it('ignores the query string and fragment', () => {
    expect(
      parseHubSpotCompanyUrl('https://app.hubspot.com/contacts/1/record/0-2/2?tab=about#notes'),
    ).toEqual({ portalId: '1', companyId: '2' });
  });

  it('accepts a URL object', () => {
    expect(
      parseHubSpotCompanyUrl(new URL('https://app.hubspot.com/contacts/5/company/6/')),
    ).toEqual({
      portalId: '5',
      companyId: '6',
    });
  });

  it.each([
    ['not HTTPS', 'http://app.hubspot.com/contacts/1/record/0-2/2'],
    ['another host', 'https://evil.example/contacts/1/record/0-2/2'],
    ['a look-alike host', 'https://app.hubspot.com.evil.example/contacts/1/record/0-2/2'],
    ['the marketing site', 'https://www.hubspot.com/contacts/1/record/0-2/2'],
    ['a contact record', 'https://app.hubspot.com/contacts/1/record/0-1/2'],
    ['a deal record', 'https://app.hubspot.com/contacts/1/record/0-3/2'],
    ['a company id with letters', 'https://app.hubspot.com/contacts/1/record/0-2/2abc'],
    ['the companies list', 'https://app.hubspot.com/contacts/1/objects/0-2/views/all/list'],
    ['not a URL', 'app.hubspot.com/contacts/1/record/0-2/2'],
  ])('returns null for %s', (_, url) => {
    expect(parseHubSpotCompanyUrl(url)).toBeNull();
  });
});
