/**
 * The bookkeeping laws of a cluster state: what the instances report agrees
 * with the tasks they run, nothing is over-committed and no port is bound
 * twice.
 */
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { InstanceInfo } from '../../src/cluster/InstanceInfo';
import type { TaskInfo } from '../../src/cluster/TaskInfo';
import type { Violation } from './Violation';

const STATE = -1;

/**
 * Checks a snapshot against itself: every task is on a registered instance
 * and has its own id; per instance, remaining = registered - the sum of its
 * tasks' resources and none is negative; no two tasks bind one static port
 * and none binds an agent-reserved port; the ports in use, the task count and
 * the task groups the instance reports are those of its tasks.
 *
 * @param snapshot - `cluster.snapshot()`
 * @returns the broken laws, each with step -1
 */
export function checkSnapshot(snapshot: ClusterSnapshot): Violation[] {
  const violations: Violation[] = [];
  const ids = new Set(snapshot.instances.map((instance) => instance.id));
  const taskIds = new Set<string>();
  for (const task of snapshot.tasks) {
    if (!ids.has(task.instanceId)) violations.push({ law: 'orphanTask', step: STATE, detail: `${task.taskId} runs on ${task.instanceId}, which is not registered` });
    if (taskIds.has(task.taskId)) violations.push({ law: 'taskIds', step: STATE, detail: `two running tasks have the id ${task.taskId}` });
    taskIds.add(task.taskId);
  }
  for (const instance of snapshot.instances) {
    const tasks = snapshot.tasks.filter((task) => task.instanceId === instance.id);
    violations.push(...checkResources(instance, tasks), ...checkPorts(instance, tasks), ...checkCounts(instance, tasks));
  }
  return violations;
}

function checkResources(instance: InstanceInfo, tasks: readonly TaskInfo[]): Violation[] {
  const violations: Violation[] = [];
  const names = new Set([...Object.keys(instance.registeredResources), ...Object.keys(instance.remainingResources), ...tasks.flatMap((task) => Object.keys(task.resources))]);
  for (const name of names) {
    const held = tasks.reduce((sum, task) => sum + (task.resources[name] ?? 0), 0);
    const registered = instance.registeredResources[name] ?? 0;
    const reported = instance.remainingResources[name] ?? 0;
    if (registered - held < 0) {
      violations.push({ law: 'resources', step: STATE, detail: `${instance.id} registered ${registered} ${name} but its ${tasks.length} tasks hold ${held}` });
    }
    if (reported !== registered - held) {
      violations.push({ law: 'bookkeeping', step: STATE, detail: `${instance.id} reports ${reported} ${name} remaining, but ${registered} registered - ${held} held = ${registered - held}` });
    }
  }
  return violations;
}

function checkPorts(instance: InstanceInfo, tasks: readonly TaskInfo[]): Violation[] {
  const violations: Violation[] = [];
  for (const protocol of ['tcp', 'udp'] as const) {
    const boundBy = new Map<number, string>();
    for (const task of tasks) {
      for (const port of task.ports[protocol]) {
        const other = boundBy.get(port);
        if (other !== undefined) violations.push({ law: 'ports', step: STATE, detail: `${task.taskId} and ${other} both bind ${protocol} port ${port} on ${instance.id}` });
        if (instance.reservedPorts[protocol].includes(port)) {
          violations.push({ law: 'ports', step: STATE, detail: `${task.taskId} binds ${protocol} port ${port}, which ${instance.id} reserves for the agent` });
        }
        boundBy.set(port, task.taskId);
      }
    }
    const expected = [...boundBy.keys()].sort((a, b) => a - b).join(',');
    const reported = [...instance.portsInUse[protocol]].sort((a, b) => a - b).join(',');
    if (expected !== reported) {
      violations.push({ law: 'bookkeeping', step: STATE, detail: `${instance.id} reports ${protocol} ports [${reported}] in use, but its tasks bind [${expected}]` });
    }
  }
  return violations;
}

function checkCounts(instance: InstanceInfo, tasks: readonly TaskInfo[]): Violation[] {
  const groups = new Map<string, number>();
  for (const task of tasks) groups.set(task.group, (groups.get(task.group) ?? 0) + 1);
  const expected = describeGroups(groups);
  const reported = describeGroups(new Map(Object.entries(instance.taskGroups)));
  if (instance.runningTasksCount === tasks.length && expected === reported) return [];
  return [{
    law: 'bookkeeping',
    step: STATE,
    detail: `${instance.id} reports ${instance.runningTasksCount} tasks (${reported}), but runs ${tasks.length} (${expected})`,
  }];
}

function describeGroups(groups: ReadonlyMap<string, number>): string {
  return [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([group, count]) => `${group}: ${count}`).join(', ');
}
