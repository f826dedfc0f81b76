/**
 * Capacity left in pieces too small for any task.
 *
 * @module
 */
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { TaskInfo } from '../../model/TaskInfo';

/**
 * Per resource, the free amount on instances that no running task could
 * start on for lack of CPU or memory.
 *
 * @remarks
 * Let cpu_min be the least CPU any running task reserves and memory_min the
 * least memory (each taken on its own). An instance is stranded when it can
 * take tasks (ACTIVE, agent connected) and its remaining CPU is below
 * cpu_min or its remaining memory below memory_min: then no task shaped like
 * a running one fits there, whatever it needs of the other resource. The
 * result sums, over stranded instances, what remains of each resource:
 * memory stranded behind exhausted CPU, CPU behind exhausted memory. With
 * no running task nothing is stranded.
 *
 * @param instances - the instances, as `Cluster.instances` returns them
 * @param tasks - the running tasks, as `Cluster.tasks` returns them
 * @returns the stranded amounts: `cpu` and `memory` always, then every other
 *   resource a stranded instance registers, by name
 * @example
 * ```ts
 * const { instances, tasks } = cluster.snapshot();
 * strandedCapacity(instances, tasks); // { cpu: 3072, memory: 512, eni: 4 }
 * ```
 */
export function strandedCapacity(instances: readonly InstanceInfo[], tasks: readonly TaskInfo[]): Record<string, number> {
  const stranded: Record<string, number> = { cpu: 0, memory: 0 };
  if (tasks.length === 0) return stranded;
  const cpuMin = leastDemand(tasks, 'cpu');
  const memoryMin = leastDemand(tasks, 'memory');
  const others = new Map<string, number>();
  for (const instance of instances) {
    if (instance.status !== 'ACTIVE' || !instance.agentConnected) continue;
    const remaining = instance.remainingResources;
    if ((remaining['cpu'] ?? 0) >= cpuMin && (remaining['memory'] ?? 0) >= memoryMin) continue;
    for (const [name, amount] of Object.entries(remaining)) {
      if (name === 'cpu' || name === 'memory') stranded[name] = (stranded[name] ?? 0) + amount;
      else others.set(name, (others.get(name) ?? 0) + amount);
    }
  }
  for (const name of [...others.keys()].sort()) stranded[name] = others.get(name) as number;
  return stranded;
}

/** The least any task reserves of a resource; a loop, since spreading a million tasks into Math.min overflows the stack. */
function leastDemand(tasks: readonly TaskInfo[], resource: string): number {
  let least = Infinity;
  for (const task of tasks) least = Math.min(least, task.resources[resource] ?? 0);
  return least;
}
