import { describe, expect, it } from 'vitest';
import { histogram } from './freeCapacityChart';

describe('histogram', () => {
  it('bins values into nice bins from 0, the largest value in the last bin', () => {
    expect(histogram([0, 1, 2.5, 9, 10])).toEqual({ step: 1, counts: [1, 1, 1, 0, 0, 0, 0, 0, 0, 2] });
    expect(histogram([0, 3, 7, 31])).toEqual({ step: 5, counts: [2, 1, 0, 0, 0, 0, 1] });
  });

  it('counts every value once, negative and broken values as 0', () => {
    const values = [-5, Number.NaN, Number.POSITIVE_INFINITY, 4, 12, 12.5];
    const result = histogram(values);
    expect(result.counts.reduce((sum, n) => sum + n, 0)).toBe(values.length);
    expect(result.counts[0]).toBe(3);
  });

  it('gives one bin when every value is 0 or there are none', () => {
    expect(histogram([0, 0])).toEqual({ step: 1, counts: [2] });
    expect(histogram([])).toEqual({ step: 1, counts: [0] });
  });
});
