import { describe, expect, it } from 'vitest';
import { MODIFIED_Z_CONSTANT, modifiedZScore } from '../../../proxy/src/scoring/robust-z-score.ts';

// Iglewicz and Hoaglin's modified z-score: 0.6745 (x - median) / MAD.

describe('modifiedZScore', () => {
  it('uses the constant 0.6745', () => {
    expect(MODIFIED_Z_CONSTANT).toBe(0.6745);
  });

  it('scales the distance from the median by the MAD', () => {
    expect(modifiedZScore(1200, 1000, 100, 1)).toBeCloseTo(1.349, 10);
    expect(modifiedZScore(1000, 1000, 100, 1)).toBe(0);
  });

  it('is negative below the median', () => {
    expect(modifiedZScore(800, 1000, 100, 1)).toBeCloseTo(-1.349, 10);
  });

  it('divides by the floor when the MAD is smaller', () => {
    expect(modifiedZScore(1100, 1000, 0, 50)).toBeCloseTo(1.349, 10);
    expect(modifiedZScore(1100, 1000, 20, 50)).toBeCloseTo(1.349, 10);
  });

  it('ignores the floor when the MAD is larger', () => {
    expect(modifiedZScore(1100, 1000, 200, 50)).toBeCloseTo(0.33725, 10);
  });

  it('stays finite for a flat history thanks to the floor', () => {
    expect(modifiedZScore(60, 0, 0, 1)).toBeCloseTo(40.47, 10);
  });
});
