/**
 * Uniform choices from a seeded generator.
 *
 * @module
 */
import type { SeededRandom } from '../random/SeededRandom';

/**
 * One item, uniformly.
 *
 * @param random - the generator; one number is drawn
 * @param items - a non-empty list
 * @returns one of the items
 * @example
 * ```ts
 * pick(new SeededRandom(1), [256, 512, 1024]);
 * ```
 */
export function pick<T>(random: SeededRandom, items: readonly T[]): T {
  return items[Math.floor(random.next() * items.length)] as T;
}
