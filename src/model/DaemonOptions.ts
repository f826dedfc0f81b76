/**
 * What {@link Cluster.placeDaemon} places a daemon's tasks under.
 *
 * @module
 */
import type { RequestConstraint } from './PlacementRequest';

/**
 * Options of {@link Cluster.placeDaemon}: the group the daemon's tasks join
 * and the constraints they are placed under, as a request gives them.
 *
 * @remarks
 * The same fields as {@link CapacityOptions} but its `attribute`: a daemon
 * is one task on each instance that can take one, so there is nothing to
 * count by. A daemon has no strategy, since it chooses no instance; and
 * distinctInstance is implied (one task of the group an instance), so
 * giving it adds nothing for the group itself.
 *
 * @example
 * A log router on every Linux instance, as ECS's DAEMON service `logs` would run it:
 * ```ts
 * const options: DaemonOptions = {
 *   service: 'logs',
 *   placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
 * };
 * cluster.placeDaemon({ family: 'logs', resources: { cpu: 128, memory: 256 } }, options);
 * ```
 *
 * @category Requests
 */
export interface DaemonOptions {
  /** The daemon's service; its group is `service:<service>`. */
  readonly service?: string;
  /** The daemon's group, for tasks outside a service; by default `family:<task.family>`. */
  readonly group?: string;
  /**
   * The constraints, as {@link PlacementRequest.placementConstraints} takes
   * them, beside the task definition's memberOf ones; at most 10 in all.
   */
  readonly placementConstraints?: readonly RequestConstraint[];
}
