/**
 * A plan's scratch changes to the cluster's state: tasks started through an
 * engine, tasks stopped, instances set to `DRAINING`, all undone when the
 * plan is made, the generator and task numbering too.
 *
 * @module
 */
import type { InstanceStatus } from '../model/InstanceSpec';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { TaskRecord } from '../state/TaskRecord';

/**
 * The changes a plan makes while it works, so that every placement after a
 * step sees the state that step leaves, as it will when the steps are
 * applied.
 *
 * @remarks
 * {@link ClusterState.dryRun} undoes the tasks started and stopped and
 * restores the generator and numbering; this gives drained instances their
 * status back.
 */
export class DryRun {
  private readonly statuses: { readonly instance: InstanceRecord; readonly status: InstanceStatus }[] = [];

  private constructor(private readonly state: ClusterState) {}

  /**
   * Runs `work` on the state and undoes everything it did, even when it throws.
   *
   * @param state - the cluster's state
   * @param work - the plan, given this dry run to stop tasks and drain instances with
   * @returns what `work` returns
   */
  static run<T>(state: ClusterState, work: (run: DryRun) => T): T {
    const run = new DryRun(state);
    return state.dryRun(() => {
      try {
        return work(run);
      } finally {
        for (const { instance, status } of run.statuses.reverse()) state.update(instance, { status });
      }
    });
  }

  /** Sets an instance to `DRAINING` until the end of the run, or until {@link DryRun.undrain}. */
  drain(instance: InstanceRecord): void {
    this.statuses.push({ instance, status: instance.status });
    this.state.update(instance, { status: 'DRAINING' });
  }

  /** Gives the last instance drained its status back, when a plan gives up on emptying it. */
  undrain(instance: InstanceRecord): void {
    const last = this.statuses.at(-1);
    if (last?.instance !== instance) return;
    this.statuses.pop();
    this.state.update(instance, { status: last.status });
  }

  /** Stops a task that ran before the plan began. */
  stop(task: TaskRecord): void {
    this.state.stopTask(task);
  }
}
