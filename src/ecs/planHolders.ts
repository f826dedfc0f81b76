/**
 * Which tasks stand for the capacity already held on a container instance,
 * and how many of its running tasks are left untracked.
 *
 * @module
 */
import type { PortLists } from '../model/TaskRequirements';
import type { EcsInstance } from './EcsInstance';
import type { EcsRunningTask } from './fromDescribeTasks';

/** A task to restore on an instance so that it holds what ECS says is held. */
interface Holder {
  /** The ARN of the described task it stands for; absent for a task no description accounts for. */
  readonly taskArn?: string;
  /** Its task group. */
  readonly group: string;
  /** Its task definition family, when its description names it. */
  readonly family?: string;
  /** Its task definition revision, when its description names it. */
  readonly revision?: number;
  /** The resources it holds (amounts above 0). */
  readonly resources: Readonly<Record<string, number>>;
  /** The ports it holds. */
  readonly ports: PortLists;
}

/** The tasks to restore on an instance, and the running tasks left to count. */
export interface HolderPlan {
  /** The described tasks, then at most one task of the existing group. */
  readonly holders: readonly Holder[];
  /** The rest of `runningTasksCount`: the instance's untracked tasks. */
  readonly untrackedTasks: number;
}

/**
 * Splits what an instance holds among the described tasks that run on it,
 * gives the rest to one task of `existingGroup`, and counts the running
 * tasks still unaccounted for.
 *
 * @remarks
 * Each described task holds what it reserves, but never more than is left
 * of what the instance says is held: `remainingResources` is the truth about
 * the instance, and a described task may be stale. One task of
 * `existingGroup` holds what is left over, when something is, since only a
 * task holds capacity in a cluster. The running tasks that neither accounts
 * for are only counted, not built: a busy instance costs one number rather
 * than one task each.
 *
 * @param instance - the instance and what it holds
 * @param tasks - the described tasks on it
 * @param existingGroup - the group of the task that holds what no description accounts for
 * @returns the holders, described tasks first, and `runningTasksCount` less
 *   the holders (0 when they are more)
 */
export function planHolders(instance: EcsInstance, tasks: readonly EcsRunningTask[], existingGroup: string): HolderPlan {
  const left = new Map(Object.entries(instance.held.resources));
  const tcpLeft = new Set(instance.held.ports.tcp);
  const udpLeft = new Set(instance.held.ports.udp);
  const described = tasks.map((task): Holder => ({
    ...(task.taskArn === undefined ? {} : { taskArn: task.taskArn }),
    group: task.group,
    ...(task.family === undefined ? {} : { family: task.family }),
    ...(task.revision === undefined ? {} : { revision: task.revision }),
    resources: take(left, task.resources),
    ports: { tcp: task.ports.tcp.filter((port) => tcpLeft.delete(port)), udp: task.ports.udp.filter((port) => udpLeft.delete(port)) },
  }));
  const rest: Holder = { group: existingGroup, resources: Object.fromEntries([...left].filter(([, amount]) => amount > 0)), ports: { tcp: [...tcpLeft], udp: [...udpLeft] } };
  const restIsEmpty = Object.keys(rest.resources).length === 0 && rest.ports.tcp.length + rest.ports.udp.length === 0;
  const holders = restIsEmpty ? described : [...described, rest];
  return { holders, untrackedTasks: Math.max(instance.runningTasksCount - holders.length, 0) };
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
