/**
 * A placement request, in ECS's own words (RunTask / CreateService fields).
 *
 * @module
 */
import type { CapacityProviderStrategyItem } from './CapacityProviderStrategyItem';
import type { PackStrategy } from './PackStrategy';
import type { PreferStrategy } from './PreferStrategy';
import type { Strategy } from './Strategy';
import type { TaskSelector } from './TaskSelector';
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
  /**
   * For `spread` only: count only the group's tasks this selects, such as
   * `{ revision: 8 }` during a rollout. An extension beside ECS, whose
   * readers refuse it.
   */
  readonly taskSelector?: TaskSelector;
}

/**
 * Each task of the group goes to a different instance.
 *
 * @category Requests
 */
export interface DistinctInstanceConstraint {
  /** Always `'distinctInstance'`; ECS refuses an expression on it. */
  readonly type: 'distinctInstance';
  /**
   * Other task groups whose tasks count as the request's own: no instance
   * then runs two tasks of all these groups together. An extension beside
   * ECS, which has no such field.
   */
  readonly groups?: readonly string[];
}

/**
 * A hard limit on how unevenly the group's tasks spread over domains (an
 * attribute's values, or instances): a placement that would leave the
 * chosen domain more than `maxSkew` tasks above the emptiest eligible domain
 * is refused. Kubernetes' topology spread constraint with
 * `whenUnsatisfiable: DoNotSchedule`; an extension beside ECS.
 *
 * @remarks
 * Eligible domains are those of the instances that could take a task if they
 * had room: ACTIVE with the agent connected, with the task's required
 * attributes, meeting the memberOf expressions that read only attributes.
 * See the Spread limits section of docs/placement.md.
 *
 * @example
 * ```ts
 * { type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }
 * ```
 *
 * @category Requests
 */
export interface SpreadLimitConstraint {
  /** Always `'spreadLimit'`. */
  readonly type: 'spreadLimit';
  /** The domains: `instanceId` (each instance its own) or `attribute:NAME` (instances by that attribute's value). */
  readonly field: string;
  /** The most tasks a domain may hold above the emptiest eligible domain; a whole number of at least 1. */
  readonly maxSkew: number;
  /** While fewer eligible domains than this exist, the emptiest counts as holding none (Kubernetes' `minDomains`); 1 by default. */
  readonly minDomains?: number;
  /**
   * The domains to spread over, for an attribute field: the emptiest is
   * taken over these values whether an instance has them or not, and an
   * instance with another value gets no task.
   */
  readonly domains?: readonly string[];
  /** Count only the group's tasks this selects, such as `{ revision: 8 }`; every task of the group when absent. */
  readonly taskSelector?: TaskSelector;
}

/**
 * At most `count` tasks of the group (with `groups`: of these groups
 * together) per instance or per value of an attribute: Nomad's
 * `distinct_property`, Marathon's `MAX_PER`, Swarm's maximum replicas per
 * node. An extension beside ECS.
 *
 * @example
 * ```ts
 * { type: 'atMost', count: 2, field: 'instanceId' }
 * ```
 *
 * @category Requests
 */
export interface AtMostConstraint {
  /** Always `'atMost'`. */
  readonly type: 'atMost';
  /** The most tasks a domain may hold; a whole number of at least 1. */
  readonly count: number;
  /** The domains: `instanceId` or `attribute:NAME`; an instance without the attribute gets no task. */
  readonly field: string;
  /** Other task groups whose tasks count together with the request's. */
  readonly groups?: readonly string[];
  /** Count only the tasks (of the group and of `groups`) this selects; all of them when absent. */
  readonly taskSelector?: TaskSelector;
}

/**
 * A placement constraint as ECS writes it.
 *
 * @category Requests
 */
export type PlacementConstraint = MemberOfConstraint | DistinctInstanceConstraint;

/**
 * A placement constraint a request may give: ECS's, or one of this
 * library's extensions beside them, which ECS's readers refuse.
 *
 * @category Requests
 */
export type RequestConstraint = PlacementConstraint | SpreadLimitConstraint | AtMostConstraint;

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
   * standalone request is `random`. A {@link PackStrategy} or a
   * {@link PreferStrategy} (this library's extensions) or a {@link Strategy}
   * object may stand in any position.
   */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy | Strategy)[];
  /** Constraints; with the task definition's, at most 10 in all. */
  readonly placementConstraints?: readonly RequestConstraint[];
  /**
   * The capacity providers that share the tasks, 1 to 20: each task goes to
   * the instances of the provider its share gives it (those whose attribute
   * {@link task-placement!CAPACITY_PROVIDER_ATTRIBUTE} names it), placed there by the
   * strategies and constraints above, and never to another provider's.
   * Without it, every instance may take every task.
   */
  readonly capacityProviderStrategy?: readonly CapacityProviderStrategyItem[];
}
