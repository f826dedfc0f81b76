/**
 * The fewest instances any placement of a set of tasks could use.
 *
 * @module
 */
import { allAlike, boundPool, volumeBounds } from '../../model/volumeBound';
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { TaskInfo } from '../../model/TaskInfo';
import type { LowerBound } from '../SimulationReport';

/**
 * A lower bound on the number of instances that can hold `tasks`: no
 * placement, by any strategy, fits them on fewer.
 *
 * @remarks
 * The instances counted are those that can take tasks (ACTIVE, agent
 * connected) and those already running one of `tasks`, so the bound never
 * exceeds the instances a real placement used. The resources are `cpu` and
 * `memory`, and `gpu` when some task needs GPUs.
 *
 * Per resource r, with D the tasks' total demand of r:
 * - `homogeneous` (every counted instance has the same capacity C of every
 *   such resource): bound_r = ceil(D / C). Each instance holds at most C of
 *   r, so fewer than D / C instances hold less than D.
 * - `fractional` (a mixed fleet): bound_r = the fewest instances whose
 *   capacities of r, taken largest first, add up to D. Any k instances hold
 *   at most the k largest capacities together, so fewer than bound_r
 *   instances cannot hold D. (Tasks are whole and must fit in one instance,
 *   so real packings need more; this is the bound of the fluid relaxation.)
 *
 * The bound is the largest of the per-resource bounds: every resource must
 * fit. Demand beyond what the counted instances hold in all (possible only
 * when tasks run on instances not given) is counted in instances of the
 * largest capacity. With no tasks the bound is 0.
 *
 * @param instances - the instances, as `Cluster.instances` returns them
 * @param tasks - the tasks to hold, as `Cluster.tasks` returns them
 * @returns the bound, the bound of each resource, and the method used
 * @example
 * ```ts
 * const { instances, tasks } = cluster.snapshot();
 * const bound = lowerBound(instances, tasks);
 * console.log(`${instancesUsed(instances)} used, at least ${bound.instances} needed (${bound.method})`);
 * ```
 */
export function lowerBound(instances: readonly InstanceInfo[], tasks: readonly TaskInfo[]): LowerBound {
  const pool = boundPool(instances, tasks);
  const resources = tasks.some((task) => (task.resources['gpu'] ?? 0) > 0) ? ['cpu', 'memory', 'gpu'] : ['cpu', 'memory'];
  const method = allAlike(pool, resources) ? 'homogeneous' : 'fractional';
  const byResource = volumeBounds(pool, tasks, resources);
  return { instances: Math.max(0, ...Object.values(byResource)), byResource, method };
}
