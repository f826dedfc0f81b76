/**
 * The fleet in one order: split by the values of some attributes, each part
 * ordered by some instance-keyed strategies, then by registration.
 *
 * @module
 */
import type { InstanceStrategy } from '../model/Strategy';
import { bucketOf } from '../strategies/spread';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { Fleet } from './Fleet';
import { OrderedTree } from './OrderedTree';

/** A marked instance's resources changed (a task started or stopped). */
const RESOURCES = 1;
/** A marked instance's attributes, status or agent may have changed too, or it is new. */
const ATTRIBUTES = 2;

/** The instances that share their values of a view's attributes, in the view's order. */
export interface Partition {
  /** The values of the view's attributes, in order; `undefined` for an instance without a value. */
  readonly buckets: readonly (string | undefined)[];
  readonly tree: OrderedTree;
  /** How many of its instances each class of attributes has; classes with none are absent. */
  readonly classes: Map<number, number>;
  /** Grows whenever a class joins the part, so that what was decided about its classes can tell it is out of date. */
  classesJoined: number;
}

/**
 * One order of the whole fleet, shared by every request whose chain ranks
 * by the same strategies after spreading over the same attributes.
 *
 * @remarks
 * Instances of one partition tie on every spread over the view's
 * attributes, so within a partition the instance-keyed strategies of the
 * chain and registration order decide, which is the tree's order. A view is
 * built once (O(n log n)) and kept current lazily: a changed instance is
 * marked, and marked instances are refreshed (one tree update each) just
 * before the view is used. A view far behind is rebuilt instead.
 *
 * A key that is not a number (or NaN) keeps its instance out of the trees
 * and is remembered, and a key function that throws leaves the view
 * failed: either way the engine places that request with the reference
 * code, which reports the fault exactly as it would.
 */
export class FleetView {
  readonly partitions: Partition[] = [];
  /** Instances whose key is not a number; while any is, the view cannot rank. */
  readonly badKeys = new Set<number>();
  /** What a key function threw, if one did; cleared by a rebuild. */
  failure: { readonly error: unknown } | undefined;
  /** Set when the engine stops keeping the view current: requests prepared with it must find another. */
  retired = false;
  private readonly byBuckets = new Map<string, number>();
  private partitionOfSlot = new Int32Array(0);
  private dirty: number[] = [];
  /** The class each instance is counted under in its part, -1 for none. */
  private countedClass = new Int32Array(0);
  /** What changed about each marked instance: {@link RESOURCES}, {@link ATTRIBUTES} or both; 0 when not marked. */
  private isDirty = new Uint8Array(0);
  private built = false;
  private readonly keys: Float64Array;

  /**
   * @param attributes - the attributes whose values split the fleet
   * @param strategies - the instance-keyed strategies that order each part
   * @param fleet - the fleet
   */
  constructor(readonly attributes: readonly string[], readonly strategies: readonly InstanceStrategy[], private readonly fleet: Fleet) {
    this.keys = new Float64Array(strategies.length);
  }

  /**
   * An instance's key at a level, as the view last read it: its tree keeps
   * it with its entry, so reading it costs no search. NaN for an instance
   * the view holds in no part.
   */
  keyOf(slot: number, level: number): number {
    const partition = this.partitionOf(slot);
    return partition < 0 ? Number.NaN : (this.partitions[partition] as Partition).tree.keyOf(slot, level);
  }

  /** The partition an instance is in, or -1. */
  partitionOf(slot: number): number {
    return slot < this.partitionOfSlot.length ? (this.partitionOfSlot[slot] as number) : -1;
  }

  /**
   * Notes that an instance changed; it is refreshed before the view is next used.
   *
   * @param slot - the instance's slot
   * @param attributes - whether its attributes may have changed (a new instance, an update), not only its resources
   */
  mark(slot: number, attributes: boolean): void {
    if (!this.built) return;
    if (slot >= this.isDirty.length) this.grow(slot + 1);
    const was = this.isDirty[slot] as number;
    this.isDirty[slot] = was | (attributes ? ATTRIBUTES : RESOURCES);
    if (was === 0) this.dirty.push(slot);
  }

  /** Takes a deregistered instance out at once, since its slot may be given to another. */
  forget(slot: number): void {
    if (!this.built) return;
    const partition = this.partitionOf(slot);
    if (partition >= 0) {
      (this.partitions[partition] as Partition).tree.remove(slot);
      this.uncount(slot, partition);
    }
    if (slot < this.partitionOfSlot.length) this.partitionOfSlot[slot] = -1;
    this.badKeys.delete(slot);
  }

  /**
   * Brings the view up to date.
   *
   * @param now - the change time to stamp on refreshed instances
   */
  refresh(now: number): void {
    // A failed key function is tried again on every use: the state it failed on may have changed.
    if (!this.built || this.failure !== undefined || this.dirty.length > this.fleet.size / 2 + 64) {
      this.rebuild(now);
      return;
    }
    const dirty = this.dirty;
    this.dirty = [];
    for (const slot of dirty) {
      const changed = this.isDirty[slot] as number;
      this.isDirty[slot] = 0;
      if (this.fleet.records[slot] !== undefined) this.update(slot, (changed & ATTRIBUTES) !== 0, now);
    }
  }

  /** Bounds must cover a resource column added to the fleet. */
  columnsChanged(): void {
    for (const { tree } of this.partitions) tree.columnsChanged();
  }

  /** Writes every registration order again, after the cluster renumbered them. */
  renumbered(): void {
    if (!this.built) return;
    const orderOf = (slot: number): number => (this.fleet.records[slot] as InstanceRecord).registrationOrder;
    for (const { tree } of this.partitions) tree.renumber(orderOf);
  }

  private update(slot: number, attributesChanged: boolean, now: number): void {
    const record = this.fleet.records[slot] as InstanceRecord;
    const was = this.partitionOf(slot);
    // Only new attributes can move an instance to another part or class; a task started or stopped leaves both.
    const index = was >= 0 && !attributesChanged ? was : this.partitionIndex(record);
    if (!this.readKeys(slot, record)) {
      if (was >= 0) {
        (this.partitions[was] as Partition).tree.remove(slot);
        this.uncount(slot, was);
      }
      this.partitionOfSlot[slot] = -1;
      return;
    }
    const tree = (this.partitions[index] as Partition).tree;
    if (was === index) {
      if (this.sameKeys(tree, slot)) tree.touch(slot, now);
      else tree.move(slot, this.keys, now);
      if (attributesChanged) {
        this.uncount(slot, index);
        this.count(slot, index);
      }
      return;
    }
    if (was >= 0) {
      (this.partitions[was] as Partition).tree.remove(slot);
      this.uncount(slot, was);
    }
    tree.insert(slot, this.keys, record.registrationOrder, now);
    this.partitionOfSlot[slot] = index;
    this.count(slot, index);
  }

  private count(slot: number, partition: number): void {
    const classId = this.fleet.classIds[slot] as number;
    const part = this.partitions[partition] as Partition;
    const before = part.classes.get(classId);
    if (before === undefined) part.classesJoined += 1;
    part.classes.set(classId, (before ?? 0) + 1);
    this.countedClass[slot] = classId;
  }

  private uncount(slot: number, partition: number): void {
    const classId = this.countedClass[slot] as number;
    if (classId < 0) return;
    const classes = (this.partitions[partition] as Partition).classes;
    const left = (classes.get(classId) ?? 0) - 1;
    if (left > 0) classes.set(classId, left);
    else classes.delete(classId);
    this.countedClass[slot] = -1;
  }

  private rebuild(now: number): void {
    this.built = true;
    this.failure = undefined;
    this.badKeys.clear();
    // As large as the fleet's own arrays: registrations then grow the view only when they grow the fleet.
    this.grow(Math.max(this.fleet.slotSpan, this.fleet.slotCapacity));
    this.dirty = [];
    this.isDirty.fill(0);
    this.partitionOfSlot.fill(-1);
    this.countedClass.fill(-1);
    for (const { classes } of this.partitions) classes.clear();
    const members: number[][] = this.partitions.map(() => []);
    // The keys as read, by level then slot, until the trees hold them.
    const read = this.strategies.map(() => new Float64Array(this.fleet.slotSpan));
    for (let slot = 0; slot < this.fleet.slotSpan; slot += 1) {
      const record = this.fleet.records[slot];
      if (record === undefined) continue;
      const index = this.partitionIndex(record);
      if (!this.readKeys(slot, record)) continue;
      for (let level = 0; level < this.keys.length; level += 1) (read[level] as Float64Array)[slot] = this.keys[level] as number;
      (members[index] ??= []).push(slot);
      this.partitionOfSlot[slot] = index;
      this.count(slot, index);
    }
    const keyOf = (slot: number, level: number): number => (read[level] as Float64Array)[slot] as number;
    const orderOf = (slot: number): number => (this.fleet.records[slot] as InstanceRecord).registrationOrder;
    this.partitions.forEach(({ tree }, index) => tree.build(members[index] ?? [], keyOf, orderOf, now));
  }

  /** Reads an instance's keys into `keys`; false when one is not a number or a key function threw. */
  private readKeys(slot: number, record: InstanceRecord): boolean {
    if (this.failure !== undefined) return false;
    for (let level = 0; level < this.strategies.length; level += 1) {
      let key: unknown;
      try {
        key = (this.strategies[level] as InstanceStrategy).key(record);
      } catch (error) {
        this.failure = { error };
        return false;
      }
      if (typeof key !== 'number' || Number.isNaN(key)) {
        this.badKeys.add(slot);
        return false;
      }
      this.keys[level] = key;
    }
    this.badKeys.delete(slot);
    return true;
  }

  private sameKeys(tree: OrderedTree, slot: number): boolean {
    for (let level = 0; level < this.keys.length; level += 1) if (tree.keyOf(slot, level) !== this.keys[level]) return false;
    return true;
  }

  /** The index of an instance's partition, made on first need. */
  private partitionIndex(record: InstanceRecord): number {
    if (this.attributes.length === 0 && this.partitions.length === 1) return 0;
    const buckets = this.attributes.map((attribute) => bucketOf(record, attribute));
    const key = buckets.map((bucket) => (bucket === undefined ? '\u0001' : `\u0002${bucket}`)).join('\u0000');
    let index = this.byBuckets.get(key);
    if (index === undefined) {
      index = this.partitions.length;
      this.partitions.push({ buckets, tree: new OrderedTree(this.strategies.length, this.fleet), classes: new Map(), classesJoined: 0 });
      this.byBuckets.set(key, index);
    }
    return index;
  }

  private grow(minimum: number): void {
    if (minimum <= this.isDirty.length) return;
    const size = Math.max(minimum, this.isDirty.length * 2, 64);
    const isDirty = new Uint8Array(size);
    isDirty.set(this.isDirty);
    this.isDirty = isDirty;
    const partitionOfSlot = new Int32Array(size).fill(-1);
    partitionOfSlot.set(this.partitionOfSlot);
    this.partitionOfSlot = partitionOfSlot;
    const countedClass = new Int32Array(size).fill(-1);
    countedClass.set(this.countedClass);
    this.countedClass = countedClass;
  }
}
