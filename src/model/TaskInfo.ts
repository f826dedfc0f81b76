/**
 * A running task, as the cluster reports it.
 *
 * @module
 */
import type { PortLists } from './TaskRequirements';

/**
 * A task placed on an instance; frozen, JSON-friendly data.
 *
 * @category Cluster
 */
export interface TaskInfo {
  /** Deterministic id: `task-1`, `task-2`, ... in placement order. */
  readonly taskId: string;
  /** The instance it runs on. */
  readonly instanceId: string;
  /** Its task group, such as `service:web` or `family:batch`. */
  readonly group: string;
  /** Its task definition family, when given. */
  readonly family?: string;
  /** Its task definition revision, when given. */
  readonly revision?: number;
  /** Resources it reserves (amounts above 0). */
  readonly resources: Readonly<Record<string, number>>;
  /** Static host ports it binds. */
  readonly ports: PortLists;
}
