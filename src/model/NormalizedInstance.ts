/**
 * An instance spec after validation, with every default filled in.
 *
 * @module
 */
import type { InstanceStatus } from './InstanceSpec';
import type { PortLists } from './TaskRequirements';

/** A validated {@link InstanceSpec}: defaults applied, dates as milliseconds, ports sorted. */
export interface NormalizedInstance {
  readonly id: string;
  readonly ec2InstanceId?: string;
  /** Every registered resource, including those registered as 0. */
  readonly resources: Readonly<Record<string, number>>;
  readonly reservedPorts: PortLists;
  readonly attributes: ReadonlyMap<string, string | null>;
  readonly status: InstanceStatus;
  readonly agentConnected: boolean;
  readonly agentVersion?: string;
  /** Milliseconds since the epoch. */
  readonly registeredAt?: number;
  /** Absent when there are none. */
  readonly untrackedTasks?: number;
}

/** A validated {@link InstancePatch}. */
export interface NormalizedPatch {
  readonly status?: InstanceStatus;
  readonly agentConnected?: boolean;
  readonly agentVersion?: string;
  readonly attributes?: ReadonlyMap<string, string | null>;
  readonly removeAttributes?: readonly string[];
  readonly untrackedTasks?: number;
}
