/**
 * The index of one request shape: every instance's standing for that shape,
 * kept in ranked trees, one per combination of spread-attribute values.
 *
 * @module
 */
import type { InstanceRecord } from '../state/InstanceRecord';
import { checkInstance, type CheckPlan } from '../placement/checkInstance';
import { bucketOf } from '../strategies/spread';
import type { BucketCounts } from './BucketCounts';
import type { ChainLevels } from './chainLevels';
import { RankedTree } from './RankedTree';

/** One tree of instances that share their values of every spread attribute. */
interface Partition {
  /** Its place in `partitionList`. */
  readonly index: number;
  readonly buckets: readonly (string | undefined)[];
  readonly tree: RankedTree;
}

/**
 * Every instance's feasibility and local keys for one request shape (the
 * group, the task, the constraints and the chain). A leaf depends only on
 * its own instance's state, so a change to an instance refreshes one leaf in
 * logarithmic time; instances changed since the last use are refreshed just
 * before the next one.
 */
export class ShapeIndex {
  private readonly partitions = new Map<string, Partition>();
  private readonly partitionList: Partition[] = [];
  /**
   * Where each instance's leaf is, by registration order: its partition's
   * index (-1 for none) and its position there. Typed arrays rather than a
   * map of objects: a million instances cost 8 MB and no garbage.
   */
  private partitionOf = new Int32Array(0).fill(-1);
  private positionOf = new Int32Array(0);
  /** Instances changed since the last refresh; one may appear more than once, which costs a repeated refresh, not a wrong one. */
  private readonly stale: InstanceRecord[] = [];
  private readonly keys: Float64Array;

  /**
   * @param plan - the checks of the shape
   * @param chain - its strategy chain
   * @param instances - every instance, in registration order
   */
  constructor(readonly plan: CheckPlan, readonly chain: ChainLevels, instances: readonly InstanceRecord[]) {
    this.keys = new Float64Array(chain.localCount);
    for (const instance of instances) this.append(instance);
  }

  /** Changes waiting to be applied. */
  get staleCount(): number {
    return this.stale.length;
  }

  /** Adds an instance registered after all the others. */
  append(instance: InstanceRecord): void {
    const index = this.partitionFor(instance);
    const position = (this.partitionList[index] as Partition).tree.append(instance.registrationOrder, this.leafKeys(instance));
    const order = instance.registrationOrder;
    if (order >= this.partitionOf.length) this.grow(order + 1);
    this.partitionOf[order] = index;
    this.positionOf[order] = position;
  }

  /** Notes that an instance changed; its leaf is refreshed before the next use. */
  touch(instance: InstanceRecord): void {
    this.stale.push(instance);
  }

  /**
   * Brings every stale leaf up to date.
   *
   * @param isRegistered - whether an instance is still in the cluster
   * @returns false when an instance moved to another partition, which needs a rebuild
   */
  refresh(isRegistered: (instance: InstanceRecord) => boolean): boolean {
    for (const instance of this.stale) {
      const order = instance.registrationOrder;
      const partition = this.partitionList[this.partitionOf[order] ?? -1];
      if (partition === undefined) continue;
      const position = this.positionOf[order] as number;
      if (!isRegistered(instance)) {
        partition.tree.set(position, undefined);
        this.partitionOf[order] = -1;
        continue;
      }
      if (!this.staysIn(instance, partition)) return false;
      partition.tree.set(position, this.leafKeys(instance));
    }
    this.stale.length = 0;
    return true;
  }

  /**
   * Chooses the instance for the next task, exactly as the reference chain
   * would: the lowest keys level by level (bucket counts for spread by
   * attribute, the trees' keys for the rest), then the earliest registered;
   * or, when the chain ends with random, the tied candidate at position
   * floor(u x m) in registration order, drawing u only when m > 1.
   *
   * @returns the chosen instance's registration order, or undefined when no instance can take the task
   */
  choose(counts: BucketCounts, group: string, instances: readonly InstanceRecord[], random: () => number): number | undefined {
    const bucketCounts = this.chain.bucketAttributes.map((attribute) => counts.of(group, attribute, instances));
    let best: Partition | undefined;
    for (const partition of this.partitions.values()) {
      if (partition.tree.bestPosition() < 0) continue;
      if (best === undefined || this.compare(partition, best, bucketCounts) < 0) best = partition;
    }
    if (best === undefined) return undefined;
    const bestOrder = best.tree.orderAt(best.tree.bestPosition());
    if (!this.chain.endsWithRandom) return bestOrder;
    const tied: RankedTree[] = [];
    let total = 0;
    for (const partition of this.partitions.values()) {
      if (partition.tree.bestPosition() < 0 || this.compareKeys(partition, best, bucketCounts) !== 0) continue;
      tied.push(partition.tree);
      total += partition.tree.tiedCount();
    }
    if (total === 1) return bestOrder;
    return orderOfTied(tied, Math.floor(random() * total));
  }

  /** Orders two partitions' best leaves by the chain's keys, then by registration order. */
  private compare(a: Partition, b: Partition, bucketCounts: readonly BucketCountMap[]): number {
    return this.compareKeys(a, b, bucketCounts) || a.tree.orderAt(a.tree.bestPosition()) - b.tree.orderAt(b.tree.bestPosition());
  }

  private compareKeys(a: Partition, b: Partition, bucketCounts: readonly BucketCountMap[]): number {
    for (const level of this.chain.levels) {
      const difference = level.kind === 'local'
        ? a.tree.keyAt(a.tree.bestPosition(), level.index) - b.tree.keyAt(b.tree.bestPosition(), level.index)
        : bucketCount(bucketCounts, level.index, a) - bucketCount(bucketCounts, level.index, b);
      if (difference !== 0) return difference;
    }
    return 0;
  }

  private leafKeys(instance: InstanceRecord): Float64Array | undefined {
    if (checkInstance(instance, this.plan).rejection !== undefined) return undefined;
    for (const level of this.chain.levels) {
      if (level.kind === 'local') this.keys[level.index] = level.key(instance, this.plan.group);
    }
    return this.keys;
  }

  /** The index of the instance's partition in `partitionList`, made on first need. */
  private partitionFor(instance: InstanceRecord): number {
    if (this.chain.bucketAttributes.length === 0 && this.partitionList.length === 1) return 0;
    const buckets = this.chain.bucketAttributes.map((attribute) => bucketOf(instance, attribute));
    const key = JSON.stringify(buckets.map((bucket) => bucket ?? null));
    let partition = this.partitions.get(key);
    if (partition === undefined) {
      partition = { index: this.partitionList.length, buckets, tree: new RankedTree(this.chain.localCount) };
      this.partitions.set(key, partition);
      this.partitionList.push(partition);
    }
    return partition.index;
  }

  private grow(length: number): void {
    const size = Math.max(length, this.partitionOf.length * 2, 64);
    const partitionOf = new Int32Array(size).fill(-1);
    partitionOf.set(this.partitionOf);
    const positionOf = new Int32Array(size);
    positionOf.set(this.positionOf);
    this.partitionOf = partitionOf;
    this.positionOf = positionOf;
  }

  private staysIn(instance: InstanceRecord, partition: Partition): boolean {
    return this.chain.bucketAttributes.every((attribute, index) => bucketOf(instance, attribute) === partition.buckets[index]);
  }
}

type BucketCountMap = ReadonlyMap<string | undefined, number>;

function bucketCount(bucketCounts: readonly BucketCountMap[], index: number, partition: Partition): number {
  return (bucketCounts[index] as BucketCountMap).get(partition.buckets[index]) ?? 0;
}

/**
 * The registration order of the k-th tied leaf, in registration order, across
 * several trees: the smallest order x with more than k tied leaves at or
 * before x, found by bisection.
 */
function orderOfTied(trees: readonly RankedTree[], k: number): number {
  if (trees.length === 1) {
    const tree = trees[0] as RankedTree;
    return tree.orderAt(tree.tiedAt(k));
  }
  let low = 0;
  let high = Math.max(...trees.map((tree) => tree.orderAt(tree.length - 1)));
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    const upTo = trees.reduce((sum, tree) => sum + tree.tiedBefore(firstPositionAfter(tree, middle)), 0);
    if (upTo > k) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The first position whose registration order is above `order` (positions are in registration order). */
function firstPositionAfter(tree: RankedTree, order: number): number {
  let low = 0;
  let high = tree.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tree.orderAt(middle) <= order) low = middle + 1;
    else high = middle;
  }
  return low;
}
