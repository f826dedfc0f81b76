/**
 * A running task as the cluster keeps it.
 *
 * @module
 */
import type { PortLists } from '../model/TaskRequirements';
import type { TaskInfo } from '../model/TaskInfo';

/**
 * One running task, linked to the other tasks of its instance.
 *
 * @remarks
 * The links let a forced deregistration stop an instance's tasks without
 * looking at any other task, at the price of two fields per task rather
 * than a list per instance: a million idle instances then cost nothing.
 * Callers never see a record, only {@link TaskRecord.toInfo} copies.
 */
export class TaskRecord implements TaskInfo {
  readonly taskId: string;
  readonly instanceId: string;
  readonly group: string;
  readonly family?: string;
  readonly resources: Readonly<Record<string, number>>;
  readonly ports: PortLists;
  /** The instance's task started just before this one that is still running. */
  previousOnInstance: TaskRecord | undefined = undefined;
  /** The instance's task started just after this one that is still running. */
  nextOnInstance: TaskRecord | undefined = undefined;

  /**
   * @param info - the task; its resources and ports are shared, never written
   */
  constructor(info: TaskInfo) {
    this.taskId = info.taskId;
    this.instanceId = info.instanceId;
    this.group = info.group;
    if (info.family !== undefined) this.family = info.family;
    this.resources = info.resources;
    this.ports = info.ports;
  }

  /** A plain copy for callers, which later changes do not touch. */
  toInfo(): TaskInfo {
    const { taskId, instanceId, group, family, resources, ports } = this;
    return family === undefined ? { taskId, instanceId, group, resources, ports } : { taskId, instanceId, group, family, resources, ports };
  }
}
