/**
 * A placement request, in ECS's own words (RunTask / CreateService fields).
 *
 * @module
 */
import type { CapacityProviderStrategyItem } from './CapacityProviderStrategyItem';
import type { PackStrategy } from './PackStrategy';
import type { Strategy } from './Strategy';
import type { MemberOfConstraint, TaskSpec } from './TaskSpec';

/**
 * The strategy types ECS has.
 *
 * @category Requests
 */
export type PlacementStrategyType = 'binpack' | 'spread' | 'random';

/**
 * One placement strategy as ECS writes it, for example
 * `{ type: 'spread', field: 'attribute:ecs.availability-zone' }`.
 *
 * @remarks
 * `binpack` takes a resource name (`cpu`, `memory`, `gpu` or a custom one);
 * `cpu` and `memory`, ECS's two, are read in any case as ECS reads them
 * (`MEMORY`, as DescribeServices reports it and CDK writes it), and
 * explanations name them in lower case: `binpack(memory)`. `spread` takes
 * `instanceId`, `host` or `attribute:NAME`, in the case written; `random`
 * takes none.
 *
 * @category Requests
 */
export interface PlacementStrategy {
  /** The strategy. */
  readonly type: PlacementStrategyType;
  /** What it applies to. */
  readonly field?: string;
}

/**
 * Each task of the group goes to a different instance.
 *
 * @category Requests
 */
export interface DistinctInstanceConstraint {
  /** Always `'distinctInstance'`; ECS refuses an expression on it. */
  readonly type: 'distinctInstance';
}

/**
 * A placement constraint as ECS writes it.
 *
 * @category Requests
 */
export type PlacementConstraint = MemberOfConstraint | DistinctInstanceConstraint;

/**
 * What to place and how: the fields of an ECS RunTask or CreateService call
 * that concern placement, so the arrays of a service definition can be
 * pasted in as they are.
 *
 * @example
 * ```ts
 * cluster.place({
 *   task: { family: 'web', resources: { cpu: 256, memory: 512 } },
 *   count: 6,
 *   service: 'web',
 *   placementStrategy: [
 *     { type: 'spread', field: 'attribute:ecs.availability-zone' },
 *     { type: 'binpack', field: 'memory' },
 *   ],
 *   placementConstraints: [{ type: 'distinctInstance' }],
 * });
 * ```
 *
 * @category Requests
 */
export interface PlacementRequest {
  /** The task to place. */
  readonly task: TaskSpec;
  /**
   * How many copies to place.
   * @defaultValue 1
   */
  readonly count?: number;
  /** The service the tasks belong to; their group is `service:<service>`. */
  readonly service?: string;
  /** The task group of a standalone request; by default `family:<task.family>`. */
  readonly group?: string;
  /**
   * At most 5 strategies, applied in order. Without any, a service spreads
   * over `attribute:ecs.availability-zone` then `instanceId`, and a
   * standalone request is `random`. A {@link PackStrategy} (this library's
   * extension) or a {@link Strategy} object may stand in any position.
   */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | Strategy)[];
  /** Constraints; with the task definition's, at most 10 in all. */
  readonly placementConstraints?: readonly PlacementConstraint[];
  /**
   * The capacity providers that share the tasks, 1 to 20: each task goes to
   * the instances of the provider its share gives it (those whose attribute
   * {@link task-placement!CAPACITY_PROVIDER_ATTRIBUTE} names it), placed there by the
   * strategies and constraints above, and never to another provider's.
   * Without it, every instance may take every task.
   */
  readonly capacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
}
