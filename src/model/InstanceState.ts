/**
 * The live, read-only state of a registered instance, as strategies and
 * constraints see it during placement.
 *
 * @module
 */
import type { InstanceStatus } from './InstanceSpec';
import type { InstanceView } from '../query/InstanceView';

/**
 * Host ports by protocol, as sets.
 *
 * @category Cluster
 */
export interface PortSets {
  /** TCP ports. */
  readonly tcp: ReadonlySet<number>;
  /** UDP ports. */
  readonly udp: ReadonlySet<number>;
}

/**
 * An instance during placement: everything a query can read, plus status,
 * resources and ports. Strategies and constraints receive this view; it
 * changes as tasks are placed and stopped, so do not keep it.
 *
 * @category Cluster
 */
export interface InstanceState extends InstanceView {
  /** Lifecycle state. */
  readonly status: InstanceStatus;
  /** Resources registered, by name. */
  readonly registeredResources: Readonly<Record<string, number>>;
  /** Resources not reserved by tasks, by name; a resource not listed is 0. */
  readonly remainingResources: Readonly<Record<string, number>>;
  /** Ports the agent reserves. */
  readonly reservedPorts: PortSets;
  /** Ports bound by tasks on the instance. */
  readonly portsInUse: PortSets;
  /** Position in registration order, from 0; the final tie goes to the lowest. */
  readonly registrationOrder: number;
  /**
   * The tasks a {@link task-placement!TaskSelector} selects, by the key the cluster counts
   * them under (`countingKey(group, selector)`): what spread, spreadLimit and
   * atMost with a `taskSelector` read. Only tasks with a family or a
   * revision count here; neither snapshots nor queries show it.
   */
  readonly selectedTasks: ReadonlyMap<string, number>;
}
