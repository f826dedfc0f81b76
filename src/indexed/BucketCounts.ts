/**
 * Tasks of a group per value of an attribute, over every instance: the key
 * of spread by attribute, kept current task by task.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { bucketOf } from '../strategies/spread';

/** Counts per (group, attribute, value), built on first use and updated on every change. */
export class BucketCounts {
  private readonly counts = new Map<string, Map<string, Map<string | undefined, number>>>();

  /**
   * The counts of a group by an attribute's values, counting from `instances`
   * the first time they are asked for.
   */
  of(group: string, attribute: string, instances: readonly InstanceState[]): ReadonlyMap<string | undefined, number> {
    let byAttribute = this.counts.get(group);
    if (byAttribute === undefined) this.counts.set(group, (byAttribute = new Map()));
    let byValue = byAttribute.get(attribute);
    if (byValue === undefined) {
      byValue = new Map();
      for (const instance of instances) add(byValue, bucketOf(instance, attribute), instance.taskGroups.get(group) ?? 0);
      byAttribute.set(attribute, byValue);
    }
    return byValue;
  }

  /** A task of `group` started (+1) or stopped (-1) on `instance`. */
  taskChanged(group: string, instance: InstanceState, delta: 1 | -1): void {
    for (const [attribute, byValue] of this.counts.get(group) ?? []) add(byValue, bucketOf(instance, attribute), delta);
  }

  /** Forgets every count; the next request counts afresh (after attributes changed). */
  clear(): void {
    this.counts.clear();
  }
}

function add(byValue: Map<string | undefined, number>, bucket: string | undefined, amount: number): void {
  if (amount !== 0) byValue.set(bucket, (byValue.get(bucket) ?? 0) + amount);
}
