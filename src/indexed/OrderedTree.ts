/**
 * An ordered set of instances that finds the first one, at or after a point
 * in key order, that can take a task, stepping over whole runs of instances
 * that cannot: the index behind the fast placement engine.
 *
 * @remarks
 * Layout. A B+tree in typed arrays (nodes are indexes), so that a fleet of a
 * million instances is a few dozen large arrays rather than millions of
 * objects for the collector to trace, and so that searching reads contiguous
 * memory. A leaf owns a stretch of `leafCapacity` entries and holds up to
 * that many, sorted by (keys, order), anywhere in it: an insertion or a
 * removal shifts the entries on its shorter side. An entry is its slot, in
 * one array, and a record of its keys, order and change time side by side, in
 * another, so that comparing against an entry and shifting entries touch as
 * few cache lines as they can. Each slot knows its entry, which the shifts
 * keep current, so that an entry is found without a search or a scan, and its
 * leaf by a division. Inner nodes hold up to `innerCapacity` children and, in
 * the same row, each child's separator record (keys, order, laid out as an
 * entry record starts) and bound record, so that scanning the children of one
 * node reads one stretch of each array and raising one child's bounds writes
 * one record. Inner node 0 is never part of the tree: the root hangs from it
 * at position 0, so that the root's bounds live where every other node's do,
 * in its parent's row.
 *
 * Bounds are upper bounds of what a subtree holds: per resource column the
 * largest remaining amount among its eligible entries, the OR of their class
 * bits, and the latest change time among all its entries. Updates only raise
 * them (a path from a leaf to the root, stopping where nothing rises), so a
 * removal, a lowered value or a split (both halves keep the whole's bounds)
 * leaves them too high. That is still correct for pruning, and a search that
 * enters a subtree on the strength of its bounds and finds nothing there that
 * passes the cheap tests recomputes that subtree's bounds from its children
 * before leaving, so the next search prunes it. A subtree whose entries pass
 * the cheap tests but are turned down by `accept` is left as it is: its
 * bounds are met, and tightening them would not prune it. So is a subtree the
 * search entered partway in, at its start, while an entry (or child) before
 * the start, which it did not look at, passes. Separators may likewise be
 * stale-low after removals: they stay lower bounds of their child's smallest
 * entry and above the previous child's largest, which is all that descending
 * needs.
 *
 * Empty nodes are unlinked and nodes are never merged. When the tree holds
 * far more nodes than its entries need, it is rebuilt bottom-up from its own
 * leaves, in order; that costs O(n) and needs Ω(n) removals (or splits) since
 * the last rebuild, so it is O(1) amortised.
 *
 * Costs, with n entries, leaf capacity L, inner capacity C, depth d (about
 * log base C/2 of n/L), m resource columns:
 * - `touch`: O(d·m), a raise up the path; the facts stop being compared at
 *   the first node that already covers them. `keyOf` and `has`: O(1).
 * - `insert`: O(d·log C + log L + L + d·m), plus O(L + C·(m + keyCount)) per
 *   node split.
 * - `remove`: O(L), plus O(C·(m + keyCount)) per node its removal empties,
 *   plus the amortised rebuild.
 * - `move`: as `touch`, plus O(d + log L + L), when the new keys keep the
 *   entry in its leaf's key range; otherwise a removal and an insertion whose descent
 *   starts at the lowest node whose key range holds the new keys, found by
 *   climbing from the old leaf in O(d), so that a short move skips most of
 *   the descent.
 * - `first` and `changedBefore`: O(d·log C + log L) to reach the start, then
 *   O(C) per inner node and O(L) per leaf visited, plus O(C·m) (O(L·m) for a
 *   leaf) to tighten a node visited for nothing. In the worst case every
 *   node is visited, O(n·m): when bounds pass everywhere yet no entry
 *   qualifies (each column's maximum held by a different instance, or
 *   `accept` rejecting everything). Stale bounds add at most one fruitless
 *   visit per node per lowering, since that visit tightens it.
 * - `build`: O(n log n); `renumber`: O(n); `columnsChanged`: O(n·m).
 *
 * @module
 */

/** Returned inside a search when the subtree holds no answer: keep walking. */
const NOT_FOUND = -1;
/** Returned inside a search when the walk reached its end (prefix or until bound): nothing further can answer. */
const STOP = -2;
/** The inner node that holds the root at position 0. */
const HOLDER = 0;
/**
 * Small leaves keep shifts short and a leaf's binary search within a few
 * cache lines; wide inner nodes keep the tree shallow for searches. Measured
 * against leaves of 8 to 64 and inner nodes of 32 to 128, this pair moved
 * entries fastest from 100,000 to 1,000,000 entries, and searched as fast.
 */
const DEFAULT_LEAF_CAPACITY = 16;
const DEFAULT_INNER_CAPACITY = 64;
/** Inner nodes and leaves filled by a rebuild keep an eighth free, so that the inserts that follow do not split every node at once. */
const FREE_EIGHTHS = 1;
/** From `placeFor`: the moved entry keeps its record. */
const STAYS = -1;
/** From `placeFor`: the moved entry belongs elsewhere in its own leaf. */
const IN_LEAF = -2;
/** Shifts of up to this many numbers are copied by a loop, which measured faster than `copyWithin` (a call into the runtime) for the short shifts within a leaf or a node. */
const COPY_LOOP_LIMIT = 256;
// A bound record holds the latest change time, the OR of class bits (an int32 held as a double), then one maximum per resource column.
const BOUND_TIME = 0;
const BOUND_MASK = 1;
const BOUND_COLUMNS = 2;

/** In a slot's facts: 1 when the instance can take tasks at all, 0 when not. An entry whose slot is not eligible never qualifies and contributes nothing to bounds. */
export const FACT_ELIGIBLE = 0;
/** In a slot's facts: its class bit, a 32-bit integer with one bit set. */
export const FACT_CLASS_BIT = 1;
/** In a slot's facts: where the remaining amount of each resource column starts (0 = cpu, 1 = memory, ...). */
export const FACT_COLUMNS = 2;

/** What an ordered tree reads about each instance, by slot, to bound its subtrees. */
export interface SlotFacts {
  /**
   * `stride` numbers per slot, side by side ({@link FACT_ELIGIBLE},
   * {@link FACT_CLASS_BIT}, then the columns from {@link FACT_COLUMNS}), so
   * that reading an instance's facts costs a cache line or two rather than
   * one per column. The array is replaced by a larger one when the fleet
   * grows or a column is added: always read it through this object.
   */
  readonly facts: Float64Array;
  /** Numbers per slot: {@link FACT_COLUMNS} plus one per column. */
  readonly stride: number;
}

/**
 * The tests a tree can bound, for one slot: eligible, of a class the query
 * allows, with every demanded amount remaining. What passes them is then
 * put to the query's `accept`.
 *
 * @param facts - the per-slot facts
 * @param slot - the slot
 * @param query - the allowed class bits and the demands
 */
export function passesCheapTests(facts: SlotFacts, slot: number, query: TreeQuery): boolean {
  const numbers = facts.facts;
  const base = slot * facts.stride;
  if (numbers[base + FACT_ELIGIBLE] !== 1 || ((numbers[base + FACT_CLASS_BIT] as number) & query.allowedBits) === 0) return false;
  for (let d = 0; d < query.demandCount; d += 1) {
    if ((numbers[base + FACT_COLUMNS + (query.demandColumns[d] as number)] as number) < (query.demandAmounts[d] as number)) return false;
  }
  return true;
}

/** One question to {@link OrderedTree.first}: where to start, where to stop, and what an entry must offer. */
export interface TreeQuery {
  /** Start at the first entry at or after (fromKeys[0..fromKeyCount), fromOrder): missing key levels count as -Infinity; fromOrder -Infinity starts at the first entry with that key prefix. */
  fromKeys: ArrayLike<number>;
  /** How many of `fromKeys` are given. */
  fromKeyCount: number;
  /** The registration order that, with `fromKeys`, marks the start. */
  fromOrder: number;
  /** Stop (return -1) at the first entry whose first prefixLength keys differ from prefix[0..prefixLength). */
  prefix: ArrayLike<number>;
  /** How many keys of `prefix` bind the walk; 0 = no limit. */
  prefixLength: number;
  /** Resource columns demanded, parallel to `demandAmounts`; the first `demandCount` are used. */
  demandColumns: ArrayLike<number>;
  /** The amount demanded of each column in `demandColumns`. */
  demandAmounts: ArrayLike<number>;
  /** How many demands there are. */
  demandCount: number;
  /** Class bits allowed; subtrees whose bound mask has none of them are skipped. -1 allows every class. */
  allowedBits: number;
  /**
   * The final say on an entry that passed the cheap tests. It is asked in
   * tree order, and must not change this tree.
   *
   * @param slot - the entry's slot
   * @returns whether the entry is the answer
   */
  accept(slot: number): boolean;
}

/** Held while no search runs, so that the tree keeps no caller's predicate alive. */
const NO_QUERY: TreeQuery = {
  fromKeys: [],
  fromKeyCount: 0,
  fromOrder: -Infinity,
  prefix: [],
  prefixLength: 0,
  demandColumns: [],
  demandAmounts: [],
  demandCount: 0,
  allowedBits: 0,
  accept: () => false,
};
const NO_VISIT = (): boolean => false;

/** Entries copied out of a tree in order, to be loaded back bottom-up. */
interface SortedEntries {
  readonly slots: Int32Array;
  /** One entry record (keys, order, change time) per entry, side by side. */
  readonly records: Float64Array;
}

/**
 * The instances of one tree, ordered by keys then registration order, with
 * bounds on every subtree so that searches skip what cannot qualify.
 *
 * @remarks
 * An entry is (slot, keys, order) plus the time it last changed. The facts
 * that decide whether an entry qualifies live outside, in {@link SlotFacts};
 * whoever changes them calls {@link OrderedTree.touch} (or `move`) so that
 * the bounds keep covering them. Not re-entrant: a search's callbacks must
 * neither change this tree nor search it.
 */
export class OrderedTree {
  /** How many keys each entry has. */
  readonly keyCount: number;
  private readonly facts: SlotFacts;
  private readonly leafCapacity: number;
  private readonly innerCapacity: number;
  /** Numbers per entry record: `keyCount` keys, the order, the change time. */
  private readonly entryStride: number;
  /** Numbers per separator record: `keyCount` keys, then the order; the same as an entry record's start, so that one copies into the other. */
  private readonly separatorStride: number;
  /** Numbers per bound record: time, mask, then one per resource column. */
  private boundStride: number;
  private entryCount = 0;
  /** Resource columns covered by the bounds. */
  private columnCount: number;
  private root = 0;

  // Leaves: entries `leaf x leafCapacity + index`, the slot at that index, the record at that index x entryStride.
  private leafSlots = new Int32Array(0);
  private leafRecords = new Float64Array(0);
  /** Each leaf's first entry: its entries may sit anywhere in its stretch, so that an insertion or removal shifts the entries on its shorter side. */
  private leafStarts = new Int32Array(0);
  private leafSizes = new Int32Array(0);
  private leafParents = new Int32Array(0);
  private leafIndexes = new Int32Array(0);
  private leafFree = new Int32Array(0);
  private leafFreeCount = 0;
  private leafUsed = 0;
  private leafLive = 0;

  // Inner nodes: per child at position `node x innerCapacity + index`; records at position x their stride.
  private children = new Int32Array(0);
  private separators = new Float64Array(0);
  private bounds = new Float64Array(0);
  private innerSizes = new Int32Array(0);
  private innerParents = new Int32Array(0);
  private innerIndexes = new Int32Array(0);
  /** 1 when the node's children are leaves. */
  private innerHoldsLeaves = new Uint8Array(0);
  private innerFree = new Int32Array(0);
  private innerFreeCount = 0;
  private innerUsed = 1;
  private innerLive = 0;

  /** The entry holding each slot (its leaf x leafCapacity + index), -1 when the slot is not in the tree: entries are found without a search, and their leaf by a division. Every shift of entries updates it. */
  private slotEntries = new Int32Array(0);

  // The point that comparisons measure against, and the running search.
  /** The keys, then the order: laid out as a separator record, so that comparing reads both the same way. */
  private readonly tuple: Float64Array;
  private query: TreeQuery = NO_QUERY;
  private allowedBits = 0;
  private demandCount = 0;
  private prefixLength = 0;
  private since = 0;
  private visit: (slot: number) => boolean = NO_VISIT;
  /** Entries a search has found worth asking about (passing the cheap tests, or changed); a subtree whose visit leaves this unchanged was entered on bounds that are too high, and has them tightened unless what the search skipped at its start passes. */
  private passes = 0;
  /** A sum of numbers read only so that their cache misses start early; kept so that the reads are not optimised away. */
  private warmth = 0;

  /**
   * @param keyCount - keys per entry (0 orders entries by registration order alone)
   * @param facts - the per-slot facts that bounds cover
   * @param options - `nodeCapacity`: entries per leaf and children per inner node (by default 16 entries per leaf and 64 children per inner node; small values make deep trees for tests)
   */
  constructor(keyCount: number, facts: SlotFacts, options: { nodeCapacity?: number } = {}) {
    const capacity = options.nodeCapacity;
    if (!Number.isInteger(keyCount) || keyCount < 0) throw new RangeError(`keyCount must be a non-negative integer, got ${keyCount}`);
    if (capacity !== undefined && (!Number.isInteger(capacity) || capacity < 2)) throw new RangeError(`nodeCapacity must be an integer of at least 2, got ${capacity}`);
    this.keyCount = keyCount;
    this.facts = facts;
    this.leafCapacity = capacity ?? DEFAULT_LEAF_CAPACITY;
    this.innerCapacity = capacity ?? DEFAULT_INNER_CAPACITY;
    this.entryStride = keyCount + 2;
    this.separatorStride = keyCount + 1;
    this.tuple = new Float64Array(keyCount + 1);
    this.columnCount = facts.stride - FACT_COLUMNS;
    this.boundStride = BOUND_COLUMNS + this.columnCount;
    this.growLeaves(4);
    this.growInner(4);
    this.clearNodes();
    const root = this.allocInner();
    this.innerHoldsLeaves[root] = 1;
    this.attachRoot(root);
    this.recomputeInner(root);
  }

  /** How many entries the tree holds. */
  get size(): number {
    return this.entryCount;
  }

  /**
   * @param slot - an instance's slot
   * @returns whether the slot is in the tree
   */
  has(slot: number): boolean {
    return (this.slotEntries[slot] ?? -1) >= 0;
  }

  /**
   * Adds an entry.
   *
   * @param slot - a slot not in the tree
   * @param keys - its `keyCount` keys
   * @param order - its registration order, unique in the tree
   * @param time - its change time
   */
  insert(slot: number, keys: ArrayLike<number>, order: number, time: number): void {
    if (this.has(slot)) throw new Error(`slot ${slot} is already in the tree`);
    this.ensureSlot(slot);
    this.loadTuple(keys, this.keyCount, order);
    this.insertTuple(this.root, slot, time);
  }

  /**
   * Takes an entry out. Bounds are left as they are: still upper bounds.
   *
   * @param slot - a slot in the tree
   */
  remove(slot: number): void {
    const entry = this.entryOf(slot);
    this.removeEntry(this.leafOfEntry(entry), entry, slot);
    this.compactIfSparse();
  }

  /**
   * Gives an entry new keys, keeping its order, and marks it changed (its
   * facts may have changed too).
   *
   * @param slot - a slot in the tree
   * @param keys - its new keys, possibly the same as before
   * @param time - its change time
   */
  move(slot: number, keys: ArrayLike<number>, time: number): void {
    const entry = this.entryOf(slot);
    const leaf = this.leafOfEntry(entry);
    const stride = this.entryStride;
    const keyCount = this.keyCount;
    const records = this.leafRecords;
    this.warmFacts(slot);
    // Read with the record, not after it: the removal needs both.
    this.warmth += this.leafSlots[entry] as number;
    this.loadTuple(keys, keyCount, records[entry * stride + keyCount] as number);
    const place = this.placeFor(leaf, entry);
    if (place === STAYS) {
      const record = entry * stride;
      for (let level = 0; level < keyCount; level += 1) records[record + level] = this.tuple[level] as number;
      records[record + keyCount + 1] = time;
    } else if (place === IN_LEAF) {
      // Rotate the entries between the old and the new place by one.
      const at = this.entryAtOrAfter(leaf);
      if (at > entry) {
        this.shiftEntries(entry, entry + 1, at);
        this.writeEntry(at - 1, slot, time);
      } else {
        this.shiftEntries(at + 1, at, entry);
        this.writeEntry(at, slot, time);
      }
    } else {
      this.removeEntry(leaf, entry, slot);
      // Only a leaf that empties changes the structure, and may take the node found with it.
      this.insertTuple(this.leafSizes[leaf] === 0 ? this.root : place, slot, time);
      this.compactIfSparse();
      return;
    }
    this.raise(leaf, slot, time);
  }

  /**
   * Marks an entry changed after its facts (columns, eligibility, class bit)
   * changed, raising the bounds above it to cover them.
   *
   * @param slot - a slot in the tree
   * @param time - its change time
   */
  touch(slot: number, time: number): void {
    const entry = this.entryOf(slot);
    this.leafRecords[entry * this.entryStride + this.keyCount + 1] = time;
    this.raise(this.leafOfEntry(entry), slot, time);
  }

  /**
   * @param slot - a slot in the tree
   * @param level - from 0 to `keyCount - 1`
   * @returns the entry's key at that level, as stored
   */
  keyOf(slot: number, level: number): number {
    return this.leafRecords[this.entryOf(slot) * this.entryStride + level] as number;
  }

  /**
   * Gives every entry a new order. Separators are recomputed from the
   * entries, since the ones left by removed entries carry old orders.
   *
   * @param orderOf - the new order of a slot; must rank entries as their old orders did
   */
  renumber(orderOf: (slot: number) => number): void {
    this.renumberUnder(this.root, orderOf);
    this.refreshSeparators(this.root);
  }

  /** Makes the bounds cover the columns added to the facts since the tree last looked. */
  columnsChanged(): void {
    const columns = this.facts.stride - FACT_COLUMNS;
    if (columns <= this.columnCount) return;
    // Widen every bound record; the new columns are filled in below.
    const stride = BOUND_COLUMNS + columns;
    const positions = this.innerSizes.length * this.innerCapacity;
    const old = this.bounds;
    const oldStride = this.boundStride;
    const bounds = new Float64Array(positions * stride);
    for (let pos = 0; pos < positions; pos += 1) {
      for (let k = 0; k < oldStride; k += 1) bounds[pos * stride + k] = old[pos * oldStride + k] as number;
    }
    this.bounds = bounds;
    this.boundStride = stride;
    this.columnCount = columns;
    this.recomputeUnder(this.root);
  }

  /**
   * Replaces the whole content: sorts the entries, then fills leaves and
   * inner nodes level by level, which is faster than inserting them one by
   * one and leaves every node nearly full.
   *
   * @param slots - the slots, in any order, each once
   * @param keysOf - a slot's key at a level
   * @param orderOf - a slot's registration order
   * @param time - the change time of every entry
   */
  build(slots: ArrayLike<number>, keysOf: (slot: number, level: number) => number, orderOf: (slot: number) => number, time: number): void {
    const count = slots.length;
    const keyCount = this.keyCount;
    const stride = this.entryStride;
    const rawSlots = new Int32Array(count);
    const rawOrders = new Float64Array(count);
    const rawKeys = new Float64Array(count * keyCount);
    let largest = -1;
    for (let k = 0; k < count; k += 1) {
      const slot = slots[k] as number;
      rawSlots[k] = slot;
      rawOrders[k] = orderOf(slot);
      for (let level = 0; level < keyCount; level += 1) rawKeys[k * keyCount + level] = keysOf(slot, level);
      if (slot > largest) largest = slot;
    }
    const sorted = new Int32Array(count);
    for (let k = 0; k < count; k += 1) sorted[k] = k;
    sorted.sort((a, b) => {
      for (let level = 0; level < keyCount; level += 1) {
        const x = rawKeys[a * keyCount + level] as number;
        const y = rawKeys[b * keyCount + level] as number;
        if (x !== y) return x < y ? -1 : 1;
      }
      const x = rawOrders[a] as number;
      const y = rawOrders[b] as number;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const entries: SortedEntries = { slots: new Int32Array(count), records: new Float64Array(count * stride) };
    for (let k = 0; k < count; k += 1) {
      const from = sorted[k] as number;
      const record = k * stride;
      entries.slots[k] = rawSlots[from] as number;
      for (let level = 0; level < keyCount; level += 1) entries.records[record + level] = rawKeys[from * keyCount + level] as number;
      entries.records[record + keyCount] = rawOrders[from] as number;
      entries.records[record + keyCount + 1] = time;
    }
    // Sized as the fleet's arrays are, so that registrations grow them all at the same moments rather than this one at the next.
    this.ensureSlot(Math.max(largest, this.facts.facts.length / this.facts.stride - 1));
    this.forgetSlots(this.root);
    this.load(entries);
  }

  /**
   * Finds the first entry, at or after the query's start in tree order and
   * before its prefix limit, that qualifies: eligible, of an allowed class,
   * with every demanded amount remaining, and accepted.
   *
   * @param query - the start, limit, demands and final predicate
   * @returns the entry's slot, or -1 when none qualifies
   * @throws RangeError when a demanded column is not covered by the bounds (see {@link OrderedTree.columnsChanged})
   */
  first(query: TreeQuery): number {
    if (this.entryCount === 0) return -1;
    for (let d = 0; d < query.demandCount; d += 1) {
      const column = query.demandColumns[d] as number;
      if (!(column >= 0 && column < this.columnCount)) throw new RangeError(`demand column ${column} is not covered by the bounds (call columnsChanged after adding a column)`);
    }
    this.loadTuple(query.fromKeys, Math.min(query.fromKeyCount, this.keyCount), query.fromOrder);
    this.query = query;
    this.allowedBits = query.allowedBits;
    this.demandCount = query.demandCount;
    this.prefixLength = Math.max(0, Math.min(query.prefixLength, this.keyCount));
    try {
      if (this.prefixLength > 0 && !this.startsWithinPrefix()) return -1;
      if (!this.boundsPass(0)) return -1;
      const found = this.searchInner(this.root, true);
      return found >= 0 ? found : -1;
    } finally {
      this.query = NO_QUERY;
    }
  }

  /**
   * Walks, in tree order, the entries strictly before a point that changed
   * after a time, until `visit` says stop.
   *
   * @param untilKeys - the point's `keyCount` keys
   * @param untilOrder - the point's order; Infinity includes every entry with those keys
   * @param since - only entries whose change time is later are visited
   * @param visit - called on each such entry; true stops the walk; must not change this tree
   * @returns the slot on which `visit` returned true, or -1
   */
  changedBefore(untilKeys: ArrayLike<number>, untilOrder: number, since: number, visit: (slot: number) => boolean): number {
    if (this.entryCount === 0 || !((this.bounds[BOUND_TIME] as number) > since)) return -1;
    this.loadTuple(untilKeys, this.keyCount, untilOrder);
    this.since = since;
    this.visit = visit;
    try {
      const found = this.changedInner(this.root);
      return found >= 0 ? found : -1;
    } finally {
      this.visit = NO_VISIT;
    }
  }

  // Changing.

  /** Inserts the tuple as the slot's entry, descending from `from`, a node whose key range holds the tuple. */
  private insertTuple(from: number, slot: number, time: number): void {
    const capacity = this.leafCapacity;
    let leaf = this.leafForInsert(from);
    this.warmLeaf(leaf);
    let at = this.entryAtOrAfter(leaf);
    let size = this.leafSizes[leaf] as number;
    if (size === capacity) {
      // A full leaf fills its stretch, so its end is the stretch's.
      const atEnd = at === (leaf + 1) * capacity && this.isRightmost(leaf);
      const right = this.splitLeaf(leaf, atEnd);
      if (this.compareSeparator(this.positionOfLeaf(right)) <= 0) leaf = right;
      at = this.entryAtOrAfter(leaf);
      size = this.leafSizes[leaf] as number;
    }
    const first = this.leafStarts[leaf] as number;
    const end = first + size;
    if (first > leaf * capacity && (at - first < end - at || end === (leaf + 1) * capacity)) {
      this.shiftEntries(first - 1, first, at);
      this.leafStarts[leaf] = first - 1;
      at -= 1;
    } else {
      this.shiftEntries(at + 1, at, end);
    }
    this.writeEntry(at, slot, time);
    this.leafSizes[leaf] = size + 1;
    this.entryCount += 1;
    this.raise(leaf, slot, time);
  }

  /** Takes an entry out of its leaf, unlinking the leaf if that empties it. */
  private removeEntry(leaf: number, entry: number, slot: number): void {
    const size = (this.leafSizes[leaf] as number) - 1;
    const first = this.leafStarts[leaf] as number;
    if (entry - first < first + size - entry) {
      this.shiftEntries(first + 1, first, entry);
      this.leafStarts[leaf] = first + 1;
    } else {
      this.shiftEntries(entry, entry + 1, first + size + 1);
    }
    this.leafSizes[leaf] = size;
    this.slotEntries[slot] = -1;
    this.entryCount -= 1;
    if (size === 0) {
      const parent = this.leafParents[leaf] as number;
      const index = this.leafIndexes[leaf] as number;
      this.freeLeaf(leaf);
      this.unlinkChild(parent, index);
      this.collapseRoot();
    }
  }

  /** Nodes are never merged, so heavy removal leaves many near-empty ones; a rebuild once they outnumber what the entries need eightfold keeps searches from wading through them. */
  private compactIfSparse(): void {
    if (this.leafLive + this.innerLive > 8 + (8 * this.entryCount) / this.leafCapacity) this.compact();
  }

  // Searching.

  private searchInner(node: number, seek: boolean): number {
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    const holdsLeaves = this.innerHoldsLeaves[node] === 1;
    const passes = this.passes;
    const start = seek ? base + this.childFor(node) : base;
    for (let pos = start; pos < end; pos += 1) {
      if (this.prefixLength > 0 && this.separatorBeyondPrefix(pos)) return STOP;
      if (this.boundsPass(pos)) {
        const child = this.children[pos] as number;
        const found = holdsLeaves ? this.searchLeaf(child, pos === start && seek) : this.searchInner(child, pos === start && seek);
        if (found !== NOT_FOUND) return found;
      }
    }
    // Children before the start were not looked at, and the one at the start only from it on: while any of them still passes, so would the node.
    if (this.passes === passes && !(seek && this.anyChildPasses(base, start + 1))) this.recomputeInner(node);
    return NOT_FOUND;
  }

  private searchLeaf(leaf: number, seek: boolean): number {
    const first = this.leafStarts[leaf] as number;
    const end = first + (this.leafSizes[leaf] as number);
    const query = this.query;
    const facts = this.facts;
    const slots = this.leafSlots;
    const passes = this.passes;
    const start = seek ? this.entryAtOrAfter(leaf) : first;
    for (let entry = start; entry < end; entry += 1) {
      if (this.prefixLength > 0 && this.entryOutsidePrefix(entry)) return STOP;
      const slot = slots[entry] as number;
      if (!passesCheapTests(facts, slot, query)) continue;
      this.passes += 1;
      if (query.accept(slot)) return slot;
    }
    // Tightening cannot prune a leaf whose entries before the start, not looked at, pass.
    if (this.passes === passes && !this.anyEntryPasses(first, start)) this.recomputeLeaf(leaf);
    return NOT_FOUND;
  }

  /** @returns whether any child in positions [from, to) has bounds that pass */
  private anyChildPasses(from: number, to: number): boolean {
    for (let pos = from; pos < to; pos += 1) if (this.boundsPass(pos)) return true;
    return false;
  }

  /** @returns whether any entry in [from, to) passes the cheap tests */
  private anyEntryPasses(from: number, to: number): boolean {
    for (let entry = from; entry < to; entry += 1) if (passesCheapTests(this.facts, this.leafSlots[entry] as number, this.query)) return true;
    return false;
  }

  private boundsPass(pos: number): boolean {
    const bounds = this.bounds;
    const record = pos * this.boundStride;
    if (((bounds[record + BOUND_MASK] as number) & this.allowedBits) === 0) return false;
    const query = this.query;
    for (let d = 0; d < this.demandCount; d += 1) {
      if ((bounds[record + BOUND_COLUMNS + (query.demandColumns[d] as number)] as number) < (query.demandAmounts[d] as number)) return false;
    }
    return true;
  }

  /**
   * Whether the walk from the start can meet an entry inside the prefix.
   * Entries at or after a start inside the prefix never fall below it, so
   * the walk's only limit is the first entry above it; a start below the
   * prefix ends the walk at once unless its first entry is inside.
   */
  private startsWithinPrefix(): boolean {
    const prefix = this.query.prefix;
    for (let level = 0; level < this.prefixLength; level += 1) {
      const start = this.tuple[level] as number;
      const bound = prefix[level] as number;
      if (start > bound) return false;
      if (start < bound) {
        const entry = this.firstAtOrAfter();
        return entry >= 0 && !this.entryOutsidePrefix(entry);
      }
    }
    return true;
  }

  private separatorBeyondPrefix(pos: number): boolean {
    const prefix = this.query.prefix;
    const separators = this.separators;
    const base = pos * this.separatorStride;
    for (let level = 0; level < this.prefixLength; level += 1) {
      const key = separators[base + level] as number;
      const bound = prefix[level] as number;
      if (key < bound) return false;
      if (key > bound) return true;
    }
    return false;
  }

  private entryOutsidePrefix(entry: number): boolean {
    const prefix = this.query.prefix;
    const records = this.leafRecords;
    const base = entry * this.entryStride;
    for (let level = 0; level < this.prefixLength; level += 1) {
      if ((records[base + level] as number) !== (prefix[level] as number)) return true;
    }
    return false;
  }

  private changedInner(node: number): number {
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    const holdsLeaves = this.innerHoldsLeaves[node] === 1;
    const stride = this.boundStride;
    const passes = this.passes;
    for (let pos = base; pos < end; pos += 1) {
      // A separator at or past the end bounds everything from this child on.
      if (this.compareSeparator(pos) >= 0) return STOP;
      if (!((this.bounds[pos * stride + BOUND_TIME] as number) > this.since)) continue;
      const child = this.children[pos] as number;
      const found = holdsLeaves ? this.changedLeaf(child) : this.changedInner(child);
      if (found !== NOT_FOUND) return found;
    }
    if (this.passes === passes) this.recomputeInner(node);
    return NOT_FOUND;
  }

  private changedLeaf(leaf: number): number {
    const base = this.leafStarts[leaf] as number;
    const end = base + (this.leafSizes[leaf] as number);
    const visit = this.visit;
    const stride = this.entryStride;
    const time = this.keyCount + 1;
    const passes = this.passes;
    for (let entry = base; entry < end; entry += 1) {
      if (this.compareEntry(entry) >= 0) return STOP;
      if ((this.leafRecords[entry * stride + time] as number) > this.since) {
        this.passes += 1;
        const slot = this.leafSlots[entry] as number;
        if (visit(slot)) return slot;
      }
    }
    if (this.passes === passes) this.recomputeLeaf(leaf);
    return NOT_FOUND;
  }

  // Bounds.

  /** Raises the bounds from a leaf up to cover one entry's facts and time, stopping where nothing rises: every node's bounds already cover its children's. */
  private raise(leaf: number, slot: number, time: number): void {
    const capacity = this.innerCapacity;
    const stride = this.boundStride;
    const bounds = this.bounds;
    const columnCount = this.columnCount;
    const { facts, stride: factStride } = this.facts;
    const base = slot * factStride;
    const isEligible = facts[base + FACT_ELIGIBLE] === 1;
    const bit = (facts[base + FACT_CLASS_BIT] as number) | 0;
    let parent = this.leafParents[leaf] as number;
    let index = this.leafIndexes[leaf] as number;
    // Once a node's bounds cover the facts, its ancestors' do too; only the time may still rise above it.
    let factsRise = isEligible;
    for (;;) {
      const record = (parent * capacity + index) * stride;
      let raised = false;
      if (time > (bounds[record + BOUND_TIME] as number)) {
        bounds[record + BOUND_TIME] = time;
        raised = true;
      }
      if (factsRise) {
        factsRise = false;
        const mask = (bounds[record + BOUND_MASK] as number) | 0;
        if ((mask | bit) !== mask) {
          bounds[record + BOUND_MASK] = mask | bit;
          factsRise = true;
        }
        for (let column = 0; column < columnCount; column += 1) {
          const value = facts[base + FACT_COLUMNS + column] as number;
          if (value > (bounds[record + BOUND_COLUMNS + column] as number)) {
            bounds[record + BOUND_COLUMNS + column] = value;
            factsRise = true;
          }
        }
        if (factsRise) raised = true;
      }
      if (!raised || parent === HOLDER) return;
      index = this.innerIndexes[parent] as number;
      parent = this.innerParents[parent] as number;
    }
  }

  /** Reads a slot's facts ahead of `raise`, so that in a large fleet their cache misses overlap the work before it rather than follow it. */
  private warmFacts(slot: number): void {
    const { facts, stride } = this.facts;
    const base = slot * stride;
    // One number from each cache line the slot's facts may span.
    this.warmth = (facts[base] as number) + (facts[base + stride - 1] as number);
  }

  /** Reads one number from each cache line of a leaf and its bounds, so that in a large fleet the misses of a binary search, a shift and a raise overlap rather than follow one another. */
  private warmLeaf(leaf: number): void {
    const stride = this.entryStride;
    const first = this.leafStarts[leaf] as number;
    const end = first + (this.leafSizes[leaf] as number);
    const records = this.leafRecords;
    const slots = this.leafSlots;
    let sum = this.bounds[this.positionOfLeaf(leaf) * this.boundStride] as number;
    for (let at = first * stride; at < end * stride; at += 8) sum += records[at] as number;
    for (let at = first; at < end; at += 16) sum += slots[at] as number;
    this.warmth += sum;
  }

  /** Sets a leaf's bounds (in its parent's row) exactly from its entries. */
  private recomputeLeaf(leaf: number): void {
    const record = this.positionOfLeaf(leaf) * this.boundStride;
    const base = this.leafStarts[leaf] as number;
    const end = base + (this.leafSizes[leaf] as number);
    const { facts, stride: factStride } = this.facts;
    const columnCount = this.columnCount;
    const slots = this.leafSlots;
    const records = this.leafRecords;
    const stride = this.entryStride;
    const timeAt = this.keyCount + 1;
    const bounds = this.bounds;
    let mask = 0;
    let time = -Infinity;
    for (let column = 0; column < columnCount; column += 1) bounds[record + BOUND_COLUMNS + column] = -Infinity;
    // Entry by entry, so that each slot's facts are read in one go.
    for (let entry = base; entry < end; entry += 1) {
      const changed = records[entry * stride + timeAt] as number;
      if (changed > time) time = changed;
      const at = (slots[entry] as number) * factStride;
      if (facts[at + FACT_ELIGIBLE] !== 1) continue;
      mask |= facts[at + FACT_CLASS_BIT] as number;
      for (let column = 0; column < columnCount; column += 1) {
        const amount = facts[at + FACT_COLUMNS + column] as number;
        if (amount > (bounds[record + BOUND_COLUMNS + column] as number)) bounds[record + BOUND_COLUMNS + column] = amount;
      }
    }
    bounds[record + BOUND_MASK] = mask;
    bounds[record + BOUND_TIME] = time;
  }

  /** Sets an inner node's bounds (in its parent's row) from its children's. */
  private recomputeInner(node: number): void {
    const stride = this.boundStride;
    const record = this.positionOfInner(node) * stride;
    const first = node * this.innerCapacity * stride;
    const end = first + (this.innerSizes[node] as number) * stride;
    const bounds = this.bounds;
    let mask = 0;
    let time = -Infinity;
    for (let child = first; child < end; child += stride) {
      mask |= bounds[child + BOUND_MASK] as number;
      const changed = bounds[child + BOUND_TIME] as number;
      if (changed > time) time = changed;
    }
    bounds[record + BOUND_MASK] = mask;
    bounds[record + BOUND_TIME] = time;
    for (let column = BOUND_COLUMNS; column < stride; column += 1) {
      let max = -Infinity;
      for (let child = first; child < end; child += stride) {
        const amount = bounds[child + column] as number;
        if (amount > max) max = amount;
      }
      bounds[record + column] = max;
    }
  }

  private recomputeUnder(node: number): void {
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    const holdsLeaves = this.innerHoldsLeaves[node] === 1;
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (holdsLeaves) this.recomputeLeaf(child);
      else this.recomputeUnder(child);
    }
    this.recomputeInner(node);
  }

  // Comparing against the tuple.

  /** Sets the point that comparisons measure against; levels past `given` count as -Infinity. */
  private loadTuple(keys: ArrayLike<number>, given: number, order: number): void {
    const keyCount = this.keyCount;
    for (let level = 0; level < keyCount; level += 1) this.tuple[level] = level < given ? (keys[level] as number) : -Infinity;
    this.tuple[keyCount] = order;
  }

  /** @returns negative, 0 or positive as the entry comes before, at or after the tuple */
  private compareEntry(entry: number): number {
    return this.compareRecord(this.leafRecords, entry * this.entryStride, 0);
  }

  /** @returns negative, 0 or positive as the separator comes before, at or after the tuple */
  private compareSeparator(pos: number): number {
    return this.compareRecord(this.separators, pos * this.separatorStride, 0);
  }

  /** @returns negative, 0 or positive as the keys and order starting at `base` come before, at or after the tuple, given that they tie on the fields before `from` */
  private compareRecord(records: Float64Array, base: number, from: number): number {
    const tuple = this.tuple;
    const width = tuple.length;
    for (let k = from; k < width; k += 1) {
      const value = records[base + k] as number;
      const point = tuple[k] as number;
      if (value < point) return -1;
      if (value > point) return 1;
    }
    return 0;
  }

  /** @returns the index of the last child whose separator is at or before the tuple, 0 when none is */
  private childFor(node: number): number {
    const base = node * this.innerCapacity;
    const separators = this.separators;
    const stride = this.separatorStride;
    // Most separators differ from the tuple in their first key (or order), which is compared here.
    const first = this.tuple[0] as number;
    let low = 0;
    let high = this.innerSizes[node] as number;
    while (low < high) {
      const middle = (low + high) >> 1;
      const record = (base + middle) * stride;
      const value = separators[record] as number;
      if (value < first || (value === first && this.compareRecord(separators, record, 1) <= 0)) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? low - 1 : 0;
  }

  /** @returns the index of the first entry of the leaf at or after the tuple (the leaf's end when none is) */
  private entryAtOrAfter(leaf: number): number {
    const records = this.leafRecords;
    const stride = this.entryStride;
    const first = this.tuple[0] as number;
    let low = this.leafStarts[leaf] as number;
    let high = low + (this.leafSizes[leaf] as number);
    while (low < high) {
      const middle = (low + high) >> 1;
      const record = middle * stride;
      const value = records[record] as number;
      if (value < first || (value === first && this.compareRecord(records, record, 1) < 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** @returns the index of the first entry of the tree at or after the tuple, -1 when none is */
  private firstAtOrAfter(): number {
    let node = this.root;
    while (this.innerSizes[node] !== 0) {
      const child = this.children[node * this.innerCapacity + this.childFor(node)] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        node = child;
        continue;
      }
      const entry = this.entryAtOrAfter(child);
      if (entry < (this.leafStarts[child] as number) + (this.leafSizes[child] as number)) return entry;
      const next = this.nextLeaf(child);
      return next < 0 ? -1 : (this.leafStarts[next] as number);
    }
    return -1;
  }

  private nextLeaf(leaf: number): number {
    let parent = this.leafParents[leaf] as number;
    let index = this.leafIndexes[leaf] as number;
    let holdsLeaves = true;
    while (parent !== HOLDER) {
      if (index + 1 < (this.innerSizes[parent] as number)) {
        let node = this.children[parent * this.innerCapacity + index + 1] as number;
        while (!holdsLeaves) {
          holdsLeaves = this.innerHoldsLeaves[node] === 1;
          node = this.children[node * this.innerCapacity] as number;
        }
        return node;
      }
      index = this.innerIndexes[parent] as number;
      parent = this.innerParents[parent] as number;
      holdsLeaves = false;
    }
    return -1;
  }

  /**
   * Where the tuple, an entry's new keys, belongs. A node's key range runs
   * from its separator (in its parent's row) to the next separator right of
   * it at any level above; inserting inside the range keeps the entries in
   * order and every separator a lower bound of its subtree, so the descent
   * can start there instead of at the root.
   *
   * @returns STAYS when the tuple lies between the entry's neighbours (the
   * leaf's range standing in for a missing one), IN_LEAF when it lies
   * elsewhere in the leaf's range, else the lowest inner node whose range
   * holds it
   */
  private placeFor(leaf: number, entry: number): number {
    const capacity = this.innerCapacity;
    const base = this.leafStarts[leaf] as number;
    const last = base + (this.leafSizes[leaf] as number) - 1;
    // 1: between the entry's neighbours; 0: elsewhere in the leaf's range; -1: outside it.
    let low: number;
    if (entry > base && this.compareEntry(entry - 1) < 0) low = 1;
    else low = this.compareSeparator(this.positionOfLeaf(leaf)) > 0 ? -1 : entry === base ? 1 : 0;
    // Below the leaf's range, the tuple is below its upper bound too.
    let high = 1;
    if (low >= 0 && !(entry < last && this.compareEntry(entry + 1) > 0)) {
      high = entry === last ? 1 : 0;
      let parent = this.leafParents[leaf] as number;
      let index = this.leafIndexes[leaf] as number;
      while (parent !== HOLDER) {
        if (index + 1 < (this.innerSizes[parent] as number)) {
          if (this.compareSeparator(parent * capacity + index + 1) <= 0) high = -1;
          break;
        }
        index = this.innerIndexes[parent] as number;
        parent = this.innerParents[parent] as number;
      }
    }
    if (low === 1 && high === 1) return STAYS;
    if (low >= 0 && high >= 0) return IN_LEAF;
    // The tuple lies on one side of the leaf's range only, so only that side's bound needs climbing for.
    let node = this.leafParents[leaf] as number;
    while (node !== this.root) {
      const parent = this.innerParents[node] as number;
      const pos = parent * capacity + (this.innerIndexes[node] as number);
      if (low < 0 ? this.compareSeparator(pos) <= 0 : pos + 1 < parent * capacity + (this.innerSizes[parent] as number) && this.compareSeparator(pos + 1) > 0) return node;
      node = parent;
    }
    return node;
  }

  // Structure.

  /** Descends from `node` to the leaf that should hold the tuple, lowering first-child separators it falls below so they stay lower bounds. */
  private leafForInsert(node: number): number {
    const capacity = this.innerCapacity;
    for (;;) {
      const base = node * capacity;
      if (this.innerSizes[node] === 0) {
        // Only the root is ever empty.
        const leaf = this.allocLeaf();
        this.innerSizes[node] = 1;
        this.setChild(node, 0, leaf);
        this.writeSeparator(base);
        this.recomputeLeaf(leaf);
        return leaf;
      }
      const index = this.childFor(node);
      if (index === 0 && this.compareSeparator(base) > 0) this.writeSeparator(base);
      const child = this.children[base + index] as number;
      if (this.innerHoldsLeaves[node] === 1) return child;
      node = child;
    }
  }

  /** Whether the leaf is the last of the tree: a full one there splits unevenly, so appending in order fills leaves instead of leaving them half empty. */
  private isRightmost(leaf: number): boolean {
    let parent = this.leafParents[leaf] as number;
    let index = this.leafIndexes[leaf] as number;
    while (parent !== HOLDER) {
      if (index + 1 < (this.innerSizes[parent] as number)) return false;
      index = this.innerIndexes[parent] as number;
      parent = this.innerParents[parent] as number;
    }
    return true;
  }

  /** Splits a full leaf, returning the new leaf on its right, which is linked after it with its first entry as separator. */
  private splitLeaf(leaf: number, atEnd: boolean): number {
    const capacity = this.leafCapacity;
    if (this.innerSizes[this.leafParents[leaf] as number] === this.innerCapacity) this.splitInner(this.leafParents[leaf] as number, atEnd);
    const parent = this.leafParents[leaf] as number;
    const right = this.allocLeaf();
    const keep = atEnd ? capacity - 1 : capacity >> 1;
    const base = leaf * capacity;
    // Appends in order fill the new leaf from the start of its stretch; otherwise it gets room on both sides.
    const start = right * capacity + (atEnd ? 0 : keep >> 1);
    this.shiftEntries(start, base + keep, base + capacity);
    this.leafStarts[right] = start;
    this.leafSizes[leaf] = keep;
    this.leafSizes[right] = capacity - keep;
    const index = (this.leafIndexes[leaf] as number) + 1;
    this.openChild(parent, index);
    this.setChild(parent, index, right);
    this.copyEntryToSeparator(start, parent * this.innerCapacity + index);
    // The whole's bounds still cover each half; recomputing them would read every entry's facts, and a search that finds them too high tightens them.
    this.copyBounds(parent * this.innerCapacity + index - 1, parent * this.innerCapacity + index);
    return right;
  }

  /** Splits a full inner node, linking the new node on its right after it; a full root gets a new root above it first. */
  private splitInner(node: number, atEnd: boolean): void {
    const capacity = this.innerCapacity;
    if (node === this.root) {
      const top = this.allocInner();
      this.innerHoldsLeaves[top] = 0;
      this.innerSizes[top] = 1;
      this.setChild(top, 0, node);
      this.copySeparator(node * capacity, top * capacity);
      this.copyBounds(0, top * capacity);
      this.attachRoot(top);
    } else if (this.innerSizes[this.innerParents[node] as number] === capacity) {
      this.splitInner(this.innerParents[node] as number, atEnd);
    }
    const parent = this.innerParents[node] as number;
    const right = this.allocInner();
    const keep = atEnd ? capacity - 1 : capacity >> 1;
    const base = node * capacity;
    this.innerHoldsLeaves[right] = this.innerHoldsLeaves[node] as number;
    this.moveChildren(right * capacity, base + keep, base + capacity);
    this.innerSizes[node] = keep;
    this.innerSizes[right] = capacity - keep;
    this.adopt(right, 0);
    const index = (this.innerIndexes[node] as number) + 1;
    this.openChild(parent, index);
    this.setChild(parent, index, right);
    this.copySeparator(right * capacity, parent * capacity + index);
    this.copyBounds(parent * capacity + index - 1, parent * capacity + index);
  }

  /** Makes room for a child at `index`, shifting the later ones right. */
  private openChild(node: number, index: number): void {
    const base = node * this.innerCapacity;
    const size = this.innerSizes[node] as number;
    this.moveChildren(base + index + 1, base + index, base + size);
    this.innerSizes[node] = size + 1;
    this.adopt(node, index + 1);
  }

  /** Removes the child at `index`; an inner node left empty is unlinked in turn, except the root. */
  private unlinkChild(node: number, index: number): void {
    const base = node * this.innerCapacity;
    const size = (this.innerSizes[node] as number) - 1;
    this.moveChildren(base + index, base + index + 1, base + size + 1);
    this.innerSizes[node] = size;
    this.adopt(node, index);
    if (size > 0) return;
    if (node === this.root) {
      this.innerHoldsLeaves[node] = 1;
      this.recomputeInner(node);
      return;
    }
    const parent = this.innerParents[node] as number;
    const at = this.innerIndexes[node] as number;
    this.freeInner(node);
    this.unlinkChild(parent, at);
  }

  /** A root with a single inner child gives way to it, so that removals do not leave a tall, thin tree. */
  private collapseRoot(): void {
    while (this.innerSizes[this.root] === 1 && this.innerHoldsLeaves[this.root] === 0) {
      const old = this.root;
      const child = this.children[old * this.innerCapacity] as number;
      this.copyBounds(old * this.innerCapacity, 0);
      this.attachRoot(child);
      this.freeInner(old);
    }
  }

  /** Tells the children from `from` on who their parent is and where they sit. */
  private adopt(node: number, from: number): void {
    const base = node * this.innerCapacity;
    const size = this.innerSizes[node] as number;
    const parents = this.innerHoldsLeaves[node] === 1 ? this.leafParents : this.innerParents;
    const indexes = this.innerHoldsLeaves[node] === 1 ? this.leafIndexes : this.innerIndexes;
    for (let index = from; index < size; index += 1) {
      const child = this.children[base + index] as number;
      parents[child] = node;
      indexes[child] = index;
    }
  }

  private setChild(node: number, index: number, child: number): void {
    this.children[node * this.innerCapacity + index] = child;
    if (this.innerHoldsLeaves[node] === 1) {
      this.leafParents[child] = node;
      this.leafIndexes[child] = index;
    } else {
      this.innerParents[child] = node;
      this.innerIndexes[child] = index;
    }
  }

  private attachRoot(node: number): void {
    this.root = node;
    this.innerParents[node] = HOLDER;
    this.innerIndexes[node] = 0;
    this.children[0] = node;
    this.innerSizes[HOLDER] = 1;
  }

  private positionOfLeaf(leaf: number): number {
    return (this.leafParents[leaf] as number) * this.innerCapacity + (this.leafIndexes[leaf] as number);
  }

  private positionOfInner(node: number): number {
    return (this.innerParents[node] as number) * this.innerCapacity + (this.innerIndexes[node] as number);
  }

  private entryOf(slot: number): number {
    const entry = this.slotEntries[slot] ?? -1;
    if (entry < 0) throw new Error(`slot ${slot} is not in the tree`);
    return entry;
  }

  private leafOfEntry(entry: number): number {
    return (entry / this.leafCapacity) | 0;
  }

  // Records.

  /** Writes the tuple as an entry's record. */
  private writeEntry(entry: number, slot: number, time: number): void {
    const keyCount = this.keyCount;
    const records = this.leafRecords;
    const record = entry * this.entryStride;
    this.leafSlots[entry] = slot;
    this.slotEntries[slot] = entry;
    for (let k = 0; k <= keyCount; k += 1) records[record + k] = this.tuple[k] as number;
    records[record + keyCount + 1] = time;
  }

  private writeSeparator(pos: number): void {
    const stride = this.separatorStride;
    const base = pos * stride;
    for (let k = 0; k < stride; k += 1) this.separators[base + k] = this.tuple[k] as number;
  }

  private copyEntryToSeparator(entry: number, pos: number): void {
    const stride = this.separatorStride;
    const from = entry * this.entryStride;
    const to = pos * stride;
    for (let k = 0; k < stride; k += 1) this.separators[to + k] = this.leafRecords[from + k] as number;
  }

  private copySeparator(from: number, to: number): void {
    const stride = this.separatorStride;
    for (let k = 0; k < stride; k += 1) this.separators[to * stride + k] = this.separators[from * stride + k] as number;
  }

  private copyBounds(from: number, to: number): void {
    const stride = this.boundStride;
    for (let k = 0; k < stride; k += 1) this.bounds[to * stride + k] = this.bounds[from * stride + k] as number;
  }

  /** Moves entries [start, end) to `target`, within a leaf or to another, telling their slots where they went. */
  private shiftEntries(target: number, start: number, end: number): void {
    if (start >= end) return;
    const stride = this.entryStride;
    const slots = this.leafSlots;
    const slotEntries = this.slotEntries;
    const count = end - start;
    if (target < start) {
      for (let k = 0; k < count; k += 1) {
        const slot = slots[start + k] as number;
        slots[target + k] = slot;
        slotEntries[slot] = target + k;
      }
    } else {
      for (let k = count - 1; k >= 0; k -= 1) {
        const slot = slots[start + k] as number;
        slots[target + k] = slot;
        slotEntries[slot] = target + k;
      }
    }
    copyNumbers(this.leafRecords, target * stride, start * stride, end * stride);
  }

  /** Moves child records (child, separator, bounds) [start, end) to `target`. */
  private moveChildren(target: number, start: number, end: number): void {
    if (start >= end) return;
    const separatorStride = this.separatorStride;
    const boundStride = this.boundStride;
    copyInts(this.children, target, start, end);
    copyNumbers(this.separators, target * separatorStride, start * separatorStride, end * separatorStride);
    copyNumbers(this.bounds, target * boundStride, start * boundStride, end * boundStride);
  }

  // Whole-tree passes.

  private renumberUnder(node: number, orderOf: (slot: number) => number): void {
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    const stride = this.entryStride;
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        this.renumberUnder(child, orderOf);
        continue;
      }
      const first = this.leafStarts[child] as number;
      const last = first + (this.leafSizes[child] as number);
      for (let entry = first; entry < last; entry += 1) this.leafRecords[entry * stride + this.keyCount] = orderOf(this.leafSlots[entry] as number);
    }
  }

  /** Sets every separator to its child's smallest entry. */
  private refreshSeparators(node: number): void {
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 1) {
        this.copyEntryToSeparator(this.leafStarts[child] as number, pos);
      } else {
        this.refreshSeparators(child);
        this.copySeparator(child * this.innerCapacity, pos);
      }
    }
  }

  private forgetSlots(node: number): void {
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        this.forgetSlots(child);
        continue;
      }
      const first = this.leafStarts[child] as number;
      const last = first + (this.leafSizes[child] as number);
      for (let entry = first; entry < last; entry += 1) this.slotEntries[this.leafSlots[entry] as number] = -1;
    }
  }

  /** Rebuilds the tree from its own entries, keeping their change times. */
  private compact(): void {
    const count = this.entryCount;
    const entries: SortedEntries = { slots: new Int32Array(count), records: new Float64Array(count * this.entryStride) };
    this.collect(this.root, entries, 0);
    this.load(entries);
  }

  private collect(node: number, entries: SortedEntries, at: number): number {
    const stride = this.entryStride;
    const base = node * this.innerCapacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        at = this.collect(child, entries, at);
        continue;
      }
      const first = this.leafStarts[child] as number;
      const last = first + (this.leafSizes[child] as number);
      entries.slots.set(this.leafSlots.subarray(first, last), at);
      entries.records.set(this.leafRecords.subarray(first * stride, last * stride), at * stride);
      at += last - first;
    }
    return at;
  }

  /** Replaces the content with sorted entries, filling nodes level by level from the leaves up. */
  private load(entries: SortedEntries): void {
    const leafCapacity = this.leafCapacity;
    const innerCapacity = this.innerCapacity;
    const stride = this.entryStride;
    const separatorStride = this.separatorStride;
    const count = entries.slots.length;
    const leafFill = Math.max(2, leafCapacity - ((leafCapacity * FREE_EIGHTHS) >> 3));
    const innerFill = Math.max(2, innerCapacity - ((innerCapacity * FREE_EIGHTHS) >> 3));
    this.clearNodes();
    let nodes = count === 0 ? 0 : Math.ceil(count / leafFill);
    let ids = new Int32Array(nodes);
    // The sorted index of each node's smallest entry, which becomes its separator.
    let smallest = new Int32Array(nodes);
    for (let k = 0; k < nodes; k += 1) {
      const from = Math.floor((k * count) / nodes);
      const to = Math.floor(((k + 1) * count) / nodes);
      const leaf = this.allocLeaf();
      // Centred, so that the free room is shared by both ends.
      const base = leaf * leafCapacity + ((leafCapacity - to + from) >> 1);
      this.leafStarts[leaf] = base;
      this.leafSlots.set(entries.slots.subarray(from, to), base);
      this.leafRecords.set(entries.records.subarray(from * stride, to * stride), base * stride);
      this.leafSizes[leaf] = to - from;
      for (let entry = from; entry < to; entry += 1) this.slotEntries[entries.slots[entry] as number] = base + entry - from;
      ids[k] = leaf;
      smallest[k] = from;
    }
    this.entryCount = count;
    let holdsLeaves = true;
    while (holdsLeaves || nodes > 1) {
      const parents = Math.max(1, Math.ceil(nodes / innerFill));
      const parentIds = new Int32Array(parents);
      const parentSmallest = new Int32Array(parents);
      for (let p = 0; p < parents; p += 1) {
        const from = Math.floor((p * nodes) / parents);
        const to = Math.floor(((p + 1) * nodes) / parents);
        const node = this.allocInner();
        this.innerHoldsLeaves[node] = holdsLeaves ? 1 : 0;
        this.innerSizes[node] = to - from;
        for (let k = from; k < to; k += 1) {
          const child = ids[k] as number;
          const pos = node * innerCapacity + k - from;
          this.setChild(node, k - from, child);
          const entry = smallest[k] as number;
          this.separators.set(entries.records.subarray(entry * stride, entry * stride + separatorStride), pos * separatorStride);
          if (holdsLeaves) this.recomputeLeaf(child);
          else this.recomputeInner(child);
        }
        parentIds[p] = node;
        parentSmallest[p] = from < to ? (smallest[from] as number) : 0;
      }
      ids = parentIds;
      smallest = parentSmallest;
      nodes = parents;
      holdsLeaves = false;
    }
    this.attachRoot(ids[0] as number);
    this.recomputeInner(this.root);
  }

  // Node pools.

  /** Forgets every node; node 0 stays reserved as the holder. The slots' leaves are left to the caller: clearing the whole table would cost the fleet's size, not the tree's. */
  private clearNodes(): void {
    this.leafUsed = 0;
    this.leafFreeCount = 0;
    this.leafLive = 0;
    this.innerUsed = 1;
    this.innerFreeCount = 0;
    this.innerLive = 0;
    this.entryCount = 0;
    // The holder's separator is below everything, so that the root's range is the whole key space.
    this.separators.fill(-Infinity, 0, this.separatorStride);
  }

  private allocLeaf(): number {
    let leaf: number;
    if (this.leafFreeCount > 0) {
      this.leafFreeCount -= 1;
      leaf = this.leafFree[this.leafFreeCount] as number;
    } else {
      if (this.leafUsed === this.leafSizes.length) this.growLeaves(this.leafUsed * 2);
      leaf = this.leafUsed;
      this.leafUsed += 1;
    }
    this.leafStarts[leaf] = leaf * this.leafCapacity;
    this.leafSizes[leaf] = 0;
    this.leafLive += 1;
    return leaf;
  }

  private freeLeaf(leaf: number): void {
    this.leafFree[this.leafFreeCount] = leaf;
    this.leafFreeCount += 1;
    this.leafLive -= 1;
  }

  private allocInner(): number {
    let node: number;
    if (this.innerFreeCount > 0) {
      this.innerFreeCount -= 1;
      node = this.innerFree[this.innerFreeCount] as number;
    } else {
      if (this.innerUsed === this.innerSizes.length) this.growInner(this.innerUsed * 2);
      node = this.innerUsed;
      this.innerUsed += 1;
    }
    this.innerSizes[node] = 0;
    this.innerLive += 1;
    return node;
  }

  private freeInner(node: number): void {
    this.innerFree[this.innerFreeCount] = node;
    this.innerFreeCount += 1;
    this.innerLive -= 1;
  }

  private growLeaves(leaves: number): void {
    const entries = leaves * this.leafCapacity;
    this.leafSlots = resized(this.leafSlots, new Int32Array(entries));
    this.leafRecords = resized(this.leafRecords, new Float64Array(entries * this.entryStride));
    this.leafStarts = resized(this.leafStarts, new Int32Array(leaves));
    this.leafSizes = resized(this.leafSizes, new Int32Array(leaves));
    this.leafParents = resized(this.leafParents, new Int32Array(leaves));
    this.leafIndexes = resized(this.leafIndexes, new Int32Array(leaves));
    this.leafFree = resized(this.leafFree, new Int32Array(leaves));
  }

  private growInner(nodes: number): void {
    const positions = nodes * this.innerCapacity;
    this.children = resized(this.children, new Int32Array(positions));
    this.separators = resized(this.separators, new Float64Array(positions * this.separatorStride));
    this.bounds = resized(this.bounds, new Float64Array(positions * this.boundStride));
    this.innerSizes = resized(this.innerSizes, new Int32Array(nodes));
    this.innerParents = resized(this.innerParents, new Int32Array(nodes));
    this.innerIndexes = resized(this.innerIndexes, new Int32Array(nodes));
    this.innerHoldsLeaves = resized(this.innerHoldsLeaves, new Uint8Array(nodes));
    this.innerFree = resized(this.innerFree, new Int32Array(nodes));
  }

  private ensureSlot(slot: number): void {
    const length = this.slotEntries.length;
    if (slot < length) return;
    const grown = new Int32Array(Math.max(slot + 1, length * 2, 16)).fill(-1);
    grown.set(this.slotEntries);
    this.slotEntries = grown;
  }
}

/** @returns `into`, holding `from`'s values at its start */
function resized<T extends Int32Array | Float64Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}

/** Moves `array[start, end)` to `target`, as `copyWithin` does; short ranges, the common case, by a loop. One function per array type keeps each loop monomorphic. */
function copyNumbers(array: Float64Array, target: number, start: number, end: number): void {
  const count = end - start;
  if (count > COPY_LOOP_LIMIT) {
    array.copyWithin(target, start, end);
  } else if (target < start) {
    for (let k = 0; k < count; k += 1) array[target + k] = array[start + k] as number;
  } else {
    for (let k = count - 1; k >= 0; k -= 1) array[target + k] = array[start + k] as number;
  }
}

/** As {@link copyNumbers}, for 32-bit integers. */
function copyInts(array: Int32Array, target: number, start: number, end: number): void {
  const count = end - start;
  if (count > COPY_LOOP_LIMIT) {
    array.copyWithin(target, start, end);
  } else if (target < start) {
    for (let k = 0; k < count; k += 1) array[target + k] = array[start + k] as number;
  } else {
    for (let k = count - 1; k >= 0; k -= 1) array[target + k] = array[start + k] as number;
  }
}
