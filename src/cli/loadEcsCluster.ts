/**
 * The cluster the `place` and `query` commands work on, from the ECS
 * documents named by `--instances` and `--tasks`.
 *
 * @module
 */
import type { Cluster } from '../cluster/Cluster';
import { clusterOf } from '../ecs/clusterFromEcs';
import type { EcsInstance } from '../ecs/EcsInstance';
import { fromDescribeContainerInstances } from '../ecs/fromDescribeContainerInstances';
import { fromDescribeTasks } from '../ecs/fromDescribeTasks';
import { UsageError, type CliIo } from './CliIo';
import { wholeNumberOption } from './parseOptions';
import { readJsonFile } from './readJsonFile';
import { reportedAt } from './reportedAt';

/** The files that describe a cluster. */
export interface EcsClusterFiles {
  /** The output of `aws ecs describe-container-instances`. */
  readonly instances: string | undefined;
  /** The output of `aws ecs describe-tasks`, when given. */
  readonly tasks?: string | undefined;
  /** The seed of the cluster's generator, as `--seed` gives it. */
  readonly seed?: string | undefined;
}

/** The cluster, and the container instances it was built from. */
export interface LoadedCluster {
  /** The cluster, ready to place on. */
  readonly cluster: Cluster;
  /** The container instances as read, with what only they tell (the capacity provider's full name). */
  readonly containerInstances: readonly EcsInstance[];
}

/**
 * Reads the documents and builds the cluster, with the capacity running
 * tasks hold already reserved.
 *
 * @param io - the outside world
 * @param files - the documents
 * @param command - the command, for the message when `--instances` is missing
 * @throws {@link UsageError} for a seed that is not a whole number, or
 *   naming the file and the JSON path of a fault
 */
export function loadEcsCluster(io: CliIo, files: EcsClusterFiles, command: string): LoadedCluster {
  const { instances: instancesFile, tasks: tasksFile } = files;
  const seed = files.seed === undefined ? undefined : wholeNumberOption('--seed', files.seed);
  if (instancesFile === undefined) {
    throw new UsageError(`--instances is required: the output of 'aws ecs describe-container-instances'. Run 'task-placement ${command} --help' for the options.`);
  }
  const instancesJson = readJsonFile(io, instancesFile, 'the --instances file');
  const instances = reportedAt(instancesFile, () => fromDescribeContainerInstances(instancesJson));
  const known = new Set(instances.map((instance) => instance.spec.id));
  const tasks = tasksFile === undefined ? [] : reportedAt(tasksFile, () => fromDescribeTasks(readJsonFile(io, tasksFile, 'the --tasks file'), known));
  return { cluster: clusterOf(instances, tasks, seed === undefined ? {} : { seed }), containerInstances: instances };
}
