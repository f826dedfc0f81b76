/**
 * A cluster in the state ECS describes: instances registered, and what their
 * running tasks hold already reserved.
 *
 * @module
 */
import { Cluster } from '../cluster/Cluster';
import type { EngineName } from '../placement/PlacementEngine';
import type { Strategy } from '../model/Strategy';
import type { EcsInstance } from './EcsInstance';
import { fromDescribeContainerInstances } from './fromDescribeContainerInstances';
import { fromDescribeTasks, type EcsRunningTask } from './fromDescribeTasks';
import { planHolders, type Holder } from './planHolders';

/**
 * The task group of the tasks that stand for capacity already held on an
 * instance when DescribeTasks does not say which tasks hold it.
 */
export const ECS_EXISTING_GROUP = 'ecs:existing';

/** Options of {@link clusterFromEcs}. */
export interface EcsClusterOptions {
  /**
   * Seed of the cluster's generator.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * The placement engine.
   * @defaultValue `'indexed'`
   */
  readonly engine?: EngineName;
  /**
   * The output of `aws ecs describe-tasks` for tasks of the cluster: their
   * groups then count for spread, distinctInstance and `task:group`.
   */
  readonly tasks?: unknown;
}

/**
 * Builds a {@link Cluster} from a DescribeContainerInstances response, with
 * the capacity that running tasks hold already reserved.
 *
 * @remarks
 * Instances are registered in the order given. On each, tasks are started
 * that hold what `remainingResources` says is held (registered minus
 * remaining resources, and the ports in use beyond the agent's):
 *
 * - each task of `options.tasks` on the instance, in its own group, holding
 *   what it reserves (within what the instance says is held);
 * - then tasks of group {@link ECS_EXISTING_GROUP}, as many as
 *   `runningTasksCount` still calls for (so that `runningTasksCount` queries
 *   see ECS's number), and at least one when capacity is held that no
 *   described task accounts for; the first holds that remainder, the others
 *   nothing.
 *
 * Without `options.tasks`, DescribeContainerInstances does not say which
 * groups run where, so `task:group` queries, spread and distinctInstance do
 * not see the groups of the tasks already running.
 *
 * @param json - the parsed DescribeContainerInstances response (or a bare array of container instances)
 * @param options - seed, engine, and the DescribeTasks response
 * @returns the cluster, ready to place on
 * @throws {@link index!PlacementInputError} with the JSON path of the first fault
 *   of either document; nothing is built then
 */
export function clusterFromEcs(json: unknown, options: EcsClusterOptions = {}): Cluster {
  const instances = fromDescribeContainerInstances(json);
  const tasks = options.tasks === undefined ? [] : fromDescribeTasks(options.tasks, new Set(instances.map((instance) => instance.spec.id)));
  return clusterOf(instances, tasks, options);
}

/**
 * Builds the cluster of {@link clusterFromEcs} from documents already read,
 * for callers that read each document apart to say which one is at fault.
 *
 * @param instances - from {@link fromDescribeContainerInstances}
 * @param tasks - from {@link fromDescribeTasks}, checked against those instances
 * @param options - seed and engine (`options.tasks` is not read)
 */
export function clusterOf(instances: readonly EcsInstance[], tasks: readonly EcsRunningTask[], options: EcsClusterOptions = {}): Cluster {
  const cluster = new Cluster({
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  });
  const byInstance = groupByInstance(tasks);
  for (const instance of instances) load(cluster, instance, byInstance.get(instance.spec.id) ?? []);
  return cluster;
}

function groupByInstance(tasks: readonly EcsRunningTask[]): Map<string, EcsRunningTask[]> {
  const byInstance = new Map<string, EcsRunningTask[]>();
  for (const task of tasks) {
    const list = byInstance.get(task.containerInstanceArn);
    if (list === undefined) byInstance.set(task.containerInstanceArn, [task]);
    else list.push(task);
  }
  return byInstance;
}

/**
 * Registers an instance and starts its holders on it. The instance takes
 * them while ACTIVE with its agent connected, then gets its own status: a
 * DRAINING instance keeps its tasks but takes no new ones.
 */
function load(cluster: Cluster, instance: EcsInstance, tasks: readonly EcsRunningTask[]): void {
  const { id } = instance.spec;
  cluster.registerInstance({ ...instance.spec, status: 'ACTIVE', agentConnected: true });
  for (const holder of planHolders(instance, tasks, ECS_EXISTING_GROUP)) start(cluster, id, holder);
  const status = instance.spec.status ?? 'ACTIVE';
  const agentConnected = instance.spec.agentConnected ?? true;
  if (status !== 'ACTIVE' || !agentConnected) cluster.updateInstance(id, { status, agentConnected });
}

function start(cluster: Cluster, id: string, holder: Holder): void {
  const result = cluster.place({ task: holder.task, group: holder.group, placementStrategy: [pinTo(id)] });
  // The instance is eligible and holds no more than it registered, so the
  // pin always lands; anything else is a fault in this module.
  if (result.placements[0]?.instanceId !== id) throw new Error(`internal error: a held task did not land on ${id}`);
}

/** A strategy that ranks one instance before every other. */
function pinTo(id: string): Strategy {
  return { name: 'existing', rank: () => (instance) => (instance.id === id ? 0 : 1) };
}
