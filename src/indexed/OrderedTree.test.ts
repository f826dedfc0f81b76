import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { FACT_CLASS_BIT, FACT_COLUMNS, FACT_ELIGIBLE, OrderedTree, type SlotFacts, type TreeQuery } from './OrderedTree';
import { runs } from '../../test/support/runs';

const SLOTS = 400;
const MAX_ENTRIES = 300;
const MAX_COLUMNS = 4;
/** Few values, so that many entries tie on their keys; the infinities check that nothing computes with keys. */
const KEY_VALUES = [-Infinity, -1, 0, 1, 2.5, Infinity];
const AMOUNTS = [-1, 0, 1, 2, 3, 5, Infinity];
const DEMANDS = [-Infinity, 0, 1, 2, 3, 4, Infinity];
const CLASS_BITS = [1, 2, 4, 1 << 31];
/** Small steps for one key, so that moved entries land near where they were: between their neighbours, elsewhere in their leaf, or a few leaves away. */
const NUDGES = [-1.5, -0.5, -0.25, 0.25, 0.5, 1.5];

/** Facts laid out as the fleet lays them out, which the test can change slot by slot or replace wholesale, as the engine does when the fleet grows. */
class TestFacts implements SlotFacts {
  private array: Float64Array;
  stride: number;
  /** How many times the tree has read the array: a search reads it once per leaf it searches or recomputes. */
  reads = 0;

  constructor(
    readonly slots: number,
    columns: readonly ArrayLike<number>[],
    eligible = 1,
    classBit = 1,
  ) {
    this.stride = FACT_COLUMNS + columns.length;
    this.array = new Float64Array(slots * this.stride);
    for (let slot = 0; slot < slots; slot += 1) {
      this.setEligible(slot, eligible);
      this.setClassBit(slot, classBit);
      columns.forEach((column, index) => this.setAmount(slot, index, column[slot] as number));
    }
  }

  get facts(): Float64Array {
    this.reads += 1;
    return this.array;
  }

  get columnCount(): number {
    return this.stride - FACT_COLUMNS;
  }

  isEligible(slot: number): boolean {
    return this.array[slot * this.stride + FACT_ELIGIBLE] === 1;
  }

  setEligible(slot: number, eligible: number): void {
    this.array[slot * this.stride + FACT_ELIGIBLE] = eligible;
  }

  classBit(slot: number): number {
    return (this.array[slot * this.stride + FACT_CLASS_BIT] as number) | 0;
  }

  setClassBit(slot: number, bit: number): void {
    this.array[slot * this.stride + FACT_CLASS_BIT] = bit;
  }

  amount(slot: number, column: number): number {
    return this.array[slot * this.stride + FACT_COLUMNS + column] as number;
  }

  setAmount(slot: number, column: number, amount: number): void {
    this.array[slot * this.stride + FACT_COLUMNS + column] = amount;
  }

  fillColumn(column: number, amount: number, from = 0, to = this.slots): void {
    for (let slot = from; slot < to; slot += 1) this.setAmount(slot, column, amount);
  }

  fillEligible(eligible: number): void {
    for (let slot = 0; slot < this.slots; slot += 1) this.setEligible(slot, eligible);
  }

  /** Widens every slot by a column, in a new array, as the fleet does for a new resource. */
  addColumn(amounts: ArrayLike<number>): void {
    const stride = this.stride + 1;
    const array = new Float64Array(this.slots * stride);
    for (let slot = 0; slot < this.slots; slot += 1) {
      array.set(this.array.subarray(slot * this.stride, (slot + 1) * this.stride), slot * stride);
      array[slot * stride + stride - 1] = amounts[slot] as number;
    }
    this.array = array;
    this.stride = stride;
  }

  /** The same facts in a new array: the tree must read facts through this object. */
  replaceArray(): void {
    this.array = Float64Array.from(this.array);
  }
}

/** A deterministic hash, so that commands can draw many values from one seed. */
function hash(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) >>> 0;
}

function pickFrom<T>(values: readonly T[], a: number, b: number): T {
  return values[hash(a, b) % values.length] as T;
}

function randomFacts(seed: number, columnCount: number): TestFacts {
  const facts = new TestFacts(SLOTS, Array.from({ length: columnCount }, (_, column) => randomColumn(seed + column + 1)));
  for (let slot = 0; slot < SLOTS; slot += 1) {
    facts.setEligible(slot, hash(seed, slot) % 5 === 0 ? 0 : 1);
    facts.setClassBit(slot, pickFrom(CLASS_BITS, seed + 17, slot));
  }
  return facts;
}

function randomColumn(seed: number): Float64Array {
  return Float64Array.from({ length: SLOTS }, (_, slot) => pickFrom(AMOUNTS, seed, slot));
}

interface ModelEntry {
  readonly slot: number;
  keys: number[];
  order: number;
  time: number;
}

function compareTuples(keysA: ArrayLike<number>, orderA: number, keysB: ArrayLike<number>, orderB: number, keyCount: number): number {
  for (let level = 0; level < keyCount; level += 1) {
    const a = keysA[level] as number;
    const b = keysB[level] as number;
    if (a < b) return -1;
    if (a > b) return 1;
  }
  return orderA < orderB ? -1 : orderA > orderB ? 1 : 0;
}

/** The tree's answers, computed by walking a sorted array of every entry. */
class NaiveTree {
  readonly entries = new Map<number, ModelEntry>();
  private cached: ModelEntry[] | undefined;

  constructor(
    readonly keyCount: number,
    readonly facts: TestFacts,
  ) {}

  sorted(): ModelEntry[] {
    this.cached ??= [...this.entries.values()].sort((a, b) => compareTuples(a.keys, a.order, b.keys, b.order, this.keyCount));
    return this.cached;
  }

  changed(): void {
    this.cached = undefined;
  }

  passesCheapTests(slot: number, query: TreeQuery): boolean {
    if (!this.facts.isEligible(slot) || (this.facts.classBit(slot) & query.allowedBits) === 0) return false;
    for (let d = 0; d < query.demandCount; d += 1) {
      if (this.facts.amount(slot, query.demandColumns[d] as number) < (query.demandAmounts[d] as number)) return false;
    }
    return true;
  }

  first(query: TreeQuery): { found: number; asked: number[] } {
    const start = Array.from({ length: this.keyCount }, (_, level) => (level < query.fromKeyCount ? (query.fromKeys[level] as number) : -Infinity));
    const asked: number[] = [];
    for (const entry of this.sorted()) {
      if (compareTuples(entry.keys, entry.order, start, query.fromOrder, this.keyCount) < 0) continue;
      for (let level = 0; level < query.prefixLength; level += 1) if (entry.keys[level] !== query.prefix[level]) return { found: -1, asked };
      if (!this.passesCheapTests(entry.slot, query)) continue;
      asked.push(entry.slot);
      if (query.accept(entry.slot)) return { found: entry.slot, asked };
    }
    return { found: -1, asked };
  }

  changedBefore(untilKeys: readonly number[], untilOrder: number, since: number, visit: (slot: number) => boolean): { found: number; visited: number[] } {
    const visited: number[] = [];
    for (const entry of this.sorted()) {
      if (compareTuples(entry.keys, entry.order, untilKeys, untilOrder, this.keyCount) >= 0) break;
      if (!(entry.time > since)) continue;
      visited.push(entry.slot);
      if (visit(entry.slot)) return { found: entry.slot, visited };
    }
    return { found: -1, visited };
  }
}

type OrderMode = 'lowest' | 'highest' | 'below' | 'at' | 'above';

interface QuerySpec {
  readonly fromKeys: number[];
  readonly fromKeyCount: number;
  readonly orderMode: OrderMode;
  readonly orderPick: number;
  readonly prefixLength: number;
  readonly prefixFromStart: boolean;
  readonly prefixKeys: number[];
  readonly demands: { column: number; amount: number }[];
  readonly allowedBits: number;
  readonly rejectMode: 'none' | 'some' | 'all';
  readonly seed: number;
}

type Command =
  | { kind: 'insert'; count: number; seed: number; reuseOrders: boolean }
  | { kind: 'remove'; count: number; seed: number }
  | { kind: 'move'; pick: number; keys: number[] }
  | { kind: 'nudge'; pick: number; level: number; step: number }
  | { kind: 'touch' | 'silent'; pick: number; column: number; amount: number; eligible: boolean; classBit: number }
  | { kind: 'renumber'; step: number; offset: number }
  | { kind: 'build'; seed: number; query: QuerySpec }
  | { kind: 'addColumn'; seed: number }
  | { kind: 'growFacts' }
  | { kind: 'first'; query: QuerySpec }
  | { kind: 'changed'; untilKeys: number[]; orderMode: OrderMode; orderPick: number; sinceBack: number; seed: number; stopMode: 'never' | 'some' | 'always' }
  | { kind: 'check' };

const keyArbitrary = fc.constantFrom(...KEY_VALUES);
const keysArbitrary = fc.array(keyArbitrary, { minLength: 2, maxLength: 2 });
const orderModeArbitrary = fc.constantFrom<OrderMode>('lowest', 'highest', 'below', 'at', 'above');

const queryArbitrary: fc.Arbitrary<QuerySpec> = fc.record({
  fromKeys: keysArbitrary,
  fromKeyCount: fc.nat(2),
  orderMode: orderModeArbitrary,
  orderPick: fc.nat(),
  prefixLength: fc.oneof(fc.constant(0), fc.nat(2)),
  prefixFromStart: fc.constantFrom(true, true, true, false),
  prefixKeys: keysArbitrary,
  demands: fc.array(fc.record({ column: fc.nat(MAX_COLUMNS - 1), amount: fc.constantFrom(...DEMANDS) }), { maxLength: 3 }),
  allowedBits: fc.oneof(fc.constant(-1), fc.subarray(CLASS_BITS).map((bits) => bits.reduce((all, bit) => all | bit, 0))),
  rejectMode: fc.constantFrom('none', 'some', 'all'),
  seed: fc.nat(),
});

const factChange = { pick: fc.nat(), column: fc.nat(MAX_COLUMNS - 1), amount: fc.constantFrom(...AMOUNTS), eligible: fc.boolean(), classBit: fc.constantFrom(...CLASS_BITS) };

const nudgeArbitrary: fc.Arbitrary<Command> = fc.record({ kind: fc.constant('nudge' as const), pick: fc.nat(), level: fc.nat(1), step: fc.constantFrom(...NUDGES) });
const firstArbitrary: fc.Arbitrary<Command> = fc.record({ kind: fc.constant('first' as const), query: queryArbitrary });
const changedArbitrary: fc.Arbitrary<Command> = fc.record({
  kind: fc.constant('changed' as const),
  untilKeys: keysArbitrary,
  orderMode: orderModeArbitrary,
  orderPick: fc.nat(),
  sinceBack: fc.oneof(fc.nat(5), fc.nat(700)),
  seed: fc.nat(),
  stopMode: fc.constantFrom('never', 'some', 'always'),
});

const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('insert' as const), count: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 40 })), seed: fc.nat(), reuseOrders: fc.boolean() }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), count: fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 40 })), seed: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), keys: keysArbitrary }), weight: 4 },
  { arbitrary: nudgeArbitrary, weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('touch' as const), ...factChange }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('silent' as const), ...factChange }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('renumber' as const), step: fc.constantFrom(0.5, 1, 3), offset: fc.constantFrom(0, 7) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('build' as const), seed: fc.nat(), query: queryArbitrary }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('addColumn' as const), seed: fc.nat() }), weight: 1 },
  { arbitrary: fc.constant({ kind: 'growFacts' as const }), weight: 1 },
  { arbitrary: firstArbitrary, weight: 8 },
  { arbitrary: changedArbitrary, weight: 4 },
  { arbitrary: fc.constant({ kind: 'check' as const }), weight: 1 },
);

/** A tree and its model side by side, with the bookkeeping commands need. */
class Harness {
  readonly facts: TestFacts;
  readonly model: NaiveTree;
  readonly tree: OrderedTree;
  time = 0;
  nextOrder = 0;
  freedOrders: number[] = [];

  constructor(
    readonly keyCount: number,
    nodeCapacity: number,
    factsSeed: number,
  ) {
    this.facts = randomFacts(factsSeed, 2);
    this.model = new NaiveTree(keyCount, this.facts);
    this.tree = new OrderedTree(keyCount, this.facts, { nodeCapacity });
  }

  /** An order near an entry's (or past every entry), so that starts and ends fall before, on and after entries. */
  order(mode: OrderMode, pick: number): number {
    if (mode === 'lowest') return -Infinity;
    if (mode === 'highest') return Infinity;
    const sorted = this.model.sorted();
    const base = sorted.length === 0 ? 0 : (sorted[pick % sorted.length] as ModelEntry).order;
    return mode === 'below' ? base - 0.25 : mode === 'above' ? base + 0.25 : base;
  }

  query(spec: QuerySpec): TreeQuery {
    const sorted = this.model.sorted();
    // Starting on an entry's keys makes the start land among ties.
    const fromKeys = spec.orderMode === 'at' && sorted.length > 0 ? (sorted[spec.orderPick % sorted.length] as ModelEntry).keys : spec.fromKeys;
    const prefixLength = Math.min(spec.prefixLength, this.keyCount);
    const prefix = spec.prefixFromStart ? fromKeys.map((key, level) => (level < spec.fromKeyCount ? key : (spec.prefixKeys[level] as number))) : spec.prefixKeys;
    const columnCount = this.facts.columnCount;
    return {
      fromKeys,
      fromKeyCount: Math.min(spec.fromKeyCount, this.keyCount),
      fromOrder: this.order(spec.orderMode, spec.orderPick),
      prefix,
      prefixLength,
      demandColumns: spec.demands.map((demand) => demand.column % columnCount),
      demandAmounts: spec.demands.map((demand) => demand.amount),
      demandCount: spec.demands.length,
      allowedBits: spec.allowedBits,
      accept: (slot) => spec.rejectMode === 'none' || (spec.rejectMode === 'some' && hash(slot, spec.seed) % 3 !== 0),
    };
  }

  /** Both answers to a query, with the entries each asked `accept` about. */
  first(spec: QuerySpec): { actual: unknown; expected: unknown } {
    const query = this.query(spec);
    const askedByTree: number[] = [];
    const found = this.tree.first({ ...query, accept: (slot) => (askedByTree.push(slot), query.accept(slot)) });
    return { actual: { found, asked: askedByTree }, expected: this.model.first(query) };
  }

  apply(command: Command): void {
    const { tree, model, facts } = this;
    const sorted = model.sorted();
    switch (command.kind) {
      case 'insert': {
        const count = Math.min(command.count, MAX_ENTRIES - model.entries.size);
        for (let k = 0; k < count; k += 1) {
          let slot = hash(command.seed, k) % SLOTS;
          while (model.entries.has(slot)) slot = (slot + 1) % SLOTS;
          const keys = Array.from({ length: this.keyCount }, (_, level) => pickFrom(KEY_VALUES, command.seed + k, level));
          const inUse = new Set(sorted.map((entry) => entry.order));
          const reusable = command.reuseOrders ? this.freedOrders.filter((order) => !inUse.has(order)) : [];
          let order: number;
          if (reusable.length > 0) {
            order = reusable[hash(command.seed, -k) % reusable.length] as number;
            this.freedOrders = this.freedOrders.filter((freed) => freed !== order);
          } else {
            order = this.nextOrder;
            this.nextOrder += 1 + (hash(command.seed, k + 1000) % 3);
          }
          this.time += 1;
          tree.insert(slot, keys, order, this.time);
          model.entries.set(slot, { slot, keys, order, time: this.time });
          model.changed();
        }
        return;
      }
      case 'remove': {
        for (let k = 0; k < command.count && model.entries.size > 0; k += 1) {
          const entries = model.sorted();
          const entry = entries[hash(command.seed, k) % entries.length] as ModelEntry;
          tree.remove(entry.slot);
          model.entries.delete(entry.slot);
          this.freedOrders.push(entry.order);
          model.changed();
        }
        return;
      }
      case 'move': {
        if (sorted.length === 0) return;
        const entry = sorted[command.pick % sorted.length] as ModelEntry;
        this.time += 1;
        const keys = command.keys.slice(0, this.keyCount);
        tree.move(entry.slot, keys, this.time);
        entry.keys = keys;
        entry.time = this.time;
        model.changed();
        return;
      }
      case 'nudge': {
        if (sorted.length === 0 || this.keyCount === 0) return;
        const entry = sorted[command.pick % sorted.length] as ModelEntry;
        const keys = entry.keys.slice();
        const level = command.level % this.keyCount;
        keys[level] = (keys[level] as number) + command.step;
        this.time += 1;
        tree.move(entry.slot, keys, this.time);
        entry.keys = keys;
        entry.time = this.time;
        model.changed();
        return;
      }
      case 'touch':
      case 'silent': {
        const inTree = command.kind === 'touch';
        const candidates = Array.from({ length: SLOTS }, (_, slot) => slot).filter((slot) => model.entries.has(slot) === inTree);
        if (candidates.length === 0) return;
        const slot = candidates[command.pick % candidates.length] as number;
        facts.setAmount(slot, command.column % facts.columnCount, command.amount);
        facts.setEligible(slot, command.eligible ? 1 : 0);
        facts.setClassBit(slot, command.classBit);
        if (!inTree) return;
        this.time += 1;
        tree.touch(slot, this.time);
        (model.entries.get(slot) as ModelEntry).time = this.time;
        return;
      }
      case 'renumber': {
        const byOrder = [...model.entries.values()].sort((a, b) => a.order - b.order);
        const renumbered = new Map(byOrder.map((entry, rank) => [entry.slot, command.offset + rank * command.step]));
        tree.renumber((slot) => renumbered.get(slot) as number);
        for (const entry of byOrder) entry.order = renumbered.get(entry.slot) as number;
        this.nextOrder = command.offset + byOrder.length * command.step + 1;
        this.freedOrders = [];
        model.changed();
        return;
      }
      case 'build': {
        const before = this.first(command.query);
        const slots = sorted.map((entry) => entry.slot).sort((a, b) => hash(command.seed, a) - hash(command.seed, b));
        this.time += 1;
        tree.build(
          slots,
          (slot, level) => (model.entries.get(slot) as ModelEntry).keys[level] as number,
          (slot) => (model.entries.get(slot) as ModelEntry).order,
          this.time,
        );
        for (const entry of sorted) entry.time = this.time;
        expect(this.first(command.query).actual, 'the same answer after build').toEqual(before.actual);
        return;
      }
      case 'addColumn': {
        if (facts.columnCount >= MAX_COLUMNS) return;
        facts.addColumn(randomColumn(command.seed));
        tree.columnsChanged();
        return;
      }
      case 'growFacts': {
        facts.replaceArray();
        return;
      }
      case 'first': {
        const { actual, expected } = this.first(command.query);
        expect(actual).toEqual(expected);
        return;
      }
      case 'changed': {
        const untilKeys = command.untilKeys.slice(0, this.keyCount);
        const untilOrder = this.order(command.orderMode, command.orderPick);
        const since = this.time - command.sinceBack;
        const visit = (slot: number): boolean => command.stopMode === 'always' || (command.stopMode === 'some' && hash(slot, command.seed) % 4 === 0);
        const visited: number[] = [];
        const found = tree.changedBefore(untilKeys, untilOrder, since, (slot) => (visited.push(slot), visit(slot)));
        expect({ found, visited }).toEqual(model.changedBefore(untilKeys, untilOrder, since, visit));
        return;
      }
      case 'check': {
        const present = Array.from({ length: SLOTS }, (_, slot) => tree.has(slot));
        expect(present).toEqual(Array.from({ length: SLOTS }, (_, slot) => model.entries.has(slot)));
        for (const entry of sorted) {
          for (let level = 0; level < this.keyCount; level += 1) expect(tree.keyOf(entry.slot, level)).toBe(entry.keys[level]);
        }
        const inOrder: number[] = [];
        tree.changedBefore(
          Array.from({ length: this.keyCount }, () => Infinity),
          Infinity,
          -Infinity,
          (slot) => (inOrder.push(slot), false),
        );
        expect(inOrder).toEqual(sorted.map((entry) => entry.slot));
        return;
      }
    }
  }
}

describe('OrderedTree', () => {
  test.prop(
    [fc.constantFrom(0, 1, 2), fc.constantFrom(4, 4, 4, 64), fc.nat(), fc.oneof(fc.nat(20), fc.nat(MAX_ENTRIES)), fc.array(commandArbitrary, { maxLength: 150, size: 'max' })],
    { numRuns: runs(150) },
  )('answers as a sorted array of the entries does, after any sequence of changes', (keyCount, nodeCapacity, seed, initialCount, commands) => {
    const harness = new Harness(keyCount, nodeCapacity, seed);
    for (let start = 0; start < initialCount; start += 40) harness.apply({ kind: 'insert', count: Math.min(40, initialCount - start), seed: seed + start, reuseOrders: false });
    for (const command of commands) {
      harness.apply(command);
      expect(harness.tree.size).toBe(harness.model.entries.size);
    }
    harness.apply({ kind: 'check' });
  });

  test.prop(
    [fc.constantFrom(0, 1, 2), fc.constantFrom(4, 8, 64), fc.integer({ min: 50, max: MAX_ENTRIES }), fc.nat(), fc.array(fc.oneof(firstArbitrary, changedArbitrary), { minLength: 1, maxLength: 12 })],
    { numRuns: runs(40) },
  )('answers as before after most entries are removed (and the tree rebuilds itself)', (keyCount, nodeCapacity, count, seed, probes) => {
    const harness = new Harness(keyCount, nodeCapacity, seed);
    for (let start = 0; start < count; start += 40) harness.apply({ kind: 'insert', count: Math.min(40, count - start), seed: seed + start, reuseOrders: false });
    harness.apply({ kind: 'touch', pick: seed, column: 0, amount: 5, eligible: true, classBit: 1 });
    harness.apply({ kind: 'remove', count: count - 3, seed });
    // Since 0, every entry is visited: a rebuild must keep change times.
    const everyChange: Command = { kind: 'changed', untilKeys: [Infinity, Infinity], orderMode: 'highest', orderPick: 0, sinceBack: harness.time, seed, stopMode: 'never' };
    for (const probe of [...probes, everyChange]) harness.apply(probe);
    harness.apply({ kind: 'insert', count: 40, seed: seed + 1, reuseOrders: true });
    for (const probe of [...probes, everyChange]) harness.apply(probe);
    harness.apply({ kind: 'check' });
  });

  test.prop(
    [fc.constantFrom(1, 2), fc.constantFrom(2, 3, 4, 8), fc.nat(), fc.integer({ min: 20, max: MAX_ENTRIES }), fc.array(fc.oneof({ arbitrary: nudgeArbitrary, weight: 12 }, { arbitrary: firstArbitrary, weight: 2 }, { arbitrary: changedArbitrary, weight: 1 }, { arbitrary: fc.constant({ kind: 'check' as const }), weight: 1 }), { minLength: 50, maxLength: 300 })],
    { numRuns: runs(60) },
  )('keeps order, keys and bounds through many short moves', (keyCount, nodeCapacity, seed, count, commands) => {
    const harness = new Harness(keyCount, nodeCapacity, seed);
    for (let start = 0; start < count; start += 40) harness.apply({ kind: 'insert', count: Math.min(40, count - start), seed: seed + start, reuseOrders: false });
    // Spread the keys out first, so that short moves land near rather than among ties.
    for (const entry of harness.model.sorted().slice()) harness.apply({ kind: 'nudge', pick: harness.model.sorted().indexOf(entry), level: keyCount - 1, step: hash(seed, entry.slot) % 97 });
    for (const command of commands) harness.apply(command);
    harness.apply({ kind: 'check' });
  });

  describe('edge cases', () => {
    const facts = (): TestFacts => new TestFacts(4, [[4, 4, 4, 4], [8, 8, 8, 8]]);
    const query = (overrides: Partial<TreeQuery> = {}): TreeQuery => ({
      fromKeys: [],
      fromKeyCount: 0,
      fromOrder: -Infinity,
      prefix: [],
      prefixLength: 0,
      demandColumns: [],
      demandAmounts: [],
      demandCount: 0,
      allowedBits: -1,
      accept: () => true,
      ...overrides,
    });

    it('answers nothing when empty', () => {
      const tree = new OrderedTree(1, facts(), { nodeCapacity: 4 });
      expect(tree.size).toBe(0);
      expect(tree.has(0)).toBe(false);
      expect(tree.first(query())).toBe(-1);
      expect(tree.changedBefore([Infinity], Infinity, -Infinity, () => true)).toBe(-1);
      tree.build([], () => 0, () => 0, 1);
      expect(tree.first(query())).toBe(-1);
    });

    it('finds a single entry until it cannot take the task', () => {
      const slotFacts = facts();
      const tree = new OrderedTree(1, slotFacts, { nodeCapacity: 4 });
      tree.insert(2, [5], 0, 1);
      expect(tree.first(query())).toBe(2);
      expect(tree.first(query({ demandColumns: [1], demandAmounts: [8], demandCount: 1 }))).toBe(2);
      expect(tree.first(query({ demandColumns: [1], demandAmounts: [9], demandCount: 1 }))).toBe(-1);
      expect(tree.first(query({ allowedBits: 2 }))).toBe(-1);
      expect(tree.first(query({ fromKeys: [5], fromKeyCount: 1, fromOrder: 1 }))).toBe(-1);
      expect(tree.keyOf(2, 0)).toBe(5);
      slotFacts.fillColumn(0, 0);
      tree.touch(2, 2);
      expect(tree.first(query({ demandColumns: [0], demandAmounts: [1], demandCount: 1 }))).toBe(-1);
      expect(tree.changedBefore([Infinity], Infinity, 1, () => true)).toBe(2);
      expect(tree.changedBefore([Infinity], Infinity, 2, () => true)).toBe(-1);
      expect(tree.changedBefore([5], 0, 1, () => true)).toBe(-1);
      tree.remove(2);
      expect(tree.size).toBe(0);
      expect(tree.has(2)).toBe(false);
      expect(tree.first(query())).toBe(-1);
    });

    it('never asks about ineligible entries', () => {
      const slotFacts = facts();
      slotFacts.fillEligible(0);
      const tree = new OrderedTree(0, slotFacts, { nodeCapacity: 4 });
      tree.build([3, 1, 0, 2], () => 0, (slot) => slot, 1);
      const asked: number[] = [];
      expect(tree.first(query({ accept: (slot) => (asked.push(slot), true) }))).toBe(-1);
      expect(asked).toEqual([]);
      slotFacts.setEligible(1, 1);
      tree.touch(1, 2);
      expect(tree.first(query())).toBe(1);
    });

    it('stops at the end of the prefix', () => {
      const slotFacts = facts();
      const tree = new OrderedTree(2, slotFacts, { nodeCapacity: 4 });
      const keys = [
        [1, 1],
        [1, 2],
        [2, 0],
        [2, 1],
      ];
      keys.forEach((entryKeys, slot) => tree.insert(slot, entryKeys, slot, 1));
      const rejectFirstGroup = (slot: number): boolean => slot >= 2;
      expect(tree.first(query({ prefix: [1], prefixLength: 1, fromKeys: [1], fromKeyCount: 1, accept: rejectFirstGroup }))).toBe(-1);
      expect(tree.first(query({ fromKeys: [1], fromKeyCount: 1, accept: rejectFirstGroup }))).toBe(2);
      expect(tree.first(query({ prefix: [2], prefixLength: 1, fromKeys: [2], fromKeyCount: 1 }))).toBe(2);
      expect(tree.first(query({ prefix: [2, 1], prefixLength: 2, fromKeys: [2], fromKeyCount: 1 }))).toBe(-1);
      expect(tree.first(query({ prefix: [2, 1], prefixLength: 2, fromKeys: [2, 1], fromKeyCount: 2 }))).toBe(3);
      expect(tree.first(query({ prefix: [1, 2], prefixLength: 2, fromKeys: [1, 2], fromKeyCount: 2, fromOrder: 2 }))).toBe(-1);
    });

    it('starts before or after every entry with the start keys, by fromOrder', () => {
      const tree = new OrderedTree(1, facts(), { nodeCapacity: 4 });
      tree.insert(0, [1], 10, 1);
      tree.insert(1, [2], 11, 1);
      tree.insert(2, [2], 12, 1);
      tree.insert(3, [3], 13, 1);
      expect(tree.first(query({ fromKeys: [2], fromKeyCount: 1, fromOrder: -Infinity }))).toBe(1);
      expect(tree.first(query({ fromKeys: [2], fromKeyCount: 1, fromOrder: 12 }))).toBe(2);
      expect(tree.first(query({ fromKeys: [2], fromKeyCount: 1, fromOrder: Infinity }))).toBe(3);
      expect(tree.first(query({ fromKeys: [3], fromKeyCount: 1, fromOrder: Infinity }))).toBe(-1);
      expect(tree.changedBefore([2], Infinity, 0, () => false)).toBe(-1);
      const visited: number[] = [];
      tree.changedBefore([2], Infinity, 0, (slot) => (visited.push(slot), false));
      expect(visited).toEqual([0, 1, 2]);
    });

    it('keeps registration order with no keys, through appends that split every level', () => {
      const count = 200;
      const slotFacts = new TestFacts(count, [new Float64Array(count).fill(1)]);
      const tree = new OrderedTree(0, slotFacts, { nodeCapacity: 4 });
      for (let slot = 0; slot < count; slot += 1) tree.insert(count - 1 - slot, [], slot, slot);
      const inOrder: number[] = [];
      tree.changedBefore([], Infinity, -Infinity, (slot) => (inOrder.push(slot), false));
      expect(inOrder).toEqual(Array.from({ length: count }, (_, k) => count - 1 - k));
      slotFacts.fillColumn(0, 0, 0, count - 1);
      for (let slot = 0; slot < count - 1; slot += 1) tree.touch(slot, count);
      expect(tree.first(query({ demandColumns: [0], demandAmounts: [1], demandCount: 1 }))).toBe(count - 1);
    });

    /**
     * 2,000 entries keyed by slot in nodes of 4, of which only slot 1500 fits a
     * demand of 1 in column 0; the facts count the times the tree reads
     * them: it does once per leaf it searches or recomputes, a proxy for the
     * leaves it visits.
     */
    function oneFitTree(): { count: number; slotFacts: TestFacts; tree: OrderedTree } {
      const count = 2000;
      const slotFacts = new TestFacts(count, [new Float64Array(count).fill(1)]);
      const tree = new OrderedTree(1, slotFacts, { nodeCapacity: 4 });
      tree.build(Array.from({ length: count }, (_, slot) => slot), (slot) => slot, (slot) => slot, 0);
      slotFacts.fillColumn(0, 0);
      slotFacts.setAmount(1500, 0, 1);
      for (let slot = 0; slot < count; slot += 1) tree.touch(slot, 1);
      return { count, slotFacts, tree };
    }

    it('skips subtrees that cannot qualify, once a search has tightened bounds left too high', () => {
      const { count, slotFacts, tree } = oneFitTree();
      const demand = query({ demandColumns: [0], demandAmounts: [1], demandCount: 1 });
      slotFacts.reads = 0;
      expect(tree.first(demand)).toBe(1500);
      expect(slotFacts.reads).toBeGreaterThan(300);
      slotFacts.reads = 0;
      expect(tree.first(demand)).toBe(1500);
      expect(slotFacts.reads).toBeLessThan(5);
      slotFacts.fillEligible(0);
      for (let slot = 0; slot < count; slot += 1) tree.touch(slot, 2);
      expect(tree.first(query())).toBe(-1);
      slotFacts.reads = 0;
      expect(tree.first(query())).toBe(-1);
      expect(slotFacts.reads).toBe(0);
    });

    it('keeps order at its default capacities, which differ between leaves and inner nodes, through splits, short moves and long ones', () => {
      const count = 6000;
      const slotFacts = new TestFacts(count, [new Float64Array(count), new Float64Array(count)]);
      const tree = new OrderedTree(2, slotFacts);
      const keys = new Map<number, number[]>();
      const place = (slot: number, entryKeys: number[]): void => {
        keys.set(slot, entryKeys);
        slotFacts.setAmount(slot, 1, entryKeys[1] as number);
      };
      // In a scrambled order, so that inserts split leaves and inner nodes all over the tree.
      for (let k = 0; k < count; k += 1) {
        const slot = (k * 2654435761) % count;
        place(slot, [hash(slot, 1) % 3, hash(slot, 2) % 500]);
        tree.insert(slot, keys.get(slot) as number[], slot, k);
      }
      const verify = (): void => {
        const sorted = [...keys.entries()].sort(([a, x], [b, y]) => compareTuples(x, a, y, b, 2)).map(([slot]) => slot);
        const inOrder: number[] = [];
        tree.changedBefore([Infinity, Infinity], Infinity, -Infinity, (slot) => (inOrder.push(slot), false));
        expect(inOrder).toEqual(sorted);
        for (const [slot, entryKeys] of keys) expect([tree.keyOf(slot, 0), tree.keyOf(slot, 1)]).toEqual(entryKeys);
        const demand = query({ fromKeys: [1, 100], fromKeyCount: 2, demandColumns: [1], demandAmounts: [450], demandCount: 1 });
        const start = sorted.findIndex((slot) => compareTuples(keys.get(slot) as number[], slot, [1, 100], -Infinity, 2) >= 0);
        expect(tree.first(demand)).toBe(sorted.slice(start).find((slot) => (keys.get(slot)?.[1] as number) >= 450) ?? -1);
      };
      verify();
      for (let k = 0; k < 30000; k += 1) {
        const slot = hash(k, 3) % count;
        const old = keys.get(slot) as number[];
        const short = hash(k, 4) % 4 !== 0;
        place(slot, short ? [old[0] as number, (old[1] as number) + ((hash(k, 5) % 9) - 4) * 0.5] : [hash(k, 6) % 3, hash(k, 7) % 500]);
        tree.move(slot, keys.get(slot) as number[], count + k);
        if (k % 7000 === 6999) verify();
      }
      verify();
    });

    it('tightens a subtree a search entered partway in only when what it skipped cannot pass', () => {
      const { slotFacts, tree } = oneFitTree();
      // 701 is inside a leaf, and so inside every node above it.
      const demand = query({ fromKeys: [701], fromKeyCount: 1, demandColumns: [0], demandAmounts: [1], demandCount: 1 });
      expect(tree.first(demand)).toBe(1500);
      slotFacts.reads = 0;
      expect(tree.first(demand)).toBe(1500);
      // Only the leaf of the answer: every leaf and node before it, the ones entered partway included, now fails on its bounds.
      expect(slotFacts.reads).toBe(1);
      // Now an entry before the start passes: the leaf and nodes the search enters partway keep bounds that pass, and answers stay right.
      slotFacts.setAmount(700, 0, 1);
      tree.touch(700, 2);
      expect(tree.first(demand)).toBe(1500);
      expect(tree.first(demand)).toBe(1500);
      expect(tree.first(query({ demandColumns: [0], demandAmounts: [1], demandCount: 1 }))).toBe(700);
      slotFacts.setAmount(1500, 0, 0);
      tree.touch(1500, 3);
      expect(tree.first(demand)).toBe(-1);
    });

    it('forgets the old content on build', () => {
      const slotFacts = new TestFacts(20, [new Float64Array(20).fill(1)]);
      const tree = new OrderedTree(1, slotFacts, { nodeCapacity: 4 });
      for (let slot = 0; slot < 10; slot += 1) tree.insert(slot, [slot], slot, 1);
      tree.build([14, 5, 12, 6, 13, 7, 11, 8, 10, 9], (slot) => -slot, (slot) => slot, 2);
      expect(Array.from({ length: 20 }, (_, slot) => tree.has(slot))).toEqual(Array.from({ length: 20 }, (_, slot) => slot >= 5 && slot < 15));
      expect(tree.size).toBe(10);
      expect(tree.first(query())).toBe(14);
      expect(tree.changedBefore([-10], Infinity, 1, () => true)).toBe(14);
      expect(() => tree.touch(0, 3)).toThrow();
    });

    it('refuses a demand on a column its bounds do not cover', () => {
      const slotFacts = facts();
      const tree = new OrderedTree(0, slotFacts);
      tree.insert(0, [], 0, 1);
      expect(() => tree.first(query({ demandColumns: [2], demandAmounts: [1], demandCount: 1 }))).toThrow(RangeError);
      slotFacts.addColumn([3, 3, 3, 3]);
      tree.columnsChanged();
      expect(tree.first(query({ demandColumns: [2], demandAmounts: [3], demandCount: 1 }))).toBe(0);
      expect(tree.first(query({ demandColumns: [2], demandAmounts: [4], demandCount: 1 }))).toBe(-1);
    });
  });
});
