/**
 * Optional parts of generated values, drawn with a given chance and shrunk
 * towards their absence, which is always the simpler counter-example.
 *
 * @module
 */
import * as fc from 'fast-check';

/** Lets a value shrink from a later alternative to the first one, the simplest: without it, a value only shrinks within the alternative it came from. */
export const CROSS_SHRINK = { withCrossShrink: true } as const;

/** fast-check weights are whole numbers: a chance is spread over this many. */
const SCALE = 1000;

/**
 * `arbitrary` with chance `rate`, else `absent`; shrinks towards `absent`.
 *
 * @param arbitrary - the part when present
 * @param rate - the chance it is present, from 0 to 1
 * @param absent - what stands for its absence
 * @returns the part or its absence
 */
export function sometimes<T, A>(arbitrary: fc.Arbitrary<T>, rate: number, absent: A): fc.Arbitrary<T | A> {
  const present = Math.round(rate * SCALE);
  if (present <= 0) return fc.constant(absent);
  if (present >= SCALE) return arbitrary;
  return fc.oneof(CROSS_SHRINK, { weight: SCALE - present, arbitrary: fc.constant(absent) }, { weight: present, arbitrary });
}

/**
 * A non-empty subset of `values` with chance `rate`, else none; shrinks
 * towards none. With no values, always none.
 *
 * @param values - what the subset is drawn from
 * @param rate - the chance of a subset, from 0 to 1
 * @returns the subset, empty when absent
 */
export function someOf<T>(values: readonly T[], rate: number): fc.Arbitrary<T[]> {
  return values.length === 0 ? fc.constant([]) : sometimes(fc.subarray([...values], { minLength: 1 }), rate, []);
}

/**
 * One of `usual` and the `rare` alternatives, each rare one with its own
 * chance; shrinks towards `usual`.
 *
 * @param usual - the common value, and the shrink target
 * @param rare - alternatives with their chances (summing to at most 1)
 * @returns the value drawn
 */
export function mostly<T>(usual: T, rare: readonly (readonly [fc.Arbitrary<T>, number])[]): fc.Arbitrary<T> {
  const weighted = rare.map(([arbitrary, rate]) => ({ weight: Math.round(rate * SCALE), arbitrary })).filter(({ weight }) => weight > 0);
  const rest = SCALE - weighted.reduce((sum, { weight }) => sum + weight, 0);
  if (weighted.length === 0) return fc.constant(usual);
  return fc.oneof(CROSS_SHRINK, { weight: Math.max(rest, 0), arbitrary: fc.constant(usual) }, ...weighted);
}
