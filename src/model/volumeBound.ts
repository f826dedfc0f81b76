/**
 * The volume bound on the instances a set of tasks needs, shared by the
 * simulator's metrics and batch placement.
 *
 * @module
 */
import type { InstanceStatus } from './InstanceSpec';
import { takesTasks } from './takesTasks';

/** What the bound reads of an instance. */
export interface BoundInstance {
  readonly id: string;
  readonly status: InstanceStatus;
  readonly agentConnected: boolean;
  readonly registeredResources: Readonly<Record<string, number>>;
}

/** What the bound reads of a task. */
export interface BoundTask {
  readonly instanceId: string;
  readonly resources: Readonly<Record<string, number>>;
}

/**
 * The instances a bound counts: those that can take tasks, and those
 * already running one of the tasks, so that the bound never exceeds the
 * instances a real placement used.
 *
 * @param instances - the fleet
 * @param tasks - the tasks to hold
 * @returns the instances counted, in the order given
 */
export function boundPool<I extends BoundInstance>(instances: readonly I[], tasks: readonly BoundTask[]): I[] {
  const holding = new Set(tasks.map((task) => task.instanceId));
  return instances.filter((instance) => takesTasks(instance) || holding.has(instance.id));
}

/**
 * Per resource, the fewest instances of the pool whose capacities, taken
 * largest first, add up to the tasks' total demand: no placement holds the
 * demand on fewer, since any k instances hold at most the k largest
 * capacities together. For one capacity C this is ceil(demand / C). Demand
 * beyond every capacity of the pool is counted in instances of the
 * largest; no demand needs 0.
 *
 * @param pool - the instances counted, as {@link boundPool} gives them
 * @param tasks - the tasks to hold
 * @param resources - the resources to bound
 * @returns each resource's bound
 */
export function volumeBounds(pool: readonly BoundInstance[], tasks: readonly BoundTask[], resources: readonly string[]): Record<string, number> {
  const bounds: Record<string, number> = {};
  for (const resource of resources) {
    const demand = tasks.reduce((sum, task) => sum + (task.resources[resource] ?? 0), 0);
    bounds[resource] = fewestInstances(pool.map((instance) => instance.registeredResources[resource] ?? 0), demand);
  }
  return bounds;
}

/**
 * Whether every instance of the pool registers the same amount of each
 * resource: then the bounds of bin packing on identical instances hold too.
 * An empty pool is alike.
 *
 * @param pool - the instances counted, as {@link boundPool} gives them
 * @param resources - the resources compared
 */
export function allAlike(pool: readonly BoundInstance[], resources: readonly string[]): boolean {
  const [first] = pool;
  if (first === undefined) return true;
  return pool.every((instance) => resources.every((resource) => (instance.registeredResources[resource] ?? 0) === (first.registeredResources[resource] ?? 0)));
}

function fewestInstances(capacities: Iterable<number>, demand: number): number {
  // Capacities with how many instances have each, largest first: fleets have few distinct sizes, so this beats sorting every instance.
  const counts = new Map<number, number>();
  for (const amount of capacities) counts.set(amount, (counts.get(amount) ?? 0) + 1);
  const sizes = [...counts].sort((a, b) => b[0] - a[0]);
  let left = demand;
  let used = 0;
  for (const [amount, count] of sizes) {
    if (left <= 0 || amount <= 0) break;
    const take = Math.min(count, Math.ceil(left / amount));
    used += take;
    left -= take * amount;
  }
  const largest = sizes[0]?.[0] ?? 0;
  return left > 0 && largest > 0 ? used + Math.ceil(left / largest) : used;
}
