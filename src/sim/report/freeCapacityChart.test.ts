import { describe, expect, it } from 'vitest';
import { makeInstance, makeReport } from '../../../test/report/reportFixtures';
import { freeCapacitySvg, histogram } from './freeCapacityChart';

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

  it('bins shares into ten bins of 0 to 1 whatever the largest value, edges in the upper bin', () => {
    expect(histogram([0, 0.05, 0.3, 0.7, 1, 1.5], 1)).toEqual({ step: 0.1, counts: [2, 0, 0, 1, 0, 0, 0, 1, 0, 2] });
    expect(histogram([0.2], 1).counts).toHaveLength(10);
  });
});

describe('freeCapacitySvg', () => {
  it('draws free memory and cpu as amounts and as shares of each ACTIVE instance, in percent', () => {
    const svg = freeCapacitySvg(
      makeReport({
        instances: [
          makeInstance('a', { memory: 0.25, cpu: 1, freeMemory: 6144, freeCpu: 0 }),
          makeInstance('b', { memory: 0.95, cpu: 0.5, freeMemory: 400, freeCpu: 1024 }),
          makeInstance('c', { status: 'DRAINING', memory: 0, cpu: 0 }),
        ],
      }),
    );
    for (const heading of ['Free memory (GiB)', 'Free memory (share)', 'Free cpu (vCPU)', 'Free cpu (share)']) expect(svg).toContain(`>${heading}</text>`);
    expect(svg).toContain('<title>70%–80% free: 1 instance</title>');
    expect(svg).toContain('<title>0%–10% free: 1 instance</title>');
    expect(svg).toContain('<title>5–6 GiB free: 1 instance</title>');
    expect(svg).toContain('>100%</text>');
    expect(svg).toContain('class="chart grid"');
  });
});
