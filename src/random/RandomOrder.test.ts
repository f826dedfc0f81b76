import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { chiSquareStatistic } from '../../test/support/chiSquare';
import { RandomOrder } from './RandomOrder';
import { runs } from '../../test/support/runs';

/** Chi-square critical values for p = 1e-6 by degrees of freedom (1 to 11). */
const ONE_IN_A_MILLION = [23.93, 27.63, 30.66, 33.38, 35.89, 38.26, 40.52, 42.70, 44.81, 46.86, 48.87];

describe('RandomOrder', () => {
  test.prop([fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 5000 }))], { numRuns: runs(200) })(
    'orders every position exactly once, and rankOf undoes at',
    (u, size) => {
      const order = new RandomOrder();
      order.reset(u, size);
      const seen = new Uint8Array(size);
      const faults: string[] = [];
      for (let k = 0; k < size; k += 1) {
        const position = order.at(k);
        if (!(position >= 0 && position < size) || seen[position] === 1 || order.rankOf(position) !== k) faults.push(`at(${k}) = ${position}`);
        else seen[position] = 1;
      }
      expect(faults.slice(0, 5)).toEqual([]);
    },
  );

  it('gives other orders for other draws', () => {
    const order = new RandomOrder();
    const firsts = new Set<string>();
    for (let draw = 0; draw < 50; draw += 1) {
      order.reset(draw / 50, 100);
      firsts.add(Array.from({ length: 10 }, (_, k) => order.at(k)).join(','));
    }
    expect(firsts.size).toBe(50);
  });

  it.each([2, 3, 5, 12])('puts each of %i positions first equally often over draws', (size) => {
    const order = new RandomOrder();
    const hits = new Array<number>(size).fill(0);
    const trials = size * 2000;
    for (let trial = 0; trial < trials; trial += 1) {
      order.reset((trial + 0.5) / trials, size);
      hits[order.at(0)] = (hits[order.at(0)] as number) + 1;
    }
    expect(chiSquareStatistic(hits, hits.map(() => trials / size)), hits.join(', ')).toBeLessThan(ONE_IN_A_MILLION[size - 2] as number);
  });

  test.prop([fc.oneof(fc.integer({ min: 3, max: 40 }), fc.integer({ min: 257, max: 5000 })), fc.integer({ min: 2, max: 6 }), fc.nat()], { numRuns: runs(40) })(
    'makes each member of a subset the earliest in the order equally often',
    (size, members, offset) => {
      const subset = Array.from({ length: Math.min(members, size) }, (_, index) => (offset + index * 7) % size).filter((position, index, all) => all.indexOf(position) === index);
      const order = new RandomOrder();
      const hits = subset.map(() => 0);
      const trials = subset.length * 1500;
      for (let trial = 0; trial < trials; trial += 1) {
        order.reset((trial + 0.25) / trials, size);
        let best = 0;
        subset.forEach((position, index) => {
          if (order.rankOf(position) < order.rankOf(subset[best] as number)) best = index;
        });
        hits[best] = (hits[best] as number) + 1;
      }
      if (subset.length < 2) return;
      expect(chiSquareStatistic(hits, hits.map(() => trials / subset.length)), `${subset.join(',')} of ${size}: ${hits.join(', ')}`).toBeLessThan(ONE_IN_A_MILLION[subset.length - 2] as number);
    },
  );
});
