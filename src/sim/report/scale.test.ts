import { describe, expect, it } from 'vitest';
import { linearAxis, niceStep, scaleLength } from './scale';

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0.7, 1, 1.2, 3, 7, 23, 480].map(niceStep)).toEqual([1, 1, 2, 5, 10, 50, 500]);
    expect(niceStep(0.03)).toBeCloseTo(0.05);
  });

  it('gives 1 for a step that is not positive or not finite', () => {
    expect([0, -4, Number.NaN, Number.POSITIVE_INFINITY].map(niceStep)).toEqual([1, 1, 1, 1]);
  });
});

describe('linearAxis', () => {
  it('covers the maximum with ticks at multiples of a nice step', () => {
    expect(linearAxis(46, 8, true)).toEqual({ top: 50, step: 10, ticks: [0, 10, 20, 30, 40, 50] });
  });

  it('never puts a tick between integers for counts', () => {
    expect(linearAxis(3, 8, true)).toEqual({ top: 3, step: 1, ticks: [0, 1, 2, 3] });
  });

  it('draws a unit axis for an empty or broken maximum', () => {
    for (const max of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(linearAxis(max, 5, true)).toEqual({ top: 1, step: 1, ticks: [0, 1] });
  });
});

describe('scaleLength', () => {
  it('scales and clamps, and gives 0 for anything not finite', () => {
    expect(scaleLength(25, 100, 200)).toBe(50);
    expect(scaleLength(250, 100, 200)).toBe(200);
    expect(scaleLength(-5, 100, 200)).toBe(0);
    expect(scaleLength(Number.NaN, 100, 200)).toBe(0);
    expect(scaleLength(5, 0, 200)).toBe(0);
  });
});
