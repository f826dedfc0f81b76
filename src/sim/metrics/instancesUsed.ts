/**
 * How many instances a placement used.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';

/**
 * The instances running at least one task, whatever their status.
 *
 * @param instances - the instances, as `Cluster.instances` returns them
 * @returns how many run a task
 * @example
 * ```ts
 * instancesUsed(cluster.instances()); // 42
 * ```
 */
export function instancesUsed(instances: readonly InstanceInfo[]): number {
  let used = 0;
  for (const instance of instances) if (instance.runningTasksCount > 0) used += 1;
  return used;
}
