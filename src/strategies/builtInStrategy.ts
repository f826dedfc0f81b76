/**
 * What the built-in strategies are, so that an engine can rank by them with
 * its own data structures instead of calling their key functions.
 *
 * @module
 */
import type { Strategy } from './Strategy';

/** A built-in strategy, as data. */
export type BuiltInStrategy =
  | { readonly kind: 'binpack'; readonly field: string }
  | {
      readonly kind: 'spread';
      /** The attribute it buckets by; `undefined` when each instance is its own bucket (`instanceId`, `host`). */
      readonly attribute: string | undefined;
    }
  | { readonly kind: 'random' };

const builtIns = new WeakMap<Strategy, BuiltInStrategy>();

/**
 * Marks a strategy object as a built-in one.
 *
 * @param strategy - the object the factory made
 * @param description - what it is
 * @returns the same object
 */
export function markBuiltIn(strategy: Strategy, description: BuiltInStrategy): Strategy {
  builtIns.set(strategy, description);
  return strategy;
}

/**
 * What a strategy is, when it is one of `binpack`, `spread` and `random` as
 * their factories made them; `undefined` for a caller's own strategy.
 *
 * @param strategy - any strategy
 */
export function builtInStrategy(strategy: Strategy): BuiltInStrategy | undefined {
  return builtIns.get(strategy);
}
