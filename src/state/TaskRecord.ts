/**
 * A running task as the cluster keeps it.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { TaskInfo } from '../model/TaskInfo';
import type { PortLists } from '../model/TaskRequirements';
import { selectionKeys } from '../model/TaskSelector';

/**
 * One running task, linked to the other tasks of its instance.
 *
 * @remarks
 * The links on the instance let a forced deregistration stop an instance's tasks without
 * looking at any other task, at the price of two fields per task rather
 * than a list per instance: a million idle instances then cost nothing.
 * Every record has the same fields (`family` and `revision` may be undefined), so that the
 * engine reads them all the same way; callers never see a record, only
 * {@link TaskRecord.toInfo} copies.
 */
export class TaskRecord {
  /** The instance's task started just before this one that is still running. */
  previousOnInstance: TaskRecord | undefined = undefined;
  /** The instance's task started just after this one that is still running. */
  nextOnInstance: TaskRecord | undefined = undefined;

  /**
   * @param taskId - its id
   * @param instance - the instance it runs on (the cluster's record of it, which stopping the task reaches without a lookup)
   * @param group - its task group
   * @param family - its task definition family, if known
   * @param revision - its task definition revision, if known
   * @param resources - what it reserves (amounts above 0); shared, never written
   * @param ports - the static host ports it binds; shared, never written
   */
  constructor(
    readonly taskId: string,
    readonly instance: InstanceState,
    readonly group: string,
    readonly family: string | undefined,
    readonly revision: number | undefined,
    readonly resources: Readonly<Record<string, number>>,
    readonly ports: PortLists,
  ) {}

  /** The counting keys of the task selectors it matches (see {@link selectionKeys}); made when asked, since few requests select. */
  get selectionKeys(): readonly string[] {
    return selectionKeys(this.group, this.family, this.revision);
  }

  /** The id of the instance it runs on. */
  get instanceId(): string {
    return this.instance.id;
  }

  /** A plain copy for callers, which later changes do not touch. */
  toInfo(): TaskInfo {
    const { taskId, instanceId, group, family, revision, resources, ports } = this;
    if (revision === undefined) return family === undefined ? { taskId, instanceId, group, resources, ports } : { taskId, instanceId, group, family, resources, ports };
    return family === undefined ? { taskId, instanceId, group, revision, resources, ports } : { taskId, instanceId, group, family, revision, resources, ports };
  }
}
