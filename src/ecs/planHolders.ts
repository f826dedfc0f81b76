/**
 * Which tasks stand for the capacity already held on a container instance.
 *
 * @module
 */
import type { PortLists } from '../model/TaskRequirements';
import type { EcsInstance } from './EcsInstance';
import type { EcsRunningTask } from './fromDescribeTasks';

/** A task to restore on an instance so that it holds what ECS says is held. */
export interface Holder {
  /** The ARN of the described task it stands for; absent for a task no description accounts for. */
  readonly taskArn?: string;
  /** Its task group. */
  readonly group: string;
  /** The resources it holds (amounts above 0). */
  readonly resources: Readonly<Record<string, number>>;
  /** The ports it holds. */
  readonly ports: PortLists;
}

/**
 * Splits what an instance holds among the described tasks that run on it,
 * then gives the rest to tasks of `existingGroup`.
 *
 * @remarks
 * Each described task holds what it reserves, but never more than is left
 * of what the instance says is held: `remainingResources` is the truth about
 * the instance, and a described task may be stale. The tasks of
 * `existingGroup` number `runningTasksCount` less the described tasks, and
 * at least one when something is left over; the first holds what is left.
 *
 * @param instance - the instance and what it holds
 * @param tasks - the described tasks on it
 * @param existingGroup - the group of the tasks no description accounts for
 * @returns the holders, described tasks first
 */
export function planHolders(instance: EcsInstance, tasks: readonly EcsRunningTask[], existingGroup: string): Holder[] {
  const left = new Map(Object.entries(instance.held.resources));
  const tcpLeft = new Set(instance.held.ports.tcp);
  const udpLeft = new Set(instance.held.ports.udp);
  const described = tasks.map((task): Holder => ({
    ...(task.taskArn === undefined ? {} : { taskArn: task.taskArn }),
    group: task.group,
    resources: take(left, task.resources),
    ports: { tcp: task.ports.tcp.filter((port) => tcpLeft.delete(port)), udp: task.ports.udp.filter((port) => udpLeft.delete(port)) },
  }));
  const rest: Holder = { group: existingGroup, resources: Object.fromEntries([...left].filter(([, amount]) => amount > 0)), ports: { tcp: [...tcpLeft], udp: [...udpLeft] } };
  const restIsEmpty = Object.keys(rest.resources).length === 0 && rest.ports.tcp.length + rest.ports.udp.length === 0;
  const existing = Math.max(instance.runningTasksCount - described.length, restIsEmpty ? 0 : 1);
  const holders = [...described];
  for (let index = 0; index < existing; index += 1) holders.push(index === 0 ? rest : { group: existingGroup, resources: {}, ports: { tcp: [], udp: [] } });
  return holders;
}

function take(left: Map<string, number>, wanted: Readonly<Record<string, number>>): Record<string, number> {
  const taken: Record<string, number> = {};
  for (const [name, amount] of Object.entries(wanted)) {
    const share = Math.min(amount, left.get(name) ?? 0);
    if (share <= 0) continue;
    taken[name] = share;
    left.set(name, (left.get(name) ?? 0) - share);
  }
  return taken;
}
