/**
 * The order phase: a strategy ranks the instances that passed every check.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { TaskRequirements } from '../model/TaskRequirements';

/** What a strategy knows about the placement under way. */
export interface StrategyContext {
  /** The task group of the request, such as `service:web`; spread counts its tasks. */
  readonly group: string;
  /** The task being placed. */
  readonly task: TaskRequirements;
  /** Every registered instance, in registration order, whether it can take the task or not. */
  readonly instances: readonly InstanceState[];
  /** A uniform number in [0, 1) from the cluster's seeded generator. */
  random(): number;
}

/**
 * A placement strategy: for each task, a key per candidate instance, lower
 * being better.
 *
 * @remarks
 * A chain of strategies narrows the candidates one strategy at a time: each
 * keeps only the candidates with the lowest key, so a later strategy only
 * breaks the ties of the earlier ones. The earliest registered of the
 * candidates left wins. `rank` is called once per task, before any key, so a
 * strategy can do its per-task work there (spread counts its buckets once).
 *
 * @example
 * A strategy that prefers instances whose `lifecycle` attribute is `spot`:
 * ```ts
 * const preferSpot: Strategy = {
 *   name: 'preferSpot',
 *   rank: () => (instance) => (instance.attributes.get('lifecycle') === 'spot' ? 0 : 1),
 * };
 * cluster.place({ task, placementStrategy: [preferSpot, { type: 'binpack', field: 'memory' }] });
 * ```
 */
export interface Strategy {
  /** How the strategy reads in explanations, such as `binpack(memory)`. */
  readonly name: string;
  /**
   * Prepares the ranking of one task's candidates.
   *
   * @param context - the placement under way
   * @returns the key of a candidate; lower keys are preferred
   */
  rank(context: StrategyContext): (instance: InstanceState) => number;
}
