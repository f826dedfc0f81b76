/**
 * Each instance at the end of a run, for charts.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { InstanceUsage } from '../SimulationReport';

/**
 * What one instance holds at the end of a run.
 *
 * @param instance - the instance, from `Cluster.instances`
 * @returns its zone, type, status, task count, the share of its CPU and
 *   memory in use (0 to 1; 0 when it registers none) and what is left
 */
export function instanceUsage(instance: InstanceInfo): InstanceUsage {
  const freeCpu = instance.remainingResources['cpu'] ?? 0;
  const freeMemory = instance.remainingResources['memory'] ?? 0;
  return {
    id: instance.id,
    zone: instance.attributes['ecs.availability-zone'] ?? '',
    type: instance.attributes['ecs.instance-type'] ?? '',
    status: instance.status,
    tasks: instance.runningTasksCount,
    cpu: share(instance.registeredResources['cpu'] ?? 0, freeCpu),
    memory: share(instance.registeredResources['memory'] ?? 0, freeMemory),
    freeMemory,
    freeCpu,
  };
}

function share(registered: number, free: number): number {
  return registered > 0 ? (registered - free) / registered : 0;
}
