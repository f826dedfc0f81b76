/**
 * The bookkeeping laws of a cluster state: what the instances report agrees
 * with the tasks they run, nothing is over-committed and no port is bound
 * twice.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { InstanceInfo } from '../../model/InstanceInfo';
import type { TaskInfo } from '../../model/TaskInfo';
import { tasksByInstance } from '../model/tasksByInstance';
import { otherViolation, type PlacementViolation } from './PlacementViolation';

const STATE = -1;
const NO_TASKS: readonly TaskInfo[] = Object.freeze([]);

/**
 * Checks a cluster's state against itself: every task runs on a registered
 * instance and has its own id; per instance, its tasks hold no more of any
 * resource than it registered, and what it reports as remaining is what it
 * registered less what they hold; no two tasks bind one static port and
 * none binds a port the agent reserves; the ports in use and the task
 * groups it reports are those of its tasks, and the task count is its tasks
 * and its untracked tasks.
 *
 * @param snapshot - `cluster.snapshot()`
 * @returns the broken laws (`overcommitted`, `portConflict`, `bookkeeping`, `orphanTask`, `duplicateTaskId`), each with step -1
 *
 * @example
 * ```ts
 * cluster.stopTask('task-3');
 * expect(formatViolations(checkSnapshot(cluster.snapshot()))).toBe('');
 * ```
 */
export function checkSnapshot(snapshot: ClusterSnapshot): PlacementViolation[] {
  return checkSnapshotOf(snapshot, tasksByInstance(snapshot.tasks));
}

/** {@link checkSnapshot} with the snapshot's tasks already grouped, as the checker groups them once for the model too. */
export function checkSnapshotOf(snapshot: ClusterSnapshot, tasksOf: ReadonlyMap<string, readonly TaskInfo[]>): PlacementViolation[] {
  const perInstance: PlacementViolation[] = [];
  // Only instances that run tasks are remembered: a set of every id of a large fleet costs more than the rest of the check.
  const running = new Set<string>();
  // An index loop: this runs once per check, too seldom to be optimized, and an unoptimized for...of allocates a result per step.
  for (let index = 0; index < snapshot.instances.length; index += 1) {
    const instance = snapshot.instances[index] as InstanceInfo;
    const tasks = tasksOf.get(instance.id) ?? NO_TASKS;
    if (tasks !== NO_TASKS) running.add(instance.id);
    // Most instances of a large fleet run nothing or a few portless tasks of one group; checking those without building
    // the sets and tallies keeps the check light. Anything else, and any doubt, takes the full checks, which explain.
    if (plainAsReported(instance, tasks)) continue;
    perInstance.push(...checkResources(instance, tasks), ...checkPorts(instance, tasks), ...checkCounts(instance, tasks));
  }
  const violations: PlacementViolation[] = [];
  const taskIds = new Set<string>();
  for (const task of snapshot.tasks) {
    if (!running.has(task.instanceId)) violations.push(otherViolation('orphanTask', STATE, `${task.taskId} runs on ${task.instanceId}, which is not registered`, [task.instanceId], [task.taskId]));
    if (taskIds.has(task.taskId)) violations.push(otherViolation('duplicateTaskId', STATE, `two running tasks have the id ${task.taskId}`, [], [task.taskId]));
    taskIds.add(task.taskId);
  }
  violations.push(...perInstance);
  return violations;
}

/**
 * Whether an instance whose tasks (if any) bind no static port and share one
 * group reports itself so: each resource it registered less what they hold
 * is what remains, nothing is over-committed and nothing unregistered
 * remains; no port is in use; the group and task counts are theirs. Anything
 * else is left to the full checks.
 */
function plainAsReported(instance: InstanceInfo, tasks: readonly TaskInfo[]): boolean {
  const { registeredResources: registered, remainingResources: remaining } = instance;
  const group = tasks[0]?.group;
  for (const task of tasks) {
    if (task.group !== group || task.ports.tcp.length > 0 || task.ports.udp.length > 0) return false;
    for (const resource in task.resources) if (!Object.hasOwn(registered, resource)) return false;
  }
  for (const resource in remaining) if (!Object.hasOwn(registered, resource) && remaining[resource] !== 0) return false;
  for (const resource in registered) {
    let held = 0;
    for (const task of tasks) held += task.resources[resource] ?? 0;
    const left = (registered[resource] ?? 0) - held;
    if (left < 0 || (Object.hasOwn(remaining, resource) ? remaining[resource] : 0) !== left) return false;
  }
  let groups = 0;
  for (const name in instance.taskGroups) {
    groups += 1;
    if (name !== group || instance.taskGroups[name] !== tasks.length) return false;
  }
  const portsFree = instance.portsInUse.tcp.length === 0 && instance.portsInUse.udp.length === 0;
  return groups === (tasks.length === 0 ? 0 : 1) && portsFree && instance.runningTasksCount === tasks.length + (instance.untrackedTasks ?? 0);
}

function checkResources(instance: InstanceInfo, tasks: readonly TaskInfo[]): PlacementViolation[] {
  const violations: PlacementViolation[] = [];
  const names = new Set([...Object.keys(instance.registeredResources), ...Object.keys(instance.remainingResources), ...tasks.flatMap((task) => Object.keys(task.resources))]);
  const taskIds = tasks.map((task) => task.taskId);
  for (const resource of names) {
    const held = tasks.reduce((sum, task) => sum + (task.resources[resource] ?? 0), 0);
    const registered = instance.registeredResources[resource] ?? 0;
    const reported = instance.remainingResources[resource] ?? 0;
    if (registered - held < 0) {
      violations.push({
        law: 'overcommitted', step: STATE, instanceIds: [instance.id], taskIds, resource, registered, held,
        message: `${instance.id} registered ${registered} ${resource} but its ${tasks.length} tasks hold ${held}`,
      });
    }
    if (reported !== registered - held) {
      const message = `${instance.id} reports ${reported} ${resource} remaining, but ${registered} registered - ${held} held = ${registered - held}`;
      violations.push(otherViolation('bookkeeping', STATE, message, [instance.id]));
    }
  }
  return violations;
}

function checkPorts(instance: InstanceInfo, tasks: readonly TaskInfo[]): PlacementViolation[] {
  const violations: PlacementViolation[] = [];
  for (const protocol of ['tcp', 'udp'] as const) {
    const boundBy = new Map<number, string>();
    for (const task of tasks) {
      for (const port of task.ports[protocol]) {
        const other = boundBy.get(port);
        const conflict = { law: 'portConflict', step: STATE, instanceIds: [instance.id], protocol, port } as const;
        if (other !== undefined) violations.push({ ...conflict, taskIds: [task.taskId, other], message: `${task.taskId} and ${other} both bind ${protocol} port ${port} on ${instance.id}` });
        if (instance.reservedPorts[protocol].includes(port)) {
          violations.push({ ...conflict, taskIds: [task.taskId], message: `${task.taskId} binds ${protocol} port ${port}, which ${instance.id} reserves for the agent` });
        }
        boundBy.set(port, task.taskId);
      }
    }
    const expected = [...boundBy.keys()].sort((a, b) => a - b).join(',');
    const reported = [...instance.portsInUse[protocol]].sort((a, b) => a - b).join(',');
    if (expected !== reported) {
      violations.push(otherViolation('bookkeeping', STATE, `${instance.id} reports ${protocol} ports [${reported}] in use, but its tasks bind [${expected}]`, [instance.id]));
    }
  }
  return violations;
}

function checkCounts(instance: InstanceInfo, tasks: readonly TaskInfo[]): PlacementViolation[] {
  const groups = new Map<string, number>();
  for (const task of tasks) groups.set(task.group, (groups.get(task.group) ?? 0) + 1);
  const expected = describeGroups(groups);
  const reported = describeGroups(new Map(Object.entries(instance.taskGroups)));
  const untracked = instance.untrackedTasks ?? 0;
  if (instance.runningTasksCount === tasks.length + untracked && expected === reported) return [];
  const running = untracked === 0 ? `${tasks.length}` : `${tasks.length} and ${untracked} untracked`;
  const message = `${instance.id} reports ${instance.runningTasksCount} tasks (${reported}), but runs ${running} (${expected})`;
  return [otherViolation('bookkeeping', STATE, message, [instance.id])];
}

function describeGroups(groups: ReadonlyMap<string, number>): string {
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, count]) => `${group}: ${count}`).join(', ');
}
