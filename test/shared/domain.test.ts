import { describe, expect, it } from 'vitest';
import { normaliseDomain } from '../../shared/src/domain.ts';

// What a person pastes as a company's domain, reduced to the bare host the warehouse stores.

describe('normaliseDomain', () => {
  it.each([
    ['acme.io', 'acme.io'],
    ['Acme.IO', 'acme.io'],
    ['  acme.io  ', 'acme.io'],
    ['www.acme.io', 'acme.io'],
    ['WWW.Acme.io', 'acme.io'],
    ['https://www.acme.io', 'acme.io'],
    ['https://WWW.Acme.io/pricing', 'acme.io'],
    ['http://acme.io:8080/a?b=c#d', 'acme.io'],
    ['ftp://files.acme.io', 'files.acme.io'],
    ['acme.io/pricing', 'acme.io'],
    ['acme.io?ref=x', 'acme.io'],
    ['acme.io.', 'acme.io'],
    ['www.acme.co.uk.', 'acme.co.uk'],
    ['app.eu.acme.io', 'app.eu.acme.io'],
    ['wwwacme.io', 'wwwacme.io'],
    ['jane.doe@Acme.io', 'acme.io'],
    ['https://user:secret@acme.io/', 'acme.io'],
    ['https://acme.io?invite=jane@other.com', 'acme.io'],
    ['acme.io#contact:jane@other.com', 'acme.io'],
    ['xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['my-company.io', 'my-company.io'],
  ])('reduces %j to %j', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'acme',
    'localhost',
    'https://',
    'acme..io',
    '-acme.io',
    'acme-.io',
    'acme.io-',
    'acme.123',
    '192.168.0.1',
    'acme io.com',
    'acme_io.com',
    `${'a'.repeat(64)}.io`,
  ])('rejects %j', (input) => {
    expect(normaliseDomain(input)).toBeNull();
  });

  it('accepts a host of 253 characters and no longer', () => {
    const label = 'a'.repeat(63);
    const host253 = `${label}.${label}.${label}.${'a'.repeat(58)}.io`;
    const host254 = `${label}.${label}.${label}.${'a'.repeat(59)}.io`;

    expect(normaliseDomain(host253)).toBe(host253);
    expect(normaliseDomain(host254)).toBeNull();
  });
});
