/**
 * The read-only view of a container instance that queries and placement
 * read. The cluster keeps one per instance up to date; tests and users can
 * also build one by hand, or convert a snapshot from `cluster.instances()`
 * with `toInstanceView`.
 *
 * @module
 */

/**
 * Everything the cluster query language can ask about one container instance.
 *
 * @remarks
 * `runningTasksCount` and `taskGroups` count tasks whose desired status is
 * RUNNING, as ECS's `runningTasksCount` does, including tasks placed earlier
 * in the same placement request. An instance's untracked tasks (tasks ECS
 * counts that the cluster does not track) count in `runningTasksCount` and
 * in no group.
 *
 * @category Query language
 */
export interface InstanceView {
  /** The container instance id (for example its ARN). */
  readonly id: string;
  /** The EC2 instance id, when the instance has one. */
  readonly ec2InstanceId?: string | undefined;
  /** Attribute name to value; `null` for an attribute that has no value. A Map (or any ReadonlyMap), not a plain object. */
  readonly attributes: ReadonlyMap<string, string | null>;
  /** Whether the container agent is connected. */
  readonly agentConnected: boolean;
  /** The container agent version, such as `1.14.5`, when known. */
  readonly agentVersion?: string | undefined;
  /** Registration time in milliseconds since the epoch, when known; `registeredAt` conditions compare the second it falls in. */
  readonly registeredAt?: number | undefined;
  /** Number of tasks on the instance. */
  readonly runningTasksCount: number;
  /** Task group to the number of tasks of that group on the instance (groups with none are absent). */
  readonly taskGroups: ReadonlyMap<string, number>;
}
