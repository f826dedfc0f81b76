/**
 * DescribeTasks output, read into the tasks that run on container instances:
 * their group and what they reserve.
 *
 * @module
 */
import { indexPath, keyPath } from '../model/validation/paths';
import { validateId } from '../model/validation/validateId';
import { validateName } from '../model/validation/validateName';
import { ecsError, optional, readArray, readRecord, readResponseList, readString, readWholeNumber, type JsonRecord } from './json';
import { readProtocol } from './readPortMappings';
import { readCpu, readMemory } from './taskSize';

/** The longest task ARN read: ECS's are about a hundred characters. */
const MAX_ARN_LENGTH = 1600;

/** A task of a DescribeTasks response that runs on a container instance. */
export interface EcsRunningTask {
  /** The task's ARN, when given. */
  readonly taskArn?: string;
  /** The container instance it runs on. */
  readonly containerInstanceArn: string;
  /** Its task group, such as `service:web` or `family:batch`. */
  readonly group: string;
  /** Its task definition family, read from `taskDefinitionArn` (`.../web:8`), when given. */
  readonly family?: string;
  /** Its task definition revision, read from `taskDefinitionArn`, when given. */
  readonly revision?: number;
  /** What it reserves: `cpu`, `memory` and `gpu` (amounts above 0). */
  readonly resources: Readonly<Record<string, number>>;
  /** The host ports of its network bindings. */
  readonly ports: {
    /** TCP ports. */
    readonly tcp: readonly number[];
    /** UDP ports. */
    readonly udp: readonly number[];
  };
}

/**
 * Reads the output of `aws ecs describe-tasks`.
 *
 * @remarks
 * Accepts the whole response (`{ tasks, failures }`), as the AWS CLI prints
 * it or as the AWS SDK for JavaScript v3 returns it (Dates, `$metadata`),
 * or a bare array; fields it does not use are skipped. Kept:
 * tasks whose desired status is RUNNING (or not given) and that run on a
 * container instance; skipped: tasks on their way out (desired status
 * STOPPED, which ECS no longer counts for distinctInstance) and Fargate
 * tasks, which have no container instance. A task reserves its task-level
 * `cpu` and `memory` when given, else the sums over its containers (`cpu`;
 * `memoryReservation`, else `memory`), plus one GPU per `gpuIds` entry; its
 * ports are the `hostPort`s of its containers' `networkBindings`; its family
 * and revision are those its `taskDefinitionArn` ends with (`.../web:8`).
 *
 * @param json - the parsed JSON document
 * @param knownInstances - when given, the container instance ARNs a task may
 *   name; a task on any other is an error
 * @returns the tasks in the order given
 * @throws {@link task-placement!PlacementInputError} with the JSON path of the first fault;
 *   `unknown_instance` for a task on an instance not in `knownInstances`,
 *   `duplicate_task` for a running task listed twice
 */
export function fromDescribeTasks(json: unknown, knownInstances?: ReadonlySet<string>): EcsRunningTask[] {
  const [list, path] = readResponseList(json, 'tasks', 'a DescribeTasks response lists its tasks there');
  const arns = new Set<string>();
  return list.flatMap((item, index) => {
    const taskPath = indexPath(path, index);
    const task = readTask(item, taskPath, knownInstances);
    if (task?.taskArn === undefined) return task === undefined ? [] : [task];
    // The ARN becomes the restored task's id, which must be unique.
    if (arns.has(task.taskArn)) throw ecsError(keyPath(taskPath, 'taskArn'), 'expected each running task once, but this task is listed twice', 'duplicate_task');
    arns.add(task.taskArn);
    return [task];
  });
}

function readTask(value: unknown, path: string, knownInstances: ReadonlySet<string> | undefined): EcsRunningTask | undefined {
  const record = readRecord(value, path);
  const taskArn = optional(record, 'taskArn', path, (given, at) => validateId(given, at, MAX_ARN_LENGTH));
  const desiredStatus = optional(record, 'desiredStatus', path, readString);
  const containerInstanceArn = optional(record, 'containerInstanceArn', path, readString);
  const group = optional(record, 'group', path, (given, at) => validateName(given, at, 'group'));
  const definition = optional(record, 'taskDefinitionArn', path, readString);
  const named = definition === undefined ? undefined : familyAndRevision(definition);
  const resources = taskResources(record, path);
  const ports = networkBindings(record, path);
  if ((desiredStatus !== undefined && desiredStatus !== 'RUNNING') || containerInstanceArn === undefined) return undefined;
  if (knownInstances !== undefined && !knownInstances.has(containerInstanceArn)) {
    throw ecsError(keyPath(path, 'containerInstanceArn'), 'expected one of the container instances described, but this one is not among them', 'unknown_instance');
  }
  if (group === undefined) throw ecsError(keyPath(path, 'group'), 'expected this field (ECS gives every task a group)');
  return { ...(taskArn === undefined ? {} : { taskArn }), containerInstanceArn, group, ...named, resources, ports };
}

/** A task definition's ARN ends in `task-definition/FAMILY:REVISION`. */
const DEFINITION_ARN = /task-definition\/([A-Za-z0-9_-]{1,255}):([1-9][0-9]{0,14})$/;

/**
 * The family and revision a task definition ARN names; nothing for a value
 * of another form (a family alone, as some tools write it), which ECS's own
 * output never gives.
 */
function familyAndRevision(arn: string): { family: string; revision: number } | undefined {
  const match = DEFINITION_ARN.exec(arn);
  if (match === null) return undefined;
  return { family: match[1] as string, revision: Number(match[2]) };
}

function taskResources(task: JsonRecord, path: string): Record<string, number> {
  const containers = optional(task, 'containers', path, readArray) ?? [];
  let cpu = 0;
  let memory = 0;
  let gpu = 0;
  containers.forEach((item, index) => {
    const itemPath = indexPath(keyPath(path, 'containers'), index);
    const container = readRecord(item, itemPath);
    cpu += optional(container, 'cpu', itemPath, readCpu) ?? 0;
    memory += optional(container, 'memoryReservation', itemPath, readMemory) ?? optional(container, 'memory', itemPath, readMemory) ?? 0;
    gpu += (optional(container, 'gpuIds', itemPath, readArray) ?? []).length;
  });
  const taskCpu = optional(task, 'cpu', path, readCpu);
  const taskMemory = optional(task, 'memory', path, readMemory);
  const resources: Record<string, number> = {};
  for (const [name, amount] of [['cpu', taskCpu ?? cpu], ['memory', taskMemory ?? memory], ['gpu', gpu]] as const) {
    if (amount > 0) resources[name] = amount;
  }
  return resources;
}

function networkBindings(task: JsonRecord, path: string): EcsRunningTask['ports'] {
  const tcp = new Set<number>();
  const udp = new Set<number>();
  (optional(task, 'containers', path, readArray) ?? []).forEach((item, index) => {
    const itemPath = indexPath(keyPath(path, 'containers'), index);
    (optional(readRecord(item, itemPath), 'networkBindings', itemPath, readArray) ?? []).forEach((binding, at) => {
      const bindingPath = indexPath(keyPath(itemPath, 'networkBindings'), at);
      const record = readRecord(binding, bindingPath);
      const port = optional(record, 'hostPort', bindingPath, readWholeNumber);
      const protocol = optional(record, 'protocol', bindingPath, (given, protocolPath) => readProtocol(readString(given, protocolPath), protocolPath)) ?? 'tcp';
      if (port !== undefined && port > 0) (protocol === 'tcp' ? tcp : udp).add(port);
    });
  });
  return { tcp: [...tcp], udp: [...udp] };
}
