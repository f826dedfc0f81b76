/**
 * A zone rebalancing request: the service whose tasks ECS would move
 * between Availability Zones, with what places them.
 *
 * @module
 */
import type { PlacementStrategy, RequestConstraint } from './PlacementRequest';
import type { PackStrategy } from './PackStrategy';
import type { PreferStrategy } from './PreferStrategy';
import type { Strategy } from './Strategy';
import type { TaskSpec } from './TaskSpec';

/**
 * What {@link Cluster.planZoneRebalance} plans for: a service as it was
 * given to {@link Cluster.place}, without a count (the service's running
 * tasks are what is balanced) or a group (a service's group is always
 * `service:<service>`).
 *
 * @example
 * ```ts
 * cluster.planZoneRebalance({
 *   service: 'web',
 *   task: { family: 'web', resources: { cpu: 256, memory: 512 } },
 *   placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }],
 * });
 * ```
 *
 * @category Requests
 */
export interface ZoneRebalanceRequest {
  /** The service; its tasks are the group `service:<service>`. */
  readonly service: string;
  /** The service's task definition: each start places one task of it. */
  readonly task: TaskSpec;
  /**
   * The service's strategies, at most 5. ECS rebalances only a service whose
   * first strategy is `spread` on `attribute:ecs.availability-zone`, or that
   * names none (ECS's default chain starts with it).
   */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy | Strategy)[];
  /**
   * The service's constraints; with the task definition's, at most 9, since
   * each start adds one that keeps it in the zones short of their target.
   * ECS does not rebalance a service constrained on
   * `attribute:ecs.availability-zone`.
   */
  readonly placementConstraints?: readonly RequestConstraint[];
}
