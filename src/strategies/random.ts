/**
 * random: any candidate, uniformly.
 *
 * @module
 */
import type { Strategy } from './Strategy';

/**
 * Gives each remaining candidate an independent uniform key from the
 * cluster's seeded generator, so the lowest is a uniform choice among them.
 * With the same state, request and seed, the choice is the same.
 *
 * @returns the strategy `random`
 */
export function random(): Strategy {
  return {
    name: 'random',
    rank: (context) => () => context.random(),
  };
}
