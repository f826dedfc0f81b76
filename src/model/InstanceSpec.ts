/**
 * The description of a container instance that a user registers.
 *
 * @module
 */

/**
 * The lifecycle states ECS gives a container instance. Only ACTIVE instances receive tasks.
 *
 * @category Cluster
 */
export type InstanceStatus = 'ACTIVE' | 'DRAINING' | 'REGISTERING' | 'DEREGISTERING' | 'REGISTRATION_FAILED' | 'INACTIVE';

/**
 * Every {@link InstanceStatus}, in ECS's order.
 *
 * @category Cluster
 */
export const INSTANCE_STATUSES: readonly InstanceStatus[] = [
  'ACTIVE', 'DRAINING', 'REGISTERING', 'DEREGISTERING', 'REGISTRATION_FAILED', 'INACTIVE',
];

/**
 * Amounts of resources by name: `cpu` in CPU units (1024 per vCPU), `memory`
 * in MiB, `gpu` in GPUs, and any custom numeric resource (such as `eni`).
 * A resource an instance does not list counts as 0.
 *
 * @category Cluster
 */
export interface Resources {
  /** CPU units. */
  readonly cpu?: number;
  /** Memory in MiB. */
  readonly memory?: number;
  /** GPUs. */
  readonly gpu?: number;
  /** Any other resource, by name. */
  readonly [custom: string]: number | undefined;
}

/**
 * Host ports by protocol.
 *
 * @category Cluster
 */
export interface Ports {
  /** TCP ports. */
  readonly tcp?: readonly number[];
  /** UDP ports. */
  readonly udp?: readonly number[];
}

/**
 * A container instance as registered: plain, JSON-friendly data.
 *
 * @example
 * ```ts
 * const spec: InstanceSpec = {
 *   id: 'arn:aws:ecs:us-east-1:123456789012:container-instance/prod/1f2e',
 *   ec2InstanceId: 'i-0abc',
 *   resources: { cpu: 2048, memory: 7680 },
 *   reservedPorts: { tcp: [22, 2375, 2376, 51678, 51679] },
 *   attributes: { 'ecs.instance-type': 'm5.large', 'ecs.availability-zone': 'us-east-1a' },
 * };
 * ```
 *
 * @category Cluster
 */
export interface InstanceSpec {
  /** Unique id, such as the container instance ARN. */
  readonly id: string;
  /** The EC2 instance id. */
  readonly ec2InstanceId?: string;
  /** Registered resources; `cpu` and `memory` are required. */
  readonly resources: Resources & {
    /** CPU units registered (1024 per vCPU). */
    readonly cpu: number;
    /** Memory registered, in MiB. */
    readonly memory: number;
  };
  /** Ports the agent reserves; no task can bind them. */
  readonly reservedPorts?: Ports;
  /** Attribute name to value; `null` for an attribute without a value (a capability). */
  readonly attributes?: Readonly<Record<string, string | null>>;
  /**
   * Lifecycle state.
   * @defaultValue `'ACTIVE'`
   */
  readonly status?: InstanceStatus;
  /**
   * Whether the container agent is connected.
   * @defaultValue `true`
   */
  readonly agentConnected?: boolean;
  /** Container agent version, dotted numbers such as `1.70.2`. */
  readonly agentVersion?: string;
  /** Registration time: an ISO 8601 string or a Date. */
  readonly registeredAt?: string | Date;
  /**
   * Tasks ECS says run on the instance that the cluster does not track: they
   * have no id or group and hold nothing themselves (reserve what they hold
   * with tracked tasks). They count in `runningTasksCount`, as ECS's do, so
   * that `runningTasksCount` queries and strategies see ECS's number, but in
   * no task group. A count rather than one task each, so that a busy fleet
   * read from ECS costs memory for what is known about it, not for how many
   * tasks it runs.
   * @defaultValue `0`
   */
  readonly untrackedTasks?: number;
}

/**
 * What {@link Cluster.updateInstance} can change on a registered instance.
 *
 * @category Cluster
 */
export interface InstancePatch {
  /** New lifecycle state, such as `'DRAINING'`. */
  readonly status?: InstanceStatus;
  /** Whether the agent is connected. */
  readonly agentConnected?: boolean;
  /** New agent version. */
  readonly agentVersion?: string;
  /** Attributes to add or replace (ECS PutAttributes); `null` for an attribute without a value. */
  readonly attributes?: Readonly<Record<string, string | null>>;
  /** Attribute names to remove (ECS DeleteAttributes). */
  readonly removeAttributes?: readonly string[];
  /**
   * The new number of untracked tasks ({@link InstanceSpec.untrackedTasks}),
   * such as ECS's latest `runningTasksCount` less the tasks tracked: the
   * instance's `runningTasksCount` moves by the difference.
   */
  readonly untrackedTasks?: number;
}
