/**
 * random: any candidate, uniformly.
 *
 * @module
 */
import { markBuiltIn } from './builtInStrategy';
import type { Strategy } from './Strategy';

/**
 * Chooses uniformly among the candidates left by the strategies before it,
 * with one number `u` from the cluster's seeded generator per task: the
 * candidate at position floor(u x m) of the m left, in registration order.
 * The chain ends there. With the same state, request and seed, the choice is
 * the same.
 *
 * @remarks
 * Used outside a chain (a caller's strategy calling `rank`), it gives every
 * instance an independent uniform key, which also makes the lowest a uniform
 * choice.
 *
 * @returns the strategy `random`
 */
export function random(): Strategy {
  const strategy: Strategy = {
    name: 'random',
    rank: (context) => () => context.random(),
  };
  return markBuiltIn(strategy, { kind: 'random' });
}
