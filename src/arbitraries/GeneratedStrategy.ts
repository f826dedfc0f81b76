/**
 * The type of a strategy {@link strategyChain} generates, narrowed to the
 * types and fields its constraints list.
 *
 * @module
 */
import type { PlacementStrategy, PlacementStrategyType } from '../model/PlacementRequest';

/**
 * One strategy of a generated chain, as precise as the constraints given:
 * with `binpackFields: ['memory'] as const` (or given inline, which
 * {@link strategyChain} reads as constant), a binpack's `field` is typed
 * `'memory'`, and the strategy types are those of `types`. Each member is an
 * ECS JSON strategy, so a chain of them is a chain `place` takes.
 *
 * @typeParam B - the binpack fields listed
 * @typeParam S - the spread fields listed
 * @typeParam T - the strategy types listed
 *
 * @example
 * ```ts
 * const chains = strategyChain({ types: ['binpack'], binpackFields: ['memory', 'cpu'] });
 * // fc.Arbitrary<{ readonly type: 'binpack'; readonly field: 'memory' | 'cpu' }[]>
 * ```
 */
export type GeneratedStrategy<B extends string = string, S extends string = string, T extends PlacementStrategyType = PlacementStrategyType> =
  T extends 'binpack' ? {
    /** Packs tasks on the instances with the least of `field` left. */
    readonly type: 'binpack';
    /** A resource of `binpackFields`. */
    readonly field: B;
  }
    : T extends 'spread' ? {
      /** Spreads tasks evenly over the values of `field`. */
      readonly type: 'spread';
      /** A field of `spreadFields`. */
      readonly field: S;
    }
      : {
        /** Picks among the instances left at random. */
        readonly type: 'random';
      };

/**
 * The strategy type of a chain drawn from constraints listing `B`, `S` and
 * `T`: {@link PlacementStrategy} when none was given as literals (the type
 * these arbitraries have always had), else the {@link GeneratedStrategy}
 * those literals allow.
 *
 * @typeParam B - the binpack fields listed
 * @typeParam S - the spread fields listed
 * @typeParam T - the strategy types listed
 */
export type ChainStrategy<B extends string, S extends string, T extends PlacementStrategyType> =
  [string] extends [B] ? [string] extends [S] ? [PlacementStrategyType] extends [T] ? PlacementStrategy : GeneratedStrategy<B, S, T> : GeneratedStrategy<B, S, T>
    : GeneratedStrategy<B, S, T>;
