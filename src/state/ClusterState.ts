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
import type { TaskInfo } from '../model/TaskInfo';
import { TaskRecord } from './TaskRecord';
import { numberOfTaskId, TaskTable } from './TaskTable';

/**
 * Registration positions may run this far ahead of twice the instances
 * before they are renumbered: enough that renumbering, which costs a pass
 * over the fleet, happens at most once per that many deregistrations.
 */
const RENUMBER_SLACK = 1024;

/** Instances, tasks and the generator of one cluster. */
export class ClusterState {
  private readonly records = new Map<string, InstanceRecord>();
  private ordered: InstanceRecord[] | undefined;
  private readonly taskRecords = new TaskTable();
  private nextOrder = 0;
  private taskNumber: number;
  /** Tasks started since the innermost open {@link ClusterState.tentatively}, when one is open. */
  private journal: TaskRecord[] | undefined;
  /**
   * While a {@link ClusterState.dryRun} runs: the groups of each instance it
   * stopped a task on, as they were before its first stop there.
   */
  private dryRunGroups: Map<InstanceRecord, ReadonlyMap<string, number>> | undefined;
  /** The cluster's only source of randomness. */
  random: SeededRandom;
  /** Told of every change, after it is made; an indexed engine keeps its indexes current this way. */
  listener: StateListener | undefined;

  /**
   * @param seed - seed of the generator
   * @param nextTaskNumber - the number in the first new task's id
   */
  constructor(seed: number, nextTaskNumber = 1) {
    this.random = new SeededRandom(seed);
    this.taskNumber = nextTaskNumber;
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
  tasks(): IterableIterator<TaskRecord> {
    return this.taskRecords.values();
  }

  /** The number in the next task's id, `task-<n>`. */
  get nextTaskNumber(): number {
    return this.taskNumber;
  }

  /** How many tasks run. */
  get taskCount(): number {
    return this.taskRecords.size;
  }

  /**
   * Registration positions given out so far: every instance's
   * `registrationOrder` is below it. `random` orders this many positions.
   */
  get registrationSpan(): number {
    return this.nextOrder;
  }

  /** The task with this id, if running. */
  task(taskId: string): TaskRecord | undefined {
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
  deregister(record: InstanceRecord): TaskRecord[] {
    const stopped: TaskRecord[] = [];
    while (record.firstTask !== undefined) stopped.push(this.stopTask(record.firstTask));
    this.records.delete(record.id);
    this.ordered = undefined;
    this.listener?.deregistered(record);
    if (this.nextOrder >= 2 * this.records.size + RENUMBER_SLACK) this.renumber();
    return stopped;
  }

  /**
   * Closes the gaps deregistrations left in registration order, keeping the
   * order: positions stay below twice the fleet, so what is kept by position
   * does not grow with every instance ever registered.
   */
  private renumber(): void {
    let order = 0;
    for (const record of this.records.values()) {
      record.registrationOrder = order;
      order += 1;
    }
    this.nextOrder = order;
    this.listener?.renumbered();
  }

  /** Applies a validated patch to an instance. */
  update(record: InstanceRecord, patch: NormalizedPatch): void {
    record.apply(patch);
    this.listener?.updated(record);
  }

  /** Starts a task on an instance that has room for it. */
  startTask(record: InstanceRecord, task: TaskRequirements, group: string): TaskRecord {
    // Every task of a request shares its resources and ports, which
    // validation froze, so no caller can change one task's books.
    // Restoring moved the numbering past every restored task-N it could give, so the id is new.
    const number = this.taskNumber;
    this.taskNumber += 1;
    const info = new TaskRecord(`task-${number}`, record, group, task.family, task.revision, task.resources, task.ports);
    // The table keys the id by its number, which is known here; past 2^53 an id is not read as one.
    this.taskRecords.add(info, Number.isSafeInteger(number) ? number : 0);
    record.addTask(info);
    this.journal?.push(info);
    this.listener?.taskStarted(info, record);
    return info;
  }

  /** Makes room for a snapshot's `count` tasks before they are restored one by one. */
  expectTasks(count: number): void {
    this.taskRecords.reserve(this.taskRecords.size + count);
  }

  /**
   * Puts back a task of a snapshot on its instance, as it was: validation
   * has checked that the instance exists and has room and ports for it. New
   * tasks are numbered after the highest `task-N` restored.
   */
  restoreTask(info: TaskInfo): void {
    const record = this.records.get(info.instanceId) as InstanceRecord;
    const task = new TaskRecord(info.taskId, record, info.group, info.family, info.revision, info.resources, info.ports);
    const numbered = numberOfTaskId(task.taskId);
    this.taskRecords.add(task, numbered);
    record.addTask(task);
    // Numbers past 2^53 round, and are never given: such an id cannot come again, and must not stall the numbering.
    if (Number.isSafeInteger(numbered + 1)) this.taskNumber = Math.max(this.taskNumber, numbered + 1);
    this.listener?.taskStarted(task, record);
  }

  /** Stops a running task, given by its record from {@link ClusterState.task}. */
  stopTask(info: TaskRecord): TaskRecord {
    this.taskRecords.delete(info);
    const record = info.instance as InstanceRecord;
    if (this.dryRunGroups !== undefined && !this.dryRunGroups.has(record)) this.dryRunGroups.set(record, new Map(record.taskGroups));
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
    const taskNumber = this.taskNumber;
    const journal: TaskRecord[] = [];
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
        for (const info of journal.reverse()) this.stopTask(info);
        this.random = random;
        this.taskNumber = taskNumber;
      }
    }
  }

  /**
   * Runs `work`, which may stop tasks as well as start them, as a dry run:
   * the tasks it started stop, those it stopped run again as they were (in
   * placement order, in their instance's order and in its groups' order), and
   * the generator and the task numbering are restored, so nothing shows that
   * it ran, even if it throws. Plans that stop tasks to make room for others
   * use this; it costs a pass over every task.
   */
  dryRun<T>(work: () => T): T {
    const before = [...this.taskRecords.values()];
    const outer = this.dryRunGroups;
    const groups = new Map<InstanceRecord, ReadonlyMap<string, number>>();
    this.dryRunGroups = groups;
    try {
      return this.tentatively(work, () => false);
    } finally {
      this.dryRunGroups = outer;
      this.putBack(before, groups);
    }
  }

  /** Restarts the tasks of `before` that a dry run stopped, each where it was. */
  private putBack(before: readonly TaskRecord[], groups: ReadonlyMap<InstanceRecord, ReadonlyMap<string, number>>): void {
    const touched = new Map<InstanceRecord, TaskRecord[]>();
    for (const task of before) {
      if (this.taskRecords.has(task.taskId)) continue;
      const record = task.instance as InstanceRecord;
      record.addTask(task);
      this.listener?.taskStarted(task, record);
      touched.set(record, []);
    }
    if (touched.size === 0) return;
    this.taskRecords.clear();
    for (const task of before) {
      this.taskRecords.add(task);
      touched.get(task.instance as InstanceRecord)?.push(task);
    }
    // A task put back is linked last on its instance: relink the instance's tasks in placement order, which changes no amount, and its groups in their order.
    for (const [record, tasks] of touched) {
      for (const task of tasks) record.removeTask(task);
      for (const task of tasks) record.addTask(task);
      const order = groups.get(record);
      if (order !== undefined) record.taskGroups = inOrderOf(record.taskGroups, order);
    }
  }
}

/** The counts of `groups`, with the keys `order` has first, in its order. */
function inOrderOf(groups: ReadonlyMap<string, number>, order: ReadonlyMap<string, number>): Map<string, number> {
  const ordered = new Map<string, number>();
  for (const group of order.keys()) {
    const count = groups.get(group);
    if (count !== undefined) ordered.set(group, count);
  }
  for (const [group, count] of groups) if (!ordered.has(group)) ordered.set(group, count);
  return ordered;
}
