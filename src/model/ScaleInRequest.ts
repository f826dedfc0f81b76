/**
 * A scale-in request: which tasks of a service or group ECS would stop.
 *
 * @module
 */
import type { PlacementStrategy } from './PlacementRequest';
import type { PreferStrategy } from './PreferStrategy';
import type { Strategy } from './Strategy';

/**
 * What to scale in and how, for {@link Cluster.chooseTasksToStop}: the
 * service (or task group), how many of its tasks to stop, and the service's
 * placement strategy, which ECS also follows when it stops tasks.
 *
 * @example
 * ```ts
 * cluster.chooseTasksToStop({
 *   service: 'web',
 *   count: 2,
 *   placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
 *   protectedTasks: ['task-3'],
 * });
 * ```
 *
 * @category Requests
 */
export interface ScaleInRequest {
  /** The service scaled in; its tasks are the group `service:<service>`. Give this or `group`. */
  readonly service?: string;
  /** The task group scaled in, for tasks that are not a service's. Give this or `service`. */
  readonly group?: string;
  /** How many tasks to stop: a whole number from 1 to 10,000,000. */
  readonly count: number;
  /**
   * The service's placement strategy, at most 5, as it was given to
   * {@link Cluster.place}. Without any, a service's default chain (spread
   * over `attribute:ecs.availability-zone` then `instanceId`), and `random`
   * for a group. A {@link PreferStrategy} may stand in the chain (the tasks
   * on the least preferred instances are stopped first), and so may a
   * {@link Strategy} object of kind `instance`; one of kind `anything`
   * cannot (it ranks instances for a task to place, not tasks to stop), nor
   * can `pack`, which scores instances for a task to place.
   */
  readonly placementStrategy?: readonly (PlacementStrategy | PreferStrategy | Strategy)[];
  /**
   * Ids of running tasks with scale-in protection (ECS's
   * `protectionEnabled`, as `aws ecs get-task-protection` reports it): they
   * are never chosen, though they still count in their buckets.
   */
  readonly protectedTasks?: readonly string[];
}
