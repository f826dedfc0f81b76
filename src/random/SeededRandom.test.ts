import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { SeededRandom } from './SeededRandom';
import { runs } from '../../test/support/runs';

const firstDraws = (seed: number): number[] => {
  const random = new SeededRandom(seed);
  return [random.next(), random.next(), random.next(), random.next()];
};

const safeInteger = fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.maxSafeNat(), fc.integer({ min: -(2 ** 33), max: 2 ** 33 }));

describe('SeededRandom', () => {
  it.each<[number, number]>([
    [5, -6],
    [0, -1],
    [0, 2 ** 32 + 1],
    [1, 2 ** 32 + 1],
    [7, 7 + 2 ** 32],
    [2 ** 32 - 1, -1],
    [Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER],
  ])('gives seeds %d and %d different streams', (one, other) => {
    expect(firstDraws(one)).not.toEqual(firstDraws(other));
  });

  // Besides any pair, the pairs a seed folded into 32 bits would confuse: the complement, and a difference of a multiple of 2^32.
  const neighbour = (seed: number) => fc.oneof(safeInteger, fc.constant(-(seed + 1)), fc.integer({ min: -4, max: 4 }).map((k) => seed + k * 2 ** 32));
  test.prop([safeInteger.chain((seed) => fc.tuple(fc.constant(seed), neighbour(seed)))], { numRuns: runs(500) })('gives distinct seeds distinct streams', ([one, other]) => {
    fc.pre(one !== other && Number.isSafeInteger(other));
    expect(firstDraws(one)).not.toEqual(firstDraws(other));
  });

  test.prop([safeInteger], { numRuns: runs(200) })('gives one seed one stream, of numbers in [0, 1)', (seed) => {
    const draws = firstDraws(seed);
    expect(firstDraws(seed)).toEqual(draws);
    for (const draw of draws) expect(draw >= 0 && draw < 1).toBe(true);
  });

  it('keeps the streams of seeds from 0 to 2^32 - 1 as they were, so that saved scenarios replay', () => {
    const as32Bits = (seed: number): number[] => firstDraws(seed).slice(0, 3).map((draw) => draw * 2 ** 32);
    expect(as32Bits(0)).toEqual([4205396811, 3543653536, 1222415357]);
    expect(as32Bits(1)).toEqual([1828152527, 3394835397, 2967886022]);
    expect(as32Bits(20261127)).toEqual([2648152306, 1801741605, 2819092901]);
    expect(as32Bits(2 ** 32 - 1)).toEqual([1413747962, 91561161, 3282502067]);
  });
});
