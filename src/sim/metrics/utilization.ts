/**
 * How full the instances in use are.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';

/**
 * Per resource, the share of the registered amount that tasks reserve, over
 * the instances running at least one task (empty instances would only
 * measure how many instances were left idle, which
 * {@link instancesUsed} already says).
 *
 * @param instances - the instances, as `Cluster.instances` returns them
 * @returns reserved / registered, from 0 to 1, for `cpu` and `memory`
 *   (0 when no instance runs a task) and for every other resource the
 *   instances in use register some of (`gpu`, `eni`...)
 * @example
 * ```ts
 * utilization(cluster.instances()); // { cpu: 0.62, memory: 0.81, eni: 0.1 }
 * ```
 */
export function utilization(instances: readonly InstanceInfo[]): Record<string, number> {
  const registered = new Map<string, number>([['cpu', 0], ['memory', 0]]);
  const reserved = new Map<string, number>();
  for (const instance of instances) {
    if (instance.runningTasksCount === 0) continue;
    for (const [name, amount] of Object.entries(instance.registeredResources)) {
      registered.set(name, (registered.get(name) ?? 0) + amount);
      reserved.set(name, (reserved.get(name) ?? 0) + amount - (instance.remainingResources[name] ?? amount));
    }
  }
  const shares: Record<string, number> = {};
  for (const [name, total] of registered) {
    if (total > 0) shares[name] = (reserved.get(name) ?? 0) / total;
    else if (name === 'cpu' || name === 'memory') shares[name] = 0;
  }
  return shares;
}
