/**
 * A snapshot's tasks against its instances: every task on a known instance,
 * within what that instance registered, on ports no one else holds, and, for
 * an instance given as a snapshot reports it, exactly the use it reports.
 *
 * @module
 */
import type { NormalizedInstance } from '../NormalizedInstance';
import { PlacementInputError } from '../PlacementInputError';
import type { TaskInfo } from '../TaskInfo';
import { resourceRecord } from '../resourceRecord';
import { quote } from './describeValue';
import { indexPath, keyPath } from './paths';
import type { RecordedUse } from './validateInstanceSpec';

/** An instance to restore, where it was given, and the use a snapshot recorded for it, if any. */
export interface RestoredInstance {
  readonly instance: NormalizedInstance;
  readonly path: string;
  readonly recorded?: RecordedUse;
}

/** What the tasks restored so far use on one instance. */
interface Use {
  readonly remaining: Record<string, number>;
  readonly ports: { tcp: Map<number, string>; udp: Map<number, string> };
  groups: Map<string, number>;
  count: number;
}

/** Shared by every instance until its first task needs its own: never written. */
const NO_HOLDERS: Map<number, string> = new Map();
const NO_GROUPS: Map<string, number> = new Map();

const PROTOCOLS = ['tcp', 'udp'] as const;

/**
 * Checks the tasks of a snapshot against its instances, in one pass over each.
 *
 * @param instances - the instances, validated, with their paths
 * @param tasks - the tasks, each validated on its own
 * @param tasksPath - where the tasks are, such as `options.tasks`
 * @throws {@link PlacementInputError} `duplicate_task`, `unknown_instance`,
 *   `overcommitted_instance` (the first task that reserves more than its
 *   instance registered), `port_conflict` (a port the agent reserves or an
 *   earlier task binds), or `inconsistent_snapshot` (an instance's recorded
 *   remaining resources, ports in use, task count or groups differ from what
 *   its tasks add up to)
 */
export function checkRestoredTasks(instances: readonly RestoredInstance[], tasks: readonly TaskInfo[], tasksPath: string): void {
  const uses = new Map<string, { readonly instance: NormalizedInstance; readonly use: Use }>();
  for (const { instance } of instances) {
    // Copied rather than spread (spreads are slow), for each of maybe a million instances; the maps come with the first task.
    uses.set(instance.id, { instance, use: { remaining: resourceRecord(instance.resources), ports: { tcp: NO_HOLDERS, udp: NO_HOLDERS }, groups: NO_GROUPS, count: 0 } });
  }
  const taskIds = new Set<string>();
  tasks.forEach((task, index) => {
    if (taskIds.has(task.taskId)) {
      throw new PlacementInputError('duplicate_task', keyPath(indexPath(tasksPath, index), 'taskId'), `Give this task another id: ${quote(task.taskId)} is already used by an earlier task.`);
    }
    taskIds.add(task.taskId);
    const entry = uses.get(task.instanceId);
    if (entry === undefined) {
      throw new PlacementInputError('unknown_instance', keyPath(indexPath(tasksPath, index), 'instanceId'), `Restore the instance ${quote(task.instanceId)} with its tasks: no instance given has that id.`);
    }
    reserve(entry.instance, entry.use, task, tasksPath, index);
  });
  for (const { instance, path, recorded } of instances) {
    if (recorded !== undefined) compare(instance.id, (uses.get(instance.id) as { readonly use: Use }).use, recorded, path);
  }
}

/** Adds a task's resources, ports and group to its instance's use; the task's path is only written for an error, since most restores have none. */
function reserve(instance: NormalizedInstance, use: Use, task: TaskInfo, tasksPath: string, index: number): void {
  for (const [name, amount] of Object.entries(task.resources)) {
    const left = (use.remaining[name] ?? 0) - amount;
    if (left < 0) {
      throw new PlacementInputError(
        'overcommitted_instance', keyPath(keyPath(indexPath(tasksPath, index), 'resources'), name),
        `Instance ${instance.id} registers ${instance.resources[name] ?? 0} ${name}; with this task its tasks would reserve ${(instance.resources[name] ?? 0) - left}.`,
      );
    }
    use.remaining[name] = left;
  }
  for (const protocol of PROTOCOLS) {
    task.ports[protocol].forEach((port, portIndex) => {
      const portPath = (): string => indexPath(keyPath(keyPath(indexPath(tasksPath, index), 'ports'), protocol), portIndex);
      if (instance.reservedPorts[protocol].includes(port)) {
        throw new PlacementInputError('port_conflict', portPath(), `Instance ${instance.id}'s agent reserves ${protocol.toUpperCase()} port ${port}; no task can bind it.`);
      }
      const holder = use.ports[protocol].get(port);
      if (holder !== undefined) {
        throw new PlacementInputError('port_conflict', portPath(), `Task ${holder} already binds ${protocol.toUpperCase()} port ${port} on instance ${instance.id}.`);
      }
      if (use.ports[protocol] === NO_HOLDERS) use.ports[protocol] = new Map();
      use.ports[protocol].set(port, task.taskId);
    });
  }
  if (use.groups === NO_GROUPS) use.groups = new Map();
  use.groups.set(task.group, (use.groups.get(task.group) ?? 0) + 1);
  use.count += 1;
}

function compare(id: string, use: Use, recorded: RecordedUse, path: string): void {
  const fix = 'give the instances and the tasks of one snapshot, or leave out what the tasks say';
  const mismatch = (field: string, said: string, found: string): PlacementInputError =>
    new PlacementInputError('inconsistent_snapshot', keyPath(path, field), `Instance ${id} is said to have ${said}, but its tasks leave ${found}; ${fix}.`);
  if (recorded.remainingResources !== undefined && !sameAmounts(recorded.remainingResources, use.remaining)) {
    throw mismatch('remainingResources', describeAmounts(recorded.remainingResources), describeAmounts(use.remaining));
  }
  if (recorded.portsInUse !== undefined) {
    for (const protocol of PROTOCOLS) {
      const said = [...recorded.portsInUse[protocol]].sort((a, b) => a - b);
      const found = [...use.ports[protocol].keys()].sort((a, b) => a - b);
      if (said.join() !== found.join()) throw mismatch('portsInUse', `${protocol.toUpperCase()} ports [${said.join(', ')}] in use`, `[${found.join(', ')}]`);
    }
  }
  if (recorded.runningTasksCount !== undefined && recorded.runningTasksCount !== use.count) {
    throw mismatch('runningTasksCount', `${recorded.runningTasksCount} running tasks`, `${use.count}`);
  }
  if (recorded.taskGroups !== undefined && !sameAmounts(Object.fromEntries(recorded.taskGroups), Object.fromEntries(use.groups))) {
    throw mismatch('taskGroups', `the task groups ${describeAmounts(Object.fromEntries(recorded.taskGroups))}`, describeAmounts(Object.fromEntries(use.groups)));
  }
}

function sameAmounts(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function describeAmounts(amounts: Readonly<Record<string, number>>): string {
  return `{ ${Object.entries(amounts).map(([name, amount]) => `${name}: ${amount}`).join(', ')} }`;
}
