/**
 * A snapshot of a registered instance, as the cluster reports it.
 *
 * @module
 */
import type { InstanceStatus } from './InstanceSpec';
import type { PortLists } from './TaskRequirements';

/**
 * A registered instance at one moment: plain, JSON-friendly data that later placements do not change.
 *
 * @remarks
 * What tasks change (remaining resources, ports in use, counts, groups) is
 * copied for each snapshot. What instances share and nothing changes in
 * place (attributes, registered resources, reserved ports) is shown as one
 * frozen object per value, the same for every instance and every snapshot
 * that shows it: a snapshot of a million instances then holds a few dozen
 * of each, and restoring a cluster from it validates each once.
 *
 * @category Cluster
 */
export interface InstanceInfo {
  /** The container instance id. */
  readonly id: string;
  /** The EC2 instance id, when known. */
  readonly ec2InstanceId?: string;
  /** Lifecycle state. */
  readonly status: InstanceStatus;
  /** Whether the container agent is connected. */
  readonly agentConnected: boolean;
  /** Container agent version, when known. */
  readonly agentVersion?: string;
  /** Registration time as an ISO 8601 string, when known. */
  readonly registeredAt?: string;
  /** Attribute name to value (`null` for none). */
  readonly attributes: Readonly<Record<string, string | null>>;
  /** Resources registered. */
  readonly registeredResources: Readonly<Record<string, number>>;
  /** Resources not reserved by tasks. */
  readonly remainingResources: Readonly<Record<string, number>>;
  /** Ports the agent reserves. */
  readonly reservedPorts: PortLists;
  /** Ports bound by tasks. */
  readonly portsInUse: PortLists;
  /** Number of tasks on the instance, untracked ones included. */
  readonly runningTasksCount: number;
  /** Tasks on the instance that the cluster does not track ({@link InstanceSpec.untrackedTasks}); absent when there are none. */
  readonly untrackedTasks?: number;
  /** Task group to the number of its tasks on the instance; untracked tasks are in none. */
  readonly taskGroups: Readonly<Record<string, number>>;
}
