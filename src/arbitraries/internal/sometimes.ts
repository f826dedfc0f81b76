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
