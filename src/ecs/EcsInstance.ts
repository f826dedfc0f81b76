/**
 * A container instance read from ECS: what to register, and what its running
 * tasks already hold.
 *
 * @module
 */
import type { InstanceSpec } from '../model/InstanceSpec';

/** Resources and ports that tasks already hold on an instance. */
export interface HeldCapacity {
  /** Registered minus remaining, by resource name (only amounts above 0). */
  readonly resources: Readonly<Record<string, number>>;
  /** Ports in use that the agent does not reserve: the static host ports of running tasks. */
  readonly ports: {
    /** TCP ports. */
    readonly tcp: readonly number[];
    /** UDP ports. */
    readonly udp: readonly number[];
  };
}

/**
 * One container instance of a DescribeContainerInstances response.
 *
 * @remarks
 * `spec` is what the instance registered: `registeredResources` as
 * resources, the agent-reserved ports of `PORTS` and `PORTS_UDP`, the
 * attributes, status, agent state, version and registration time. `held`
 * is what `remainingResources` says running tasks hold; {@link clusterFromEcs}
 * loads it as tasks.
 */
export interface EcsInstance {
  /** The instance to register; `id` is the container instance ARN. */
  readonly spec: InstanceSpec;
  /** What the instance's tasks hold: registered minus remaining. */
  readonly held: HeldCapacity;
  /** ECS's count of tasks in the RUNNING state on the instance. */
  readonly runningTasksCount: number;
  /** ECS's count of tasks in the PENDING state on the instance. */
  readonly pendingTasksCount: number;
  /** The capacity provider the instance belongs to, when ECS names one. */
  readonly capacityProviderName?: string;
}
