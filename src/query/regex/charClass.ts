/** The largest Unicode code point. */
export const MAX_CODE_POINT = 0x10ffff;

/**
 * An immutable set of code points, stored as sorted, disjoint, non-adjacent
 * inclusive ranges flattened into `[lo0, hi0, lo1, hi1, ...]`.
 *
 * The canonical form makes negation a single pass and lets two equal sets
 * compare equal range by range.
 */
export interface CharClass {
  readonly ranges: readonly number[];
}

/**
 * Builds a set from inclusive ranges given in any order, possibly overlapping.
 *
 * @param pairs - Flattened `[lo, hi, lo, hi, ...]` with `lo <= hi` in each pair.
 * @returns The canonical set.
 */
export function charClassFromRanges(pairs: readonly number[]): CharClass {
  const starts: [number, number][] = [];
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    starts.push([pairs[i] ?? 0, pairs[i + 1] ?? 0]);
  }
  starts.sort((x, y) => x[0] - y[0]);
  const ranges: number[] = [];
  for (const [lo, hi] of starts) {
    const last = ranges.length - 1;
    // Adjacent ranges merge too, so that the form stays canonical.
    if (last > 0 && lo <= (ranges[last] ?? 0) + 1) {
      ranges[last] = Math.max(ranges[last] ?? 0, hi);
    } else {
      ranges.push(lo, hi);
    }
  }
  return { ranges };
}

/**
 * The set holding one code point.
 *
 * @param codePoint - The code point.
 */
export function singletonClass(codePoint: number): CharClass {
  return { ranges: [codePoint, codePoint] };
}

/**
 * The union of two sets.
 *
 * @returns A set holding every code point of `a` or `b`.
 */
export function unionClasses(a: CharClass, b: CharClass): CharClass {
  return charClassFromRanges([...a.ranges, ...b.ranges]);
}

/**
 * The complement of a set within all code points `0..0x10FFFF`.
 *
 * @returns A set holding exactly the code points that `set` lacks.
 */
export function negateClass(set: CharClass): CharClass {
  const ranges: number[] = [];
  let next = 0;
  for (let i = 0; i + 1 < set.ranges.length; i += 2) {
    const lo = set.ranges[i] ?? 0;
    if (lo > next) ranges.push(next, lo - 1);
    next = (set.ranges[i + 1] ?? 0) + 1;
  }
  if (next <= MAX_CODE_POINT) ranges.push(next, MAX_CODE_POINT);
  return { ranges };
}

/**
 * Tells whether a code point is in a set, by binary search over its ranges.
 *
 * @param set - The set.
 * @param codePoint - The code point to look up.
 */
export function classContains(set: CharClass, codePoint: number): boolean {
  return rangesContain(set.ranges, codePoint);
}

/**
 * Binary search in sorted, disjoint inclusive ranges stored flat as
 * `[lo0, hi0, lo1, hi1, ...]`.
 *
 * @param ranges - The flat range list.
 * @param codePoint - The code point to look for.
 * @returns True when some range holds the code point.
 */
export function rangesContain(ranges: ArrayLike<number>, codePoint: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (codePoint < (ranges[2 * mid] ?? 0)) hi = mid - 1;
    else if (codePoint > (ranges[2 * mid + 1] ?? 0)) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * Closes a set under ASCII case: Java's `CASE_INSENSITIVE` without
 * `UNICODE_CASE` pairs only `a-z` with `A-Z`, so `K` (Kelvin sign) and `ſ`
 * stay apart from `k` and `s`.
 *
 * @returns The set plus the other-case twin of each ASCII letter it holds.
 */
export function foldAsciiCase(set: CharClass): CharClass {
  const extra: number[] = [];
  for (let i = 0; i + 1 < set.ranges.length; i += 2) {
    const lo = set.ranges[i] ?? 0;
    const hi = set.ranges[i + 1] ?? 0;
    pushShifted(extra, lo, hi, 0x61, 0x7a, -0x20);
    pushShifted(extra, lo, hi, 0x41, 0x5a, 0x20);
  }
  return extra.length === 0 ? set : charClassFromRanges([...set.ranges, ...extra]);
}

function pushShifted(out: number[], lo: number, hi: number, from: number, to: number, shift: number): void {
  const a = Math.max(lo, from);
  const b = Math.min(hi, to);
  if (a <= b) out.push(a + shift, b + shift);
}

/**
 * The only code point of a one-element set, so the compiler can emit a cheap
 * equality test instead of a range search.
 *
 * @returns The code point, or `-1` when the set does not hold exactly one.
 */
export function soleCodePoint(set: CharClass): number {
  const [lo, hi] = set.ranges;
  return set.ranges.length === 2 && lo === hi && lo !== undefined ? lo : -1;
}
