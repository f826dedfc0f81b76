/**
 * The fleet as the indexed engine reads it: one slot per registered
 * instance, and typed columns of what placement checks most.
 *
 * @module
 */
import { takesTasks } from '../model/takesTasks';
import type { InstanceRecord } from '../state/InstanceRecord';
import { AttributeClasses } from './AttributeClasses';
import { FACT_CLASS_BIT, FACT_COLUMNS, FACT_ELIGIBLE, type SlotFacts } from './OrderedTree';

/**
 * MiB of memory per CPU unit of the ratio columns. A task that needs c CPU
 * units and m MiB fits an instance only if min(ratio x cpu left, memory
 * left) >= min(ratio x c, m) for every ratio, and for the ratio m / c that
 * test is exact; so the best of a subtree in such a column rules out
 * subtrees where one instance has the CPU and another the memory, which
 * the two resource columns alone cannot. Tasks of ECS services ask for 1
 * to 8 MiB per unit.
 */
export const RATIOS: readonly number[] = [1, 2, 4, 8];

/**
 * Every registered instance by slot: its record, its remaining resources in
 * one column per resource name (after one column per ratio of memory to
 * CPU), whether it can take tasks at all, and its class of attributes; the
 * facts a search reads side by side, a slot's in a cache line or two.
 *
 * @remarks
 * A slot is an array index, reused after a deregistration, so that every
 * per-instance array stays as long as the fleet is large; registration order
 * maps to slots through one more array. Columns mirror the records exactly:
 * {@link Fleet.refresh} rewrites a slot's facts from its record after every
 * change, so a check on a column is the check on the record.
 */
export class Fleet implements SlotFacts {
  readonly classes = new AttributeClasses();
  /**
   * By slot then fact: eligible, class bit, then the columns: min(ratio x
   * CPU, memory) for each of {@link RATIOS}, then the remaining amount of
   * each resource.
   */
  facts = new Float64Array(0);
  /** Facts per slot. */
  stride = FACT_COLUMNS + RATIOS.length;
  /** Class id by slot. */
  classIds = new Int32Array(0);
  /** The record in each slot; undefined for a free slot. */
  records: (InstanceRecord | undefined)[] = [];
  /** The attributes each slot's facts were last read from: a changed map means a changed class. */
  private attributeMaps: (ReadonlyMap<string, string | null> | undefined)[] = [];
  private readonly columnOf = new Map<string, number>();
  /** The resource of each column, undefined for the ratio columns. */
  private readonly columnNames: (string | undefined)[] = RATIOS.map(() => undefined);
  private slotByOrder = new Int32Array(0).fill(-1);
  private readonly freeSlots: number[] = [];
  private capacity = 0;
  private used = 0;
  /**
   * Grows whenever an instance is added, removed or reread whole (its
   * status, agent or attributes may have changed), but not when a task
   * starts or stops: what is derived from who can take tasks is current
   * while it stays the same.
   */
  shapeVersion = 0;
  /** Called when a resource column is added, so that bounds can cover it. */
  onColumnAdded: (() => void) | undefined;

  /** How many instances are registered. */
  get size(): number {
    return this.used - this.freeSlots.length;
  }

  /** How many slots the per-slot arrays hold now. */
  get slotCapacity(): number {
    return this.capacity;
  }

  /** One past the highest slot ever used: every slot below is free or taken. */
  get slotSpan(): number {
    return this.used;
  }

  /** The column of a resource, or -1 when no instance has registered it. */
  column(name: string): number {
    return this.columnOf.get(name) ?? -1;
  }

  /** The slot of the instance with this registration order, or -1. */
  slotOfOrder(order: number): number {
    return order < this.slotByOrder.length ? (this.slotByOrder[order] as number) : -1;
  }

  /** The attributes a slot's facts were last read from. */
  attributesOf(slot: number): ReadonlyMap<string, string | null> | undefined {
    return this.attributeMaps[slot];
  }

  /** Gives a new instance a slot and reads its facts. */
  add(record: InstanceRecord): number {
    const slot = this.freeSlots.pop() ?? this.used++;
    if (slot >= this.capacity) this.grow(slot + 1);
    for (const name of Object.keys(record.registeredResources)) if (!this.columnOf.has(name)) this.addColumn(name);
    this.records[slot] = record;
    this.placeOrder(record.registrationOrder, slot);
    this.refresh(slot);
    return slot;
  }

  /** Frees the slot of a deregistered instance. */
  remove(slot: number): void {
    const record = this.records[slot] as InstanceRecord;
    this.slotByOrder[record.registrationOrder] = -1;
    this.records[slot] = undefined;
    this.attributeMaps[slot] = undefined;
    this.facts[slot * this.stride + FACT_ELIGIBLE] = 0;
    this.freeSlots.push(slot);
    this.shapeVersion += 1;
  }

  /** Rereads a slot's facts from its record. */
  refresh(slot: number): void {
    const record = this.records[slot] as InstanceRecord;
    const remaining = record.remainingResources;
    const base = slot * this.stride;
    for (let column = RATIOS.length; column < this.columnNames.length; column += 1) {
      this.facts[base + FACT_COLUMNS + column] = remaining[this.columnNames[column] as string] ?? 0;
    }
    this.readRatios(slot, remaining);
    this.facts[base + FACT_ELIGIBLE] = takesTasks(record) ? 1 : 0;
    this.shapeVersion += 1;
    if (this.attributeMaps[slot] === record.attributes) return;
    this.attributeMaps[slot] = record.attributes;
    const classId = this.classes.classOf(record);
    this.classIds[slot] = classId;
    this.facts[base + FACT_CLASS_BIT] = this.classes.bitOf(classId);
  }

  /**
   * Rereads only the resources a task reserves, after it started or stopped:
   * nothing else of the instance's facts changed.
   *
   * @param slot - the instance's slot
   * @param resources - the task's resources
   */
  resourcesChanged(slot: number, resources: Readonly<Record<string, number>>): void {
    const remaining = (this.records[slot] as InstanceRecord).remainingResources;
    const names = Object.keys(resources);
    for (let index = 0; index < names.length; index += 1) {
      const name = names[index] as string;
      const column = this.columnOf.get(name);
      if (column !== undefined) this.facts[slot * this.stride + FACT_COLUMNS + column] = remaining[name] ?? 0;
    }
    this.readRatios(slot, remaining);
  }

  /** Maps every registration order to its slot again, after the cluster renumbered them. */
  renumbered(): void {
    this.slotByOrder.fill(-1);
    for (let slot = 0; slot < this.used; slot += 1) {
      const record = this.records[slot];
      if (record !== undefined) this.placeOrder(record.registrationOrder, slot);
    }
  }

  private readRatios(slot: number, remaining: Readonly<Record<string, number>>): void {
    const cpu = remaining['cpu'] ?? 0;
    const memory = remaining['memory'] ?? 0;
    const base = slot * this.stride + FACT_COLUMNS;
    for (let index = 0; index < RATIOS.length; index += 1) this.facts[base + index] = Math.min((RATIOS[index] as number) * cpu, memory);
  }

  private placeOrder(order: number, slot: number): void {
    if (order >= this.slotByOrder.length) {
      const grown = new Int32Array(Math.max(order + 1, this.slotByOrder.length * 2, 64)).fill(-1);
      grown.set(this.slotByOrder);
      this.slotByOrder = grown;
    }
    this.slotByOrder[order] = slot;
  }

  /** Widens every slot's facts by one column, in a new array: a new resource name is rare, and searches read the facts through this object. */
  private addColumn(name: string): void {
    const column = this.columnNames.length;
    const stride = this.stride + 1;
    const facts = new Float64Array(this.capacity * stride);
    for (let slot = 0; slot < this.capacity; slot += 1) {
      facts.set(this.facts.subarray(slot * this.stride, (slot + 1) * this.stride), slot * stride);
      facts[slot * stride + FACT_COLUMNS + column] = this.records[slot]?.remainingResources[name] ?? 0;
    }
    this.facts = facts;
    this.stride = stride;
    this.columnOf.set(name, column);
    this.columnNames.push(name);
    this.onColumnAdded?.();
  }

  private grow(minimum: number): void {
    const capacity = Math.max(minimum, this.capacity * 2, 64);
    const facts = new Float64Array(capacity * this.stride);
    facts.set(this.facts);
    this.facts = facts;
    const classIds = new Int32Array(capacity);
    classIds.set(this.classIds);
    this.classIds = classIds;
    this.capacity = capacity;
  }
}
