/**
 * The fleet as the indexed engine reads it: one slot per registered
 * instance, and typed columns of what placement checks most.
 *
 * @module
 */
import type { InstanceRecord } from '../state/InstanceRecord';
import { AttributeClasses } from './AttributeClasses';
import type { SlotFacts } from './OrderedTree';

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
 * CPU), whether it can take tasks at all, and its class of attributes.
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
  /** By column then slot: min(ratio x CPU, memory) for each of {@link RATIOS}, then the remaining amount of each resource. */
  columns: Float64Array[] = RATIOS.map(() => new Float64Array(0));
  eligible = new Uint8Array(0);
  classBits = new Int32Array(0);
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
  /** Called when a resource column is added, so that bounds can cover it. */
  onColumnAdded: (() => void) | undefined;

  /** How many instances are registered. */
  get size(): number {
    return this.used - this.freeSlots.length;
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
    this.eligible[slot] = 0;
    this.freeSlots.push(slot);
  }

  /** Rereads a slot's facts from its record. */
  refresh(slot: number): void {
    const record = this.records[slot] as InstanceRecord;
    const remaining = record.remainingResources;
    for (let column = RATIOS.length; column < this.columns.length; column += 1) {
      (this.columns[column] as Float64Array)[slot] = remaining[this.columnNames[column] as string] ?? 0;
    }
    this.readRatios(slot, remaining);
    this.eligible[slot] = record.status === 'ACTIVE' && record.agentConnected ? 1 : 0;
    if (this.attributeMaps[slot] === record.attributes) return;
    this.attributeMaps[slot] = record.attributes;
    const classId = this.classes.classOf(record);
    this.classIds[slot] = classId;
    this.classBits[slot] = this.classes.bitOf(classId);
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
      if (column !== undefined) (this.columns[column] as Float64Array)[slot] = remaining[name] ?? 0;
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
    for (let index = 0; index < RATIOS.length; index += 1) (this.columns[index] as Float64Array)[slot] = Math.min((RATIOS[index] as number) * cpu, memory);
  }

  private placeOrder(order: number, slot: number): void {
    if (order >= this.slotByOrder.length) {
      const grown = new Int32Array(Math.max(order + 1, this.slotByOrder.length * 2, 64)).fill(-1);
      grown.set(this.slotByOrder);
      this.slotByOrder = grown;
    }
    this.slotByOrder[order] = slot;
  }

  private addColumn(name: string): void {
    const values = new Float64Array(this.capacity);
    for (let slot = 0; slot < this.used; slot += 1) values[slot] = this.records[slot]?.remainingResources[name] ?? 0;
    this.columnOf.set(name, this.columns.length);
    this.columnNames.push(name);
    this.columns.push(values);
    this.onColumnAdded?.();
  }

  private grow(minimum: number): void {
    const capacity = Math.max(minimum, this.capacity * 2, 64);
    this.columns = this.columns.map((column) => {
      const grown = new Float64Array(capacity);
      grown.set(column);
      return grown;
    });
    const eligible = new Uint8Array(capacity);
    eligible.set(this.eligible);
    this.eligible = eligible;
    const classBits = new Int32Array(capacity);
    classBits.set(this.classBits);
    this.classBits = classBits;
    const classIds = new Int32Array(capacity);
    classIds.set(this.classIds);
    this.classIds = classIds;
    this.capacity = capacity;
  }
}
