/**
 * The state of one cluster: its instances in registration order, its tasks
 * in placement order, and its generator. Every mutation goes through here so
 * that the bookkeeping on instances and tasks cannot drift apart.
 *
 * @module
 */
import type { NormalizedInstance, NormalizedPatch } from '../model/NormalizedInstance';
import type { TaskRequirements } from '../model/TaskRequirements';
import { SeededRandom } from '../random/SeededRandom';
import { InstanceRecord } from './InstanceRecord';
import type { StateListener } from './StateListener';
import type { TaskInfo } from './TaskInfo';

/** Instances, tasks and the generator of one cluster. */
export class ClusterState {
  private readonly records = new Map<string, InstanceRecord>();
  private ordered: InstanceRecord[] | undefined;
  private readonly taskRecords = new Map<string, TaskInfo>();
  private nextOrder = 0;
  private nextTaskNumber = 1;
  /** Tasks started since the innermost open {@link ClusterState.tentatively}, when one is open. */
  private journal: TaskInfo[] | undefined;
  /** The cluster's only source of randomness. */
  random: SeededRandom;
  /** Told of every change, after it is made; an indexed engine keeps its indexes current this way. */
  listener: StateListener | undefined;

  /** @param seed - seed of the generator */
  constructor(seed: number) {
    this.random = new SeededRandom(seed);
  }

  /** Every instance, in registration order. */
  instances(): readonly InstanceRecord[] {
    this.ordered ??= [...this.records.values()];
    return this.ordered;
  }

  /** The instance with this id, if registered. */
  instance(id: string): InstanceRecord | undefined {
    return this.records.get(id);
  }

  /** Every task, in placement order; the records themselves, for reading only. */
  tasks(): IterableIterator<TaskInfo> {
    return this.taskRecords.values();
  }

  /**
   * Registration positions given out so far: every instance's
   * `registrationOrder` is below it. `random` orders this many positions.
   */
  get registrationSpan(): number {
    return this.nextOrder;
  }

  /** The task with this id, if running. */
  task(taskId: string): TaskInfo | undefined {
    return this.taskRecords.get(taskId);
  }

  /** Adds a validated instance whose id is not registered yet. */
  register(spec: NormalizedInstance): InstanceRecord {
    const record = new InstanceRecord(spec, this.nextOrder);
    this.nextOrder += 1;
    this.records.set(record.id, record);
    this.ordered = undefined;
    this.listener?.registered(record);
    return record;
  }

  /** Removes an instance, stopping its tasks; returns them in placement order. */
  deregister(record: InstanceRecord): TaskInfo[] {
    // Instances do not list their tasks (a list each would cost a million
    // allocations on a large fleet); a forced deregistration is rare enough to search.
    const stopped = [...this.taskRecords.values()].filter((task) => task.instanceId === record.id).map((task) => this.stopTask(task.taskId));
    this.records.delete(record.id);
    this.ordered = undefined;
    this.listener?.deregistered(record);
    return stopped;
  }

  /** Applies a validated patch to an instance. */
  update(record: InstanceRecord, patch: NormalizedPatch): void {
    record.apply(patch);
    this.listener?.updated(record);
  }

  /** Starts a task on an instance that has room for it. */
  startTask(record: InstanceRecord, task: TaskRequirements, group: string): TaskInfo {
    // Every task of a request shares its resources and ports, which
    // validation froze, so no caller can change one task's books.
    const taskId = `task-${this.nextTaskNumber}`;
    const info: TaskInfo = task.family === undefined
      ? { taskId, instanceId: record.id, group, resources: task.resources, ports: task.ports }
      : { taskId, instanceId: record.id, group, family: task.family, resources: task.resources, ports: task.ports };
    this.nextTaskNumber += 1;
    this.taskRecords.set(taskId, info);
    record.addTask(info);
    this.journal?.push(info);
    this.listener?.taskStarted(info, record);
    return info;
  }

  /** Stops a running task. */
  stopTask(taskId: string): TaskInfo {
    const info = this.taskRecords.get(taskId) as TaskInfo;
    this.taskRecords.delete(taskId);
    const record = this.records.get(info.instanceId) as InstanceRecord;
    record.removeTask(info);
    this.listener?.taskStopped(info, record);
    return info;
  }

  /**
   * Runs `work`, then undoes every task it started, and restores the
   * generator and the task numbering, unless `keep` accepts the result. If
   * `work` throws, it is undone and the error goes on. Dry runs and
   * placements that fail half-way use this, so neither leaves a trace.
   */
  tentatively<T>(work: () => T, keep: (result: T) => boolean): T {
    const outer = this.journal;
    const random = this.random.clone();
    const nextTaskNumber = this.nextTaskNumber;
    const journal: TaskInfo[] = [];
    this.journal = journal;
    let kept = false;
    try {
      const result = work();
      kept = keep(result);
      return result;
    } finally {
      this.journal = outer;
      if (kept) {
        outer?.push(...journal);
      } else {
        for (const info of journal.reverse()) this.stopTask(info.taskId);
        this.random = random;
        this.nextTaskNumber = nextTaskNumber;
      }
    }
  }
}
