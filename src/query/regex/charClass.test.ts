import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  MAX_CODE_POINT,
  charClassFromRanges,
  classContains,
  foldAsciiCase,
  negateClass,
  singletonClass,
  soleCodePoint,
  unionClasses,
} from './charClass';

/** Code points where set operations can go wrong: edges of ASCII letters, surrogates, the maximum. */
const probe = fc.oneof(
  fc.integer({ min: 0, max: 0x80 }),
  fc.constantFrom(0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0xd800, 0xdfff, 0x1f600, MAX_CODE_POINT - 1, MAX_CODE_POINT),
);
const rangePairs = fc
  .array(fc.tuple(probe, probe), { maxLength: 5 })
  .map((pairs) => pairs.flatMap(([a, b]) => [Math.min(a, b), Math.max(a, b)]));

/** The membership a list of ranges means, computed naively. */
const naive = (pairs: readonly number[], cp: number): boolean =>
  pairs.some((lo, i) => i % 2 === 0 && lo <= cp && cp <= (pairs[i + 1] ?? -1));

describe('charClass', () => {
  test.prop([rangePairs, probe])('contains what its ranges cover', (pairs, cp) => {
    expect(classContains(charClassFromRanges(pairs), cp)).toBe(naive(pairs, cp));
  });

  test.prop([rangePairs])('is canonical: sorted, disjoint, non-adjacent', (pairs) => {
    const { ranges } = charClassFromRanges(pairs);
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      expect(ranges[i] ?? 0).toBeLessThanOrEqual(ranges[i + 1] ?? 0);
      if (i + 2 < ranges.length) expect((ranges[i + 1] ?? 0) + 1).toBeLessThan(ranges[i + 2] ?? 0);
    }
  });

  test.prop([rangePairs, probe])('negation flips membership and undoes itself', (pairs, cp) => {
    const set = charClassFromRanges(pairs);
    expect(classContains(negateClass(set), cp)).toBe(!classContains(set, cp));
    expect(negateClass(negateClass(set))).toEqual(set);
  });

  test.prop([rangePairs, rangePairs, probe])('union holds the members of both', (a, b, cp) => {
    const union = unionClasses(charClassFromRanges(a), charClassFromRanges(b));
    expect(classContains(union, cp)).toBe(naive(a, cp) || naive(b, cp));
  });

  test.prop([rangePairs, probe])('ASCII case folding adds exactly the other case of ASCII letters', (pairs, cp) => {
    const folded = foldAsciiCase(charClassFromRanges(pairs));
    const isLetter = (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
    expect(classContains(folded, cp)).toBe(naive(pairs, cp) || (isLetter && naive(pairs, cp ^ 0x20)));
  });

  it('folds only ASCII letters', () => {
    expect(foldAsciiCase(charClassFromRanges([0x5b, 0x60, 0xe9, 0xe9]))).toEqual(charClassFromRanges([0x5b, 0x60, 0xe9, 0xe9]));
    expect(foldAsciiCase(charClassFromRanges([0x59, 0x61]))).toEqual(charClassFromRanges([0x41, 0x41, 0x59, 0x61, 0x79, 0x7a]));
  });

  it('negates the empty set to everything and back', () => {
    const everything = negateClass(charClassFromRanges([]));
    expect(everything.ranges).toEqual([0, MAX_CODE_POINT]);
    expect(negateClass(everything).ranges).toEqual([]);
  });

  it('finds the sole code point of a one-element set only', () => {
    expect(soleCodePoint(singletonClass(0x1f600))).toBe(0x1f600);
    expect(soleCodePoint(charClassFromRanges([0x61, 0x62]))).toBe(-1);
    expect(soleCodePoint(charClassFromRanges([0x61, 0x61, 0x63, 0x63]))).toBe(-1);
    expect(soleCodePoint(charClassFromRanges([]))).toBe(-1);
  });
});
