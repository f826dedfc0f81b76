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
}
