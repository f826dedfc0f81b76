/**
 * Placement strategies as values: what a strategy's key for a candidate
 * depends on, so that an engine knows how to index it.
 *
 * @module
 */
import type { InstanceState } from './InstanceState';
import type { TaskRequirements } from './TaskRequirements';
import type { TaskSelector } from './TaskSelector';

/**
 * What an opaque strategy knows about the placement under way.
 *
 * @category Strategies
 */
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
 * A strategy whose key depends only on the candidate's own state (its
 * resources, attributes, status, agent, tasks): `binpack` is one. The
 * indexed engine keeps instances ordered by the key, so a chain with it costs
 * what a built-in chain costs.
 *
 * @remarks
 * `key` must be a pure function of the instance it is given: the engine
 * reads it again whenever that instance changes, and at no other time.
 *
 * @example
 * A strategy that prefers instances whose `lifecycle` attribute is `spot`:
 * ```ts
 * const preferSpot: InstanceStrategy = {
 *   name: 'preferSpot',
 *   dependsOn: 'instance',
 *   key: (instance) => (instance.attributes.get('lifecycle') === 'spot' ? 0 : 1),
 * };
 * cluster.place({ task, placementStrategy: [preferSpot, { type: 'binpack', field: 'memory' }] });
 * ```
 *
 * @category Strategies
 */
export interface InstanceStrategy {
  /** How the strategy reads in explanations, such as `binpack(memory)`. */
  readonly name: string;
  /** Always `'instance'`. */
  readonly dependsOn: 'instance';
  /**
   * The candidate's key; lower is better.
   *
   * @param instance - a candidate
   * @returns a number (not NaN)
   */
  key(instance: InstanceState): number;
}

/**
 * A strategy whose key is the number of the request group's tasks in the
 * candidate's bucket: `spread`. A bucket is either the instance itself or
 * every instance with the same value of an attribute (those without a value
 * form one bucket); tasks count on every instance of the bucket, whether that
 * instance can take the task or not.
 *
 * @category Strategies
 */
export interface GroupTasksStrategy {
  /** How the strategy reads in explanations, such as `spread(instanceId)`. */
  readonly name: string;
  /** Always `'groupTasks'`. */
  readonly dependsOn: 'groupTasks';
  /** The attribute that buckets instances; absent when each instance is its own bucket. */
  readonly bucketAttribute?: string;
  /** Count only the group's tasks this selects (an extension beside ECS); absent to count every task of the group. */
  readonly taskSelector?: TaskSelector;
}

/**
 * A strategy that chooses with one draw from the cluster's generator per
 * task: `random`. It ends the chain: strategies after it never matter.
 *
 * @category Strategies
 */
export interface DrawStrategy {
  /** How the strategy reads in explanations, such as `random`. */
  readonly name: string;
  /** Always `'draw'`. */
  readonly dependsOn: 'draw';
}

/**
 * A strategy whose key may depend on anything: the whole cluster, the task,
 * draws from the generator. Engines call `rank` once per task and the key
 * function once per remaining candidate, so it costs a pass over the
 * candidates for every task placed.
 *
 * @example
 * A strategy that prefers the zone with the fewest tasks of any group:
 * ```ts
 * const quietZone: OpaqueStrategy = {
 *   name: 'quietZone',
 *   rank: ({ instances }) => {
 *     const load = new Map<string | null | undefined, number>();
 *     for (const instance of instances) {
 *       const zone = instance.attributes.get('ecs.availability-zone');
 *       load.set(zone, (load.get(zone) ?? 0) + instance.runningTasksCount);
 *     }
 *     return (instance) => load.get(instance.attributes.get('ecs.availability-zone')) ?? 0;
 *   },
 * };
 * ```
 *
 * @category Strategies
 */
export interface OpaqueStrategy {
  /** How the strategy reads in explanations. */
  readonly name: string;
  /** `'anything'`, or absent. */
  readonly dependsOn?: 'anything';
  /**
   * Prepares the ranking of one task's candidates.
   *
   * @param context - the placement under way
   * @returns the key of a candidate; lower keys are preferred
   */
  rank(context: StrategyContext): (instance: InstanceState) => number;
}

/**
 * A placement strategy: for each task, a key per candidate instance, lower
 * being better, and what that key depends on.
 *
 * @remarks
 * A chain of strategies narrows the candidates one strategy at a time: each
 * keeps only the candidates with the lowest key, so a later strategy only
 * breaks the ties of the earlier ones. The earliest registered of the
 * candidates left wins. `binpack`, `spread` and `random` make the built-in
 * ones; a caller may write any of the four kinds.
 *
 * @category Strategies
 */
export type Strategy = InstanceStrategy | GroupTasksStrategy | DrawStrategy | OpaqueStrategy;

/**
 * What a strategy's key depends on.
 *
 * @category Strategies
 */
export type StrategyDependency = NonNullable<Strategy['dependsOn']>;
