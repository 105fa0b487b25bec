import { describe, expect, it } from 'vitest';
import { bandTagVariant } from '../../crm-card/src/app/cards/band-tag-variant.ts';

describe("the band tag's variant", () => {
  it.each([
    ['#ba0517', 'error'],
    ['#dd7a01', 'warning'],
    ['#2e844a', 'success'],
    ['#0176d3', 'info'],
    ['#706e6b', 'default'],
    ['#c23fc2', 'error'],
    ['red', 'default'],
  ])('shows a band coloured %s as a %s tag', (colour, variant) => {
    expect(bandTagVariant(colour)).toBe(variant);
  });
});
