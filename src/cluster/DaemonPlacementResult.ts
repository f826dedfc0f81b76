/**
 * What {@link Cluster.placeDaemon} answers.
 *
 * @module
 */
import type { Rejection } from '../model/Rejection';
import type { Placement } from '../placement/PlacementResult';

/**
 * An instance that runs no task of the daemon and could not take one.
 *
 * @example
 * A draining instance:
 * ```ts
 * const skip: DaemonSkip = {
 *   instanceId: 'i-3',
 *   rejection: { code: 'not_active', status: 'DRAINING' },
 *   reason: 'AGENT',
 *   resolvable: false,
 * };
 * ```
 *
 * @category Results
 */
export interface DaemonSkip {
  /** The instance. */
  readonly instanceId: string;
  /** The first check it failed, as it stood when the instance was checked, as data. */
  readonly rejection: Rejection;
  /** The ECS failure reason of that rejection, such as `RESOURCE:MEMORY` or `AGENT` ({@link ecsReason}). */
  readonly reason: string;
  /** Whether freeing capacity on the instance could let the task in ({@link isResolvable}). */
  readonly resolvable: boolean;
}

/**
 * What placing a daemon did: a task on every instance that could take one,
 * and why each other instance has none from this call.
 *
 * @remarks
 * Every registered instance is in exactly one of the three lists:
 * `placements`, `alreadyRunning` or `skipped`. Placing nothing is a result,
 * not an error.
 *
 * @example
 * ```ts
 * const { placements, alreadyRunning, skipped } = cluster.placeDaemon(
 *   { family: 'logs', resources: { cpu: 128, memory: 256 } },
 *   { service: 'logs' },
 * );
 * // placements: [{ taskId: 'task-7', instanceId: 'i-2' }], alreadyRunning: ['i-1'],
 * // skipped: [{ instanceId: 'i-3', rejection: { code: 'not_active', status: 'DRAINING' }, reason: 'AGENT', resolvable: false }]
 * ```
 *
 * @category Results
 */
export interface DaemonPlacementResult {
  /** The daemon's group: `service:<service>`, the group named, or `family:<family>`. */
  readonly group: string;
  /**
   * The tasks started, one an instance, in the order they were started:
   * registration order (pass after pass, with a constraint that reads other
   * instances; see {@link Cluster.placeDaemon}).
   */
  readonly placements: readonly Placement[];
  /** The instances that ran a task of the group before the call (whatever their status), in registration order. */
  readonly alreadyRunning: readonly string[];
  /** Every other instance, in registration order, with the first check it failed. */
  readonly skipped: readonly DaemonSkip[];
}
