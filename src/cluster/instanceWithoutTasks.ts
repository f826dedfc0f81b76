/**
 * An instance as it would be once some of its tasks stop: what a strategy's
 * key or a constraint reads when a plan asks about a task leaving.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { PortLists } from '../model/TaskRequirements';

/** A task that leaves: its group always, and what it frees when the reader needs resources and ports back. */
export interface LeavingTask {
  /** Its task group. */
  readonly group: string;
  /**
   * The counting keys of the task selectors it matches (`selectionKeys`),
   * lowered with the group's; none when the reader does not know the task.
   */
  readonly selectionKeys?: readonly string[];
  /** What it reserves, given back to the instance. */
  readonly resources?: Readonly<Record<string, number>>;
  /** The host ports it binds, freed. */
  readonly ports?: PortLists;
}

/**
 * The instance without `leaving`: task count and groups lowered, and each
 * leaving task's resources and ports given back when it names them. A frozen
 * view; the instance itself does not change.
 *
 * @param instance - the instance as it is
 * @param leaving - the tasks that leave it
 * @returns the instance as it would be without them
 */
export function instanceWithoutTasks(instance: InstanceState, leaving: readonly LeavingTask[]): InstanceState {
  const remainingResources: Record<string, number> = { ...instance.remainingResources };
  const taskGroups = new Map(instance.taskGroups);
  const selectedTasks = new Map(instance.selectedTasks);
  const tcp = new Set(instance.portsInUse.tcp);
  const udp = new Set(instance.portsInUse.udp);
  for (const gone of leaving) {
    for (const [name, amount] of Object.entries(gone.resources ?? {})) remainingResources[name] = (remainingResources[name] ?? 0) + amount;
    const held = (taskGroups.get(gone.group) ?? 0) - 1;
    if (held > 0) taskGroups.set(gone.group, held);
    else taskGroups.delete(gone.group);
    for (const key of gone.selectionKeys ?? []) {
      const selected = (selectedTasks.get(key) ?? 0) - 1;
      if (selected > 0) selectedTasks.set(key, selected);
      else selectedTasks.delete(key);
    }
    for (const port of gone.ports?.tcp ?? []) tcp.delete(port);
    for (const port of gone.ports?.udp ?? []) udp.delete(port);
  }
  return Object.freeze({
    id: instance.id,
    ec2InstanceId: instance.ec2InstanceId,
    attributes: instance.attributes,
    agentConnected: instance.agentConnected,
    agentVersion: instance.agentVersion,
    registeredAt: instance.registeredAt,
    runningTasksCount: instance.runningTasksCount - leaving.length,
    taskGroups,
    selectedTasks,
    status: instance.status,
    registeredResources: instance.registeredResources,
    remainingResources,
    reservedPorts: instance.reservedPorts,
    portsInUse: { tcp, udp },
    registrationOrder: instance.registrationOrder,
  });
}
