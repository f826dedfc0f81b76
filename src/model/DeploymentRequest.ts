/**
 * A rolling deployment request: the service, the revision it moves to, and
 * ECS's deployment configuration.
 *
 * @module
 */
import type { PlacementStrategy, RequestConstraint } from './PlacementRequest';
import type { PackStrategy } from './PackStrategy';
import type { PreferStrategy } from './PreferStrategy';
import type { Strategy } from './Strategy';
import type { TaskSpec } from './TaskSpec';

/**
 * The revision a deployment starts: the service's task definition and
 * placement as they are given to {@link Cluster.place}, without a count, a
 * service or a group (the new tasks are the service's, group
 * `service:<service>`, one per start).
 *
 * @category Requests
 */
export interface DeploymentRevision {
  /** The new task definition: each start places one task of it. */
  readonly task: TaskSpec;
  /**
   * The service's strategies, at most 5. They place the new tasks, and choose
   * which old task to stop as a scale-in of the service would (strategies of
   * kind `anything` take no part in that choice). Without any, ECS's default
   * chain for a service.
   */
  readonly placementStrategy?: readonly (PlacementStrategy | PackStrategy | PreferStrategy | Strategy)[];
  /** The service's constraints; with the task definition's, at most 10. */
  readonly placementConstraints?: readonly RequestConstraint[];
}

/**
 * What {@link Cluster.planDeployment} plans: ECS's rolling update (the `ECS`
 * deployment controller) of a service to a new revision, within its
 * `minimumHealthyPercent` and `maximumPercent` of `desiredCount`.
 *
 * @example
 * ```ts
 * cluster.planDeployment({
 *   service: 'web',
 *   to: { task: { family: 'web', resources: { cpu: 256, memory: 1024 } } },
 *   desiredCount: 4,
 *   minimumHealthyPercent: 50,
 *   maximumPercent: 150,
 * });
 * ```
 *
 * @category Requests
 */
export interface DeploymentRequest {
  /** The service; its tasks, old and new, are the group `service:<service>`. */
  readonly service: string;
  /** The new revision. */
  readonly to: DeploymentRevision;
  /**
   * The ids of the old deployment's tasks, each a running task of the
   * service: the tasks the deployment replaces. By default every running
   * task of the service. The service's other running tasks are outside the
   * deployment: they keep running, and spread and distinctInstance still
   * count them, but neither limit does.
   */
  readonly from?: readonly string[];
  /** How many new tasks the service runs once deployed: a whole number from 0 to 10,000,000. */
  readonly desiredCount: number;
  /**
   * The lower limit on the service's healthy tasks, as a percentage of
   * `desiredCount`, rounded up: a whole number from 0 to 100.
   * @defaultValue 100
   */
  readonly minimumHealthyPercent?: number;
  /**
   * The upper limit on the service's running and pending tasks, as a
   * percentage of `desiredCount`, rounded down: a whole number of at least
   * 100.
   * @defaultValue 200
   */
  readonly maximumPercent?: number;
  /**
   * Ids of running tasks with scale-in protection (ECS's
   * `protectionEnabled`), which a deployment never stops either: an old one
   * keeps running, and the plan ends `blocked` while it does.
   */
  readonly protectedTasks?: readonly string[];
}
