/**
 * A snapshot's tasks against its instances: every task on a known instance,
 * within what that instance registered, on ports no one else holds, and, for
 * an instance given as a snapshot reports it, exactly the use it reports.
 *
 * @module
 */
import type { InstanceState } from '../InstanceState';
import type { NormalizedInstance } from '../NormalizedInstance';
import { PlacementInputError } from '../PlacementInputError';
import { RESERVED_PORT_LIMIT } from '../reservedPortLimit';
import type { TaskInfo } from '../TaskInfo';
import { quote } from './describeValue';
import { indexPath, keyPath } from './paths';
import type { RecordedUse } from './validateInstanceSpec';

/** An instance to restore, and the use a snapshot recorded for it, if it was given as a snapshot reports it. */
export interface RestoredInstance {
  readonly instance: NormalizedInstance;
  readonly recorded: RecordedUse | undefined;
}

/** The cluster being restored, as the checks read it and as they hand it each task that passes. */
export interface RestoreTarget {
  /** Whether a task with this id was restored already. */
  hasTask(taskId: string): boolean;
  /** The registered instance with this id, with the tasks restored on it so far. */
  instance(id: string): InstanceState | undefined;
  /** The id of the restored task that binds a port on an instance, for the message of a conflict. */
  portHolder(instanceId: string, protocol: 'tcp' | 'udp', port: number): string | undefined;
  /** Restores a task that passed every check. */
  restore(task: TaskInfo): void;
}

const PROTOCOLS = ['tcp', 'udp'] as const;

/**
 * Restores the tasks of a snapshot one by one, each checked against what the
 * tasks before it left on its instance, then compares each instance's use
 * with what its snapshot says.
 *
 * @remarks
 * The checks read the instances being restored rather than a copy of their
 * books, so restoring costs one pass and no second set of records; a fault
 * stops the restore half-way, which is why only a new cluster, discarded
 * when its constructor throws, is restored this way.
 *
 * @param instances - the instances, validated and registered, in the order given
 * @param instancesPath - where the instances are, such as `options.instances`
 * @param tasks - the tasks, each validated on its own, in placement order
 * @param tasksPath - where the tasks are, such as `options.tasks`
 * @param target - the cluster being restored
 * @throws {@link PlacementInputError} `duplicate_task`, `unknown_instance`,
 *   `overcommitted_instance` (the first task that reserves more than its
 *   instance registered, or whose static ports take it past the 100 host
 *   ports an instance may reserve), `port_conflict` (a port the agent reserves or an
 *   earlier task binds), or `inconsistent_snapshot` (an instance's recorded
 *   remaining resources, ports in use, task count or groups differ from what
 *   its tasks add up to; its untracked tasks count in the task count)
 */
export function checkRestoredTasks(instances: readonly RestoredInstance[], instancesPath: string, tasks: readonly TaskInfo[], tasksPath: string, target: RestoreTarget): void {
  for (let index = 0; index < tasks.length; index += 1) {
    const task = tasks[index] as TaskInfo;
    // The task's path is only written for an error, since most restores have none.
    if (target.hasTask(task.taskId)) {
      throw new PlacementInputError('duplicate_task', keyPath(indexPath(tasksPath, index), 'taskId'), `Give this task another id: ${quote(task.taskId)} is already used by an earlier task.`);
    }
    const instance = target.instance(task.instanceId);
    if (instance === undefined) {
      throw new PlacementInputError('unknown_instance', keyPath(indexPath(tasksPath, index), 'instanceId'), `Restore the instance ${quote(task.instanceId)} with its tasks: no instance given has that id.`);
    }
    checkFits(instance, task, tasksPath, index, target);
    target.restore(task);
  }
  for (let index = 0; index < instances.length; index += 1) {
    const { instance, recorded } = instances[index] as RestoredInstance;
    if (recorded !== undefined) compare(target.instance(instance.id) as InstanceState, instance.untrackedTasks ?? 0, recorded, instancesPath, index);
  }
}

function checkFits(instance: InstanceState, task: TaskInfo, tasksPath: string, index: number, target: RestoreTarget): void {
  const names = Object.keys(task.resources);
  for (let at = 0; at < names.length; at += 1) {
    const name = names[at] as string;
    const left = (instance.remainingResources[name] ?? 0) - (task.resources[name] as number);
    if (left < 0) {
      const registered = instance.registeredResources[name] ?? 0;
      throw new PlacementInputError(
        'overcommitted_instance', keyPath(keyPath(indexPath(tasksPath, index), 'resources'), name),
        `Instance ${instance.id} registers ${registered} ${name}; with this task its tasks would reserve ${registered - left}.`,
      );
    }
  }
  for (const protocol of PROTOCOLS) {
    const ports = task.ports[protocol];
    for (let at = 0; at < ports.length; at += 1) {
      const port = ports[at] as number;
      if (instance.reservedPorts[protocol].has(port)) {
        throw new PlacementInputError('port_conflict', portPath(tasksPath, index, protocol, at), `Instance ${instance.id}'s agent reserves ${protocol.toUpperCase()} port ${port}; no task can bind it.`);
      }
      if (instance.portsInUse[protocol].has(port)) {
        const holder = target.portHolder(instance.id, protocol, port) ?? 'another task';
        throw new PlacementInputError('port_conflict', portPath(tasksPath, index, protocol, at), `Task ${holder} already binds ${protocol.toUpperCase()} port ${port} on instance ${instance.id}.`);
      }
    }
  }
  const requested = task.ports.tcp.length + task.ports.udp.length;
  if (requested === 0) return;
  // Ports are capacity too: ECS never lets an instance reserve more than 100, so no state it reports does.
  const reserved = instance.reservedPorts.tcp.size + instance.reservedPorts.udp.size;
  const held = reserved + instance.portsInUse.tcp.size + instance.portsInUse.udp.size + requested;
  if (held > RESERVED_PORT_LIMIT) {
    throw new PlacementInputError(
      'overcommitted_instance', keyPath(indexPath(tasksPath, index), 'ports'),
      `Instance ${instance.id} may reserve at most ${RESERVED_PORT_LIMIT} host ports, TCP and UDP together; its agent reserves ${reserved}, and with this task its tasks would bind ${held - reserved}.`,
    );
  }
}

function portPath(tasksPath: string, index: number, protocol: 'tcp' | 'udp', at: number): string {
  return indexPath(keyPath(keyPath(indexPath(tasksPath, index), 'ports'), protocol), at);
}

function compare(instance: InstanceState, untracked: number, recorded: RecordedUse, instancesPath: string, index: number): void {
  if (recorded.remainingResources !== undefined && !sameAmounts(recorded.remainingResources, instance.remainingResources)) {
    throw mismatch(instance, instancesPath, index, 'remainingResources', describeAmounts(recorded.remainingResources), describeAmounts(instance.remainingResources));
  }
  if (recorded.portsInUse !== undefined) {
    for (const protocol of PROTOCOLS) {
      if (samePorts(recorded.portsInUse[protocol], instance.portsInUse[protocol])) continue;
      const said = [...recorded.portsInUse[protocol]].sort((a, b) => a - b);
      const found = [...instance.portsInUse[protocol]].sort((a, b) => a - b);
      throw mismatch(instance, instancesPath, index, 'portsInUse', `${protocol.toUpperCase()} ports [${said.join(', ')}] in use`, `[${found.join(', ')}]`);
    }
  }
  if (recorded.runningTasksCount !== undefined && recorded.runningTasksCount !== instance.runningTasksCount) {
    // The count holds the untracked tasks too; without saying so, a count above the tasks given would read as a fault of the library.
    const found = untracked === 0 ? `${instance.runningTasksCount}` : `${instance.runningTasksCount} (${instance.runningTasksCount - untracked} given and ${untracked} untracked)`;
    throw mismatch(instance, instancesPath, index, 'runningTasksCount', `${recorded.runningTasksCount} running tasks`, found);
  }
  if (recorded.taskGroups !== undefined && !sameGroups(recorded.taskGroups, instance.taskGroups)) {
    throw mismatch(instance, instancesPath, index, 'taskGroups', `the task groups ${describeAmounts(Object.fromEntries(recorded.taskGroups))}`, describeAmounts(Object.fromEntries(instance.taskGroups)));
  }
}

function mismatch(instance: InstanceState, instancesPath: string, index: number, field: string, said: string, found: string): PlacementInputError {
  const fix = 'give the instances and the tasks of one snapshot, or leave out what the tasks say';
  return new PlacementInputError('inconsistent_snapshot', keyPath(indexPath(instancesPath, index), field), `Instance ${instance.id} is said to have ${said}, but its tasks leave ${found}; ${fix}.`);
}

/** Whether a list names exactly the ports of a set, each once; most instances have none, and are answered without a copy. */
function samePorts(said: readonly number[], found: ReadonlySet<number>): boolean {
  if (said.length !== found.size) return false;
  if (said.length === 0) return true;
  return new Set(said).size === said.length && said.every((port) => found.has(port));
}

function sameAmounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function sameGroups(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [group, count] of a) if (b.get(group) !== count) return false;
  return true;
}

function describeAmounts(amounts: Readonly<Record<string, number>>): string {
  return `{ ${Object.entries(amounts).map(([name, amount]) => `${name}: ${amount}`).join(', ')} }`;
}
