/**
 * The `pack` strategy as a request writes it: an extension beside ECS's
 * binpack, spread and random.
 *
 * @module
 */

/**
 * The scorers of the `pack` strategy, in the order the docs give them.
 *
 * @category Requests
 */
export const PACK_SCORERS = Object.freeze(['dotProduct', 'bestFit', 'mostAllocated', 'leastAllocated', 'balanced'] as const);

/**
 * How `pack` scores an instance for a task; see {@link PackStrategy}.
 *
 * @category Requests
 */
export type PackScorer = (typeof PACK_SCORERS)[number];

/**
 * Ranks instances by how well the task fits them on several resources at
 * once, with one of five published scorers: this library's extension, which
 * chains with ECS's strategies but is not one of them (ECS's own JSON
 * refuses it). For example
 * `{ type: 'pack', resources: ['cpu', 'memory'], scorer: 'dotProduct' }`.
 *
 * @remarks
 * Every amount is read as a share of the instance's registered capacity;
 * a resource the instance has not registered counts as full, as binpack
 * counts its remaining amount as 0. With d the task's demand, f the
 * remaining amount before the task and u' the amount used after it, each
 * over capacity, and weights w:
 *
 * - `dotProduct`: the largest sum of w·d·f first: the task's demand most
 *   aligned with what the instance has free (Tetris, Grandl et al., SIGCOMM
 *   2014).
 * - `bestFit`: the smallest sum of w·10^(1-u') first: Nomad's
 *   `ScoreFitBinPack`, which favours instances left nearly full on every
 *   resource.
 * - `mostAllocated` and `leastAllocated`: the highest, and the lowest,
 *   weighted mean of u' first: Kubernetes' NodeResourcesFit scoring
 *   strategies.
 * - `balanced`: the smallest weighted standard deviation of u' first:
 *   Kubernetes' NodeResourcesBalancedAllocation.
 *
 * A strategy's key is lower-is-better, so a scorer whose source maximises a
 * score keys by its negation; explanations show the key. docs/packing.md
 * gives the formulas in full.
 *
 * @category Requests
 */
export interface PackStrategy {
  /** Always `'pack'`. */
  readonly type: 'pack';
  /** The resources scored, 1 to 8 different names, such as `['cpu', 'memory']`. */
  readonly resources: readonly string[];
  /** The scorer. */
  readonly scorer: PackScorer;
  /**
   * One weight per resource, each above 0 and finite, in the order of
   * `resources`.
   * @defaultValue every weight 1
   */
  readonly weights?: readonly number[];
}
