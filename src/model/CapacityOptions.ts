/**
 * What {@link Cluster.capacity} counts copies of a task under.
 *
 * @module
 */
import type { RequestConstraint } from './PlacementRequest';

/**
 * Options of {@link Cluster.capacity}: the group the copies would join and
 * the constraints they would be placed under, as a request gives them.
 *
 * @category Requests
 */
export interface CapacityOptions {
  /** The copies' service; their group is `service:<service>`. */
  readonly service?: string;
  /** The copies' group, for copies outside a service; by default `family:<task.family>`. */
  readonly group?: string;
  /** The request's constraints, beside the task definition's memberOf ones; at most 10 in all. */
  readonly placementConstraints?: readonly RequestConstraint[];
  /**
   * The attribute whose values the answer counts copies by, besides the
   * instance type.
   * @defaultValue 'ecs.availability-zone'
   */
  readonly attribute?: string;
}
