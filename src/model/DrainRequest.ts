/**
 * A drain plan request: the container instance ECS would drain, and how the
 * services on it place their tasks.
 *
 * @module
 */
import type { ServicePlacement } from './ServicePlacement';

/**
 * What {@link Cluster.planDrain} plans for: the instance set to `DRAINING`,
 * and the placement of each service whose tasks it runs.
 *
 * @example
 * ```ts
 * cluster.planDrain({
 *   instanceId: 'i-2',
 *   services: [{ service: 'web', task: { family: 'web', resources: { memory: 512 } } }],
 * });
 * ```
 *
 * @category Requests
 */
export interface DrainRequest {
  /** The instance to drain. */
  readonly instanceId: string;
  /**
   * How each service's tasks are placed, one entry per group. A service's
   * task on the instance whose group no entry describes is not moved; a
   * standalone task (a group that is not a service's) stays, as ECS leaves it.
   */
  readonly services: readonly ServicePlacement[];
}
