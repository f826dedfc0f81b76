/**
 * The tasks of each group, counted where spread and distinctInstance look:
 * per instance and per bucket of an attribute; and, once a request selects
 * some of a group's tasks, the selection's tasks counted as if they were a
 * group of their own, under its counting key.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { tasksCounted } from '../model/TaskSelector';
import type { TaskRecord } from '../state/TaskRecord';
import { bucketOf } from '../strategies/spread';

/** One group's tasks (or one selection's): how many, on which instances, in which buckets. */
export class GroupTally {
  /** Running tasks of the group. */
  tasks = 0;
  /** How many instances run exactly this many of the group's tasks, by count; each instance's own count is its `taskGroups`. */
  readonly ladder = new Map<number, number>();
  /** Tasks of the group by bucket, for each attribute spread on. */
  readonly inBucket = new Map<string, Map<string | undefined, number>>();

  /** @param name - the group, or a selection's counting key */
  constructor(readonly name: string) {}

  /** The group's tasks in a bucket of an attribute that is tracked. */
  bucketCount(attribute: string, bucket: string | undefined): number {
    return this.inBucket.get(attribute)?.get(bucket) ?? 0;
  }

  /** The ladder's counts sorted, until a count appears or disappears. */
  private sorted: number[] | undefined;

  /** The counts per instance present, lowest first. */
  counts(): readonly number[] {
    this.sorted ??= [...this.ladder.keys()].sort((a, b) => a - b);
    return this.sorted;
  }

  /** Moves an instance on the ladder from `before` of the group's tasks to `after`. */
  moveOnInstance(before: number, after: number): void {
    const size = this.ladder.size;
    if (before > 0 && step(this.ladder, before, -1) === 0) this.sorted = undefined;
    if (after > 0) step(this.ladder, after, 1);
    if (this.ladder.size !== size) this.sorted = undefined;
    this.tasks += after - before;
  }
}

/**
 * Every group with running tasks. A group is forgotten with its last task,
 * so short-lived groups leave nothing behind.
 *
 * @remarks
 * Bucket counts are kept only for the attributes some request has spread
 * on; the first such request counts the group's tasks once, and every task
 * started or stopped after that adds or removes one. Selections likewise are
 * counted only from the first request that reads one: most fleets never
 * select, and would pay for every selection of every task otherwise.
 */
export class GroupTasks {
  private readonly groups = new Map<string, GroupTally>();
  private readonly tracked: string[] = [];
  /** The counting keys of the selections counted, by their group. */
  private readonly selections = new Map<string, string[]>();

  /** The tally of a group, if it runs any task. */
  get(group: string): GroupTally | undefined {
    return this.groups.get(group);
  }

  /**
   * Starts counting an attribute's buckets for every group.
   *
   * @param attribute - the attribute spread on
   * @param instances - every instance
   */
  track(attribute: string, instances: Iterable<InstanceState>): void {
    if (this.tracked.includes(attribute)) return;
    this.tracked.push(attribute);
    for (const tally of this.groups.values()) tally.inBucket.set(attribute, new Map());
    for (const instance of instances) {
      if (instance.taskGroups.size === 0) continue;
      const bucket = bucketOf(instance, attribute);
      for (const [group, count] of this.countsOn(instance)) step((this.groups.get(group) as GroupTally).inBucket.get(attribute) as Map<string | undefined, number>, bucket, count);
    }
  }

  /** An instance's counts of every group and of every selection counted. */
  private countsOn(instance: InstanceState): Iterable<[string, number]> {
    if (this.selections.size === 0) return instance.taskGroups;
    const counts: [string, number][] = [];
    for (const [group, count] of instance.taskGroups) {
      counts.push([group, count]);
      for (const key of this.selections.get(group) ?? []) {
        const selected = tasksCounted(instance, key);
        if (selected > 0) counts.push([key, selected]);
      }
    }
    return counts;
  }

  /**
   * Starts counting a selection of a group's tasks, under its counting key.
   *
   * @param key - the selection's counting key
   * @param group - its group
   * @param instances - every instance
   */
  trackSelection(key: string, group: string, instances: Iterable<InstanceState>): void {
    let keys = this.selections.get(group);
    if (keys?.includes(key) === true) return;
    if (keys === undefined) this.selections.set(group, (keys = []));
    keys.push(key);
    for (const instance of instances) if (instance.taskGroups.has(group)) this.countChanged(key, instance, 0);
  }

  /**
   * A task started (`delta` 1) or stopped (-1) on an instance whose records
   * already count the change: its group's counts move, and those of the
   * selections counted that it belongs to.
   */
  taskChanged(task: TaskRecord, instance: InstanceState, delta: 1 | -1): void {
    const after = instance.taskGroups.get(task.group) ?? 0;
    this.countChanged(task.group, instance, after - delta, after);
    if (this.selections.size === 0) return;
    const keys = this.selections.get(task.group);
    if (keys === undefined) return;
    const own = task.selectionKeys;
    for (const key of keys) {
      if (!own.includes(key)) continue;
      const selected = tasksCounted(instance, key);
      this.countChanged(key, instance, selected - delta, selected);
    }
  }

  /**
   * The instance's count of a group's (or a selection's) tasks went from
   * `before` to what its records now hold (`after`, when known).
   */
  countChanged(group: string, instance: InstanceState, before: number, after = tasksCounted(instance, group)): void {
    let tally = this.groups.get(group);
    if (tally === undefined) {
      tally = new GroupTally(group);
      for (const attribute of this.tracked) tally.inBucket.set(attribute, new Map());
      this.groups.set(group, tally);
    }
    tally.moveOnInstance(before, after);
    for (let index = 0; index < this.tracked.length; index += 1) {
      const attribute = this.tracked[index] as string;
      step(tally.inBucket.get(attribute) as Map<string | undefined, number>, bucketOf(instance, attribute), after - before);
    }
    if (tally.tasks === 0) this.groups.delete(group);
  }

  /**
   * Moves an instance's tasks between buckets after its attributes changed.
   *
   * @param before - its attributes before the change
   * @param instance - the instance, changed
   */
  attributesChanged(before: ReadonlyMap<string, string | null>, instance: InstanceState): void {
    for (const attribute of this.tracked) {
      const from = bucketOf({ attributes: before }, attribute);
      const to = bucketOf(instance, attribute);
      if (from === to) continue;
      for (const [group, count] of this.countsOn(instance)) {
        const buckets = this.groups.get(group)?.inBucket.get(attribute);
        if (buckets === undefined) continue;
        step(buckets, from, -count);
        step(buckets, to, count);
      }
    }
  }
}

/** Adds `delta` to a count, deleting it at zero so that nothing empty is kept; returns the count. */
function step<K>(counts: Map<K, number>, key: K, delta: number): number {
  const after = (counts.get(key) ?? 0) + delta;
  if (after === 0) counts.delete(key);
  else counts.set(key, after);
  return after;
}
