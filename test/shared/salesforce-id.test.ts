import { describe, expect, it } from 'vitest';
import {
  isAccountId,
  salesforceIdSuffix,
  toSalesforceId18,
} from '../../shared/src/salesforce-id.ts';

// The 18-character form appends three characters that encode which of the first fifteen are
// upper case. Vectors from REFERENCE.md ("Salesforce and HubSpot pages").

describe('salesforceIdSuffix', () => {
  it.each([
    ['a0RE000000IJmcN', 'MAT'],
    ['003G000001SUbc4', 'IAD'],
    ['001000000000000', 'AAA'],
    ['ABCDEABCDEABCDE', '555'],
  ])('gives %s the suffix %s', (id15, suffix) => {
    expect(salesforceIdSuffix(id15)).toBe(suffix);
  });
});

describe('toSalesforceId18', () => {
  it('extends the published 15-character vectors to their 18-character forms', () => {
    expect(toSalesforceId18('a0RE000000IJmcN')).toEqual({ ok: true, id: 'a0RE000000IJmcNMAT' });
    expect(toSalesforceId18('003G000001SUbc4')).toEqual({ ok: true, id: '003G000001SUbc4IAD' });
  });

  it('accepts an 18-character Id whose suffix matches', () => {
    expect(toSalesforceId18('a0RE000000IJmcNMAT')).toEqual({ ok: true, id: 'a0RE000000IJmcNMAT' });
  });

  it('accepts the suffix in any case and returns it in upper case', () => {
    expect(toSalesforceId18('003G000001SUbc4iad')).toEqual({ ok: true, id: '003G000001SUbc4IAD' });
    expect(toSalesforceId18('003G000001SUbc4iAd')).toEqual({ ok: true, id: '003G000001SUbc4IAD' });
  });

  it('rejects a wrong checksum and names the right one', () => {
    expect(toSalesforceId18('a0RE000000IJmcNMAX')).toEqual({
      ok: false,
      message: 'checksum does not match (expected a0RE000000IJmcNMAT)',
    });
  });

  it('rejects an Id whose case-sensitive first fifteen characters changed case', () => {
    // Upper-casing the head changes its suffix (NA5, not MAT).
    expect(toSalesforceId18('A0RE000000IJMCNMAT')).toEqual({
      ok: false,
      message: 'checksum does not match (expected A0RE000000IJMCNNA5)',
    });
  });

  it('trims surrounding spaces', () => {
    expect(toSalesforceId18('  003G000001SUbc4 ')).toEqual({ ok: true, id: '003G000001SUbc4IAD' });
  });

  it.each([
    '',
    '003G000001SUbc',
    '003G000001SUbc4I',
    '003G000001SUbc4IA',
    '003G000001SUbc4IADX',
    '003G000001SU-c4',
    '003G000001SUbc4 IAD',
  ])('rejects %j as neither form', (input) => {
    expect(toSalesforceId18(input)).toEqual({
      ok: false,
      message: 'a Salesforce Id has 15 or 18 letters and digits',
    });
  });
});

describe('isAccountId', () => {
  it('recognises the Account key prefix 001', () => {
    expect(isAccountId('001Ab000003XyZqIAK')).toBe(true);
    expect(isAccountId('003G000001SUbc4IAD')).toBe(false);
  });
});
