/**
 * The modified z-score of Iglewicz and Hoaglin: 0.6745 (x - median) / MAD, where |M| > 3.5
 * marks an outlier. The MAD is floored because a flat or mostly-zero history has a MAD of 0,
 * which would turn any small change into an infinite score.
 */
export const MODIFIED_Z_CONSTANT = 0.6745;

export function modifiedZScore(value: number, median: number, mad: number, madFloor: number) {
  return (MODIFIED_Z_CONSTANT * (value - median)) / Math.max(mad, madFloor);
}
