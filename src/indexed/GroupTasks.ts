/**
 * The tasks of each group, counted where spread and distinctInstance look:
 * per instance and per bucket of an attribute.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { bucketOf } from '../strategies/spread';

/** One group's tasks: how many, on which instances, in which buckets. */
export class GroupTally {
  /** Running tasks of the group. */
  tasks = 0;
  /** Tasks of the group by the slot of their instance; instances without any are absent. */
  readonly onInstance = new Map<number, number>();
  /** How many instances run exactly this many of the group's tasks, by count. */
  readonly ladder = new Map<number, number>();
  /** Tasks of the group by bucket, for each attribute spread on. */
  readonly inBucket = new Map<string, Map<string | undefined, number>>();

  /** @param name - the group */
  constructor(readonly name: string) {}

  /** The group's tasks in a bucket of an attribute that is tracked. */
  bucketCount(attribute: string, bucket: string | undefined): number {
    return this.inBucket.get(attribute)?.get(bucket) ?? 0;
  }

  /** The counts per instance present, lowest first. */
  counts(): number[] {
    return [...this.ladder.keys()].sort((a, b) => a - b);
  }

  /** Adds `delta` tasks on the instance in `slot`, keeping the ladder. */
  moveOnInstance(slot: number, delta: number): void {
    const before = this.onInstance.get(slot) ?? 0;
    const after = before + delta;
    if (before > 0) step(this.ladder, before, -1);
    if (after > 0) {
      this.onInstance.set(slot, after);
      step(this.ladder, after, 1);
    } else {
      this.onInstance.delete(slot);
    }
    this.tasks += delta;
  }
}

/**
 * Every group with running tasks. A group is forgotten with its last task,
 * so short-lived groups leave nothing behind.
 *
 * @remarks
 * Bucket counts are kept only for the attributes some request has spread
 * on; the first such request counts the group's tasks once, and every task
 * started or stopped after that adds or removes one.
 */
export class GroupTasks {
  private readonly groups = new Map<string, GroupTally>();
  private readonly tracked: string[] = [];

  /** The tally of a group, if it runs any task. */
  get(group: string): GroupTally | undefined {
    return this.groups.get(group);
  }

  /** Whether an attribute's buckets are counted. */
  isTracked(attribute: string): boolean {
    return this.tracked.includes(attribute);
  }

  /**
   * Starts counting an attribute's buckets for every group.
   *
   * @param attribute - the attribute spread on
   * @param instanceOf - the instance in a slot
   */
  track(attribute: string, instanceOf: (slot: number) => InstanceState): void {
    if (this.isTracked(attribute)) return;
    this.tracked.push(attribute);
    for (const tally of this.groups.values()) {
      const buckets = new Map<string | undefined, number>();
      for (const [slot, count] of tally.onInstance) step(buckets, bucketOf(instanceOf(slot), attribute), count);
      tally.inBucket.set(attribute, buckets);
    }
  }

  /** A task of `group` started (+1) or stopped (-1) on the instance in `slot`. */
  taskChanged(group: string, slot: number, instance: InstanceState, delta: 1 | -1): void {
    let tally = this.groups.get(group);
    if (tally === undefined) {
      tally = new GroupTally(group);
      for (const attribute of this.tracked) tally.inBucket.set(attribute, new Map());
      this.groups.set(group, tally);
    }
    tally.moveOnInstance(slot, delta);
    for (const attribute of this.tracked) step(tally.inBucket.get(attribute) as Map<string | undefined, number>, bucketOf(instance, attribute), delta);
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
      for (const [group, count] of instance.taskGroups) {
        const buckets = this.groups.get(group)?.inBucket.get(attribute);
        if (buckets === undefined) continue;
        step(buckets, from, -count);
        step(buckets, to, count);
      }
    }
  }
}

/** Adds `delta` to a count, deleting it at zero so that nothing empty is kept. */
function step<K>(counts: Map<K, number>, key: K, delta: number): void {
  const after = (counts.get(key) ?? 0) + delta;
  if (after === 0) counts.delete(key);
  else counts.set(key, after);
}
