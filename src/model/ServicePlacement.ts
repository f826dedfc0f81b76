/**
 * How a service's (or a task group's) tasks are placed, as the lifecycle
 * plans that move running tasks need to know it.
 *
 * @module
 */
import type { PlacementStrategy, RequestConstraint } from './PlacementRequest';
import type { PackStrategy } from './PackStrategy';
import type { PreferStrategy } from './PreferStrategy';
import type { Strategy } from './Strategy';
import type { TaskSpec } from './TaskSpec';

/**
 * A service's placement request without a count: what places a task of the
 * group again when a plan moves one. The cluster records each task's group,
 * resources and ports, but not the strategies and constraints that placed it;
 * this says them.
 *
 * @example
 * ```ts
 * const web: ServicePlacement = {
 *   service: 'web',
 *   task: { family: 'web', resources: { cpu: 256, memory: 512 } },
 *   placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
 * };
 * ```
 *
 * @category Requests
 */
export interface ServicePlacement {
  /** The service; its tasks are the group `service:<service>`. Give this or `group`. */
  readonly service?: string;
  /** The task group, for tasks that are not a service's. Give this or `service`. */
  readonly group?: string;
  /** The task definition a moved task is started from (its resources and ports may differ from the running task's). */
  readonly task: TaskSpec;
  /** The group's strategies, at most 5; ECS's default chain when absent. */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy | Strategy)[];
  /** The group's constraints; with the task definition's, at most 10 (9 for consolidation, which adds one). */
  readonly placementConstraints?: readonly RequestConstraint[];
}
