/**
 * random: any candidate, uniformly.
 *
 * @module
 */
import type { DrawStrategy } from '../model/Strategy';

const RANDOM: DrawStrategy = Object.freeze({ name: 'random', dependsOn: 'draw' });

/**
 * Chooses uniformly among the candidates left by the strategies before it,
 * with one number `u` from the cluster's seeded generator per task: `u`
 * puts every registration position in a pseudo-random order, and the first
 * candidate in that order wins. The chain ends there. With the same state,
 * request and seed, the choice is the same.
 *
 * @returns the strategy `random` (always the same frozen value)
 *
 * @category Strategies
 */
export function random(): DrawStrategy {
  return RANDOM;
}
