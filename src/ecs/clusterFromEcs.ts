/**
 * A cluster in the state ECS describes: instances registered, and what their
 * running tasks hold already reserved.
 *
 * @module
 */
import { Cluster } from '../cluster/Cluster';
import type { EngineName } from '../model/EngineName';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { TaskInfo } from '../model/TaskInfo';
import type { EcsInstance } from './EcsInstance';
import { fromDescribeContainerInstances } from './fromDescribeContainerInstances';
import { fromDescribeTasks, type EcsRunningTask } from './fromDescribeTasks';
import { planHolders } from './planHolders';

/**
 * The task group of the task that stands for capacity already held on an
 * instance when DescribeTasks does not say which tasks hold it: at most one
 * per instance, id `existing-N`.
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
 * Instances are registered in the order given, with their own status, and
 * restored with tasks that hold what `remainingResources` says is held
 * (registered minus remaining resources, and the ports in use beyond the
 * agent's), in one pass rather than a placement per task:
 *
 * - each task of `options.tasks` on the instance, with its ARN as its id, in
 *   its own group, holding what it reserves (within what the instance says
 *   is held);
 * - then, when capacity is held that no described task accounts for, one
 *   task of group {@link ECS_EXISTING_GROUP} that holds that remainder, with
 *   an id `existing-1`, `existing-2`, ... (one number per such instance);
 * - the rest of `runningTasksCount` becomes the instance's
 *   {@link task-placement!InstanceSpec.untrackedTasks}: counted, so that
 *   `runningTasksCount` queries see ECS's number, but not built as tasks, so
 *   that a busy instance costs a number rather than a task per running task.
 *
 * New tasks are numbered from `task-1`.
 *
 * Without `options.tasks`, DescribeContainerInstances does not say which
 * groups run where, so `task:group` queries, spread and distinctInstance do
 * not see the groups of the tasks already running.
 *
 * @param json - the parsed DescribeContainerInstances response (or a bare array of container instances)
 * @param options - seed, engine, and the DescribeTasks response
 * @returns the cluster, ready to place on
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault
 *   of either document; nothing is built then
 */
export function clusterFromEcs(json: unknown, options: EcsClusterOptions = {}): Cluster {
  const instances = fromDescribeContainerInstances(json);
  const tasks = options.tasks === undefined ? [] : fromDescribeTasks(options.tasks, new Set(instances.map((instance) => instance.spec.id)));
  return clusterOf(instances, tasks, options);
}

/**
 * Builds the cluster of {@link clusterFromEcs} from documents already read,
 * for callers that read each document apart to say which one is at fault:
 * the described tasks, at most one {@link ECS_EXISTING_GROUP} task per
 * instance, and the rest of each `runningTasksCount` as untracked tasks.
 *
 * @param instances - from {@link fromDescribeContainerInstances}
 * @param tasks - from {@link fromDescribeTasks}, checked against those instances
 * @param options - seed and engine (`options.tasks` is not read)
 */
export function clusterOf(instances: readonly EcsInstance[], tasks: readonly EcsRunningTask[], options: EcsClusterOptions = {}): Cluster {
  const byInstance = groupByInstance(tasks);
  const described = new Set(tasks.flatMap((task) => (task.taskArn === undefined ? [] : [task.taskArn])));
  let existing = 0;
  const nextExisting = (): string => {
    let taskId: string;
    do {
      existing += 1;
      taskId = `existing-${existing}`;
    } while (described.has(taskId));
    return taskId;
  };
  const specs: InstanceSpec[] = [];
  const restored: TaskInfo[] = [];
  for (const instance of instances) {
    const { holders, untrackedTasks } = planHolders(instance, byInstance.get(instance.spec.id) ?? [], ECS_EXISTING_GROUP);
    specs.push(untrackedTasks === 0 ? instance.spec : { ...instance.spec, untrackedTasks });
    for (const holder of holders) {
      restored.push({
        taskId: holder.taskArn ?? nextExisting(),
        instanceId: instance.spec.id,
        group: holder.group,
        ...(holder.family === undefined ? {} : { family: holder.family }),
        ...(holder.revision === undefined ? {} : { revision: holder.revision }),
        resources: holder.resources,
        ports: holder.ports,
      });
    }
  }
  return new Cluster({
    instances: specs,
    tasks: restored,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  });
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
