/**
 * An ordered set of instances that finds the first one, at or after a point
 * in key order, that can take a task, stepping over whole runs of instances
 * that cannot: the index behind the fast placement engine.
 *
 * @remarks
 * Layout. A B+tree in typed arrays (struct of arrays, nodes are indexes), so
 * that a fleet of a million instances is a few dozen large arrays rather than
 * millions of objects for the collector to trace, and so that searching reads
 * contiguous memory. Leaves hold up to `nodeCapacity` entries sorted by
 * (keys, order). Inner nodes hold up to `nodeCapacity` children and, in the
 * same row, each child's separator and bounds, so that scanning the children
 * of one node reads one stretch of each array. Inner node 0 is never part of
 * the tree: the root hangs from it at position 0, so that the root's bounds
 * live where every other node's do, in its parent's row.
 *
 * Bounds are upper bounds of what a subtree holds: per resource column the
 * largest remaining amount among its eligible entries, the OR of their class
 * bits, and the latest change time among all its entries. Updates only raise
 * them (a path from a leaf to the root, stopping where nothing rises), so a
 * removal or a lowered value leaves them too high. That is still correct for
 * pruning, and a search that enters a subtree on the strength of its bounds
 * and finds nothing there that passes the cheap tests recomputes that
 * subtree's bounds from its children before leaving, so the next search
 * prunes it. A subtree whose entries pass the cheap tests but are turned
 * down by `accept` is left as it is: its bounds are met, and tightening them
 * would not prune it. Separators may likewise be stale-low after removals: they stay
 * lower bounds of their child's smallest entry and above the previous child's
 * largest, which is all that descending needs.
 *
 * Empty nodes are unlinked and nodes are never merged. When the tree holds
 * far more nodes than its entries need, it is rebuilt bottom-up from its own
 * leaves, in order; that costs O(n) and needs Ω(n) removals (or splits) since
 * the last rebuild, so it is O(1) amortised.
 *
 * Costs, with n entries, capacity C, depth d (about log base C/2 of n), m
 * resource columns:
 * - `touch`: O(C + d·m): a scan of the entry's leaf, then a raise up the path.
 * - `insert`: O(d·log C + C + d·m), plus O(C·(m + keyCount)) per node split.
 * - `remove`: O(C + d), plus the amortised rebuild.
 * - `move`: as `touch` when the new keys keep the entry between its
 *   neighbours; otherwise a `remove` and an `insert`.
 * - `first` and `changedBefore`: O(d·log C) to reach the start, then O(C)
 *   per node visited, plus O(C·m) to tighten a node visited for nothing. In
 *   the worst case every node is visited, O(n·m): when bounds pass
 *   everywhere yet no entry qualifies (each column's maximum held by a
 *   different instance, or `accept` rejecting everything). Stale bounds add
 *   at most one fruitless visit per node per lowering, since that visit
 *   tightens it.
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
const DEFAULT_CAPACITY = 64;
/** Inner nodes and leaves filled by a rebuild keep an eighth free, so that the inserts that follow do not split every node at once. */
const FREE_EIGHTHS = 1;

/** What an ordered tree reads about each instance, by slot, to bound its subtrees. */
export interface SlotFacts {
  /** Remaining amount of each resource column (0 = cpu, 1 = memory, ...), by slot. The arrays may be replaced by larger ones when the fleet grows, and columns may be added: always read them through this object. */
  readonly columns: readonly Float64Array[];
  /** 1 when the instance can take tasks at all, 0 when not; by slot. An entry whose slot is not eligible never qualifies and contributes nothing to bounds. */
  readonly eligible: Uint8Array;
  /** The class bit of each slot: a 32-bit integer with one bit set; by slot. */
  readonly classBits: Int32Array;
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
  readonly orders: Float64Array;
  /** `keyCount` keys per entry, side by side. */
  readonly keys: Float64Array;
  readonly times: Float64Array;
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
  private readonly capacity: number;
  private entryCount = 0;
  /** Resource columns covered by the bounds. */
  private columnCount: number;
  private root = 0;

  // Leaves: entry records at leaf x capacity + index.
  private leafSlots = new Int32Array(0);
  private leafOrders = new Float64Array(0);
  private leafKeys = new Float64Array(0);
  private leafTimes = new Float64Array(0);
  private leafSizes = new Int32Array(0);
  private leafParents = new Int32Array(0);
  private leafIndexes = new Int32Array(0);
  private leafFree = new Int32Array(0);
  private leafFreeCount = 0;
  private leafUsed = 0;
  private leafLive = 0;

  // Inner nodes: per child at node x capacity + index.
  private children = new Int32Array(0);
  private separatorOrders = new Float64Array(0);
  private separatorKeys = new Float64Array(0);
  private boundColumns: Float64Array[] = [];
  private boundMasks = new Int32Array(0);
  private boundTimes = new Float64Array(0);
  private innerSizes = new Int32Array(0);
  private innerParents = new Int32Array(0);
  private innerIndexes = new Int32Array(0);
  /** 1 when the node's children are leaves. */
  private innerHoldsLeaves = new Uint8Array(0);
  private innerFree = new Int32Array(0);
  private innerFreeCount = 0;
  private innerUsed = 1;
  private innerLive = 0;

  /** The leaf holding each slot, -1 when the slot is not in the tree: entries are found without a search from the root. */
  private slotLeaves = new Int32Array(0);

  // The point that comparisons measure against, and the running search.
  private readonly tuple: Float64Array;
  private tupleOrder = 0;
  private query: TreeQuery = NO_QUERY;
  private allowedBits = 0;
  private demandCount = 0;
  private prefixLength = 0;
  private since = 0;
  private visit: (slot: number) => boolean = NO_VISIT;
  /** Entries a search has found worth asking about (passing the cheap tests, or changed); a subtree whose visit leaves this unchanged was entered on bounds that are too high, and has them tightened. */
  private passes = 0;

  /**
   * @param keyCount - keys per entry (0 orders entries by registration order alone)
   * @param facts - the per-slot facts that bounds cover
   * @param options - `nodeCapacity`: entries per leaf and children per inner node (default 64; small values make deep trees for tests)
   */
  constructor(keyCount: number, facts: SlotFacts, options: { nodeCapacity?: number } = {}) {
    const capacity = options.nodeCapacity ?? DEFAULT_CAPACITY;
    if (!Number.isInteger(keyCount) || keyCount < 0) throw new RangeError(`keyCount must be a non-negative integer, got ${keyCount}`);
    if (!Number.isInteger(capacity) || capacity < 2) throw new RangeError(`nodeCapacity must be an integer of at least 2, got ${capacity}`);
    this.keyCount = keyCount;
    this.facts = facts;
    this.capacity = capacity;
    this.tuple = new Float64Array(keyCount);
    this.columnCount = facts.columns.length;
    for (let column = 0; column < this.columnCount; column += 1) this.boundColumns.push(new Float64Array(0));
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
    return (this.slotLeaves[slot] ?? -1) >= 0;
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
    let leaf = this.leafForInsert();
    let at = this.entryAtOrAfter(leaf);
    if ((this.leafSizes[leaf] as number) === this.capacity) {
      const atEnd = at === leaf * this.capacity + this.capacity && this.isRightmost(leaf);
      const right = this.splitLeaf(leaf, atEnd);
      if (this.compareSeparator(this.positionOfLeaf(right)) <= 0) leaf = right;
      at = this.entryAtOrAfter(leaf);
    }
    const end = leaf * this.capacity + (this.leafSizes[leaf] as number);
    this.moveEntries(at + 1, at, end);
    this.writeEntry(at, slot, order, time);
    this.leafSizes[leaf] = (this.leafSizes[leaf] as number) + 1;
    this.slotLeaves[slot] = leaf;
    this.entryCount += 1;
    this.raise(leaf, slot, time);
  }

  /**
   * Takes an entry out. Bounds are left as they are: still upper bounds.
   *
   * @param slot - a slot in the tree
   */
  remove(slot: number): void {
    const leaf = this.leafOf(slot);
    const entry = this.entryOf(leaf, slot);
    this.moveEntries(entry, entry + 1, leaf * this.capacity + (this.leafSizes[leaf] as number));
    this.leafSizes[leaf] = (this.leafSizes[leaf] as number) - 1;
    this.slotLeaves[slot] = -1;
    this.entryCount -= 1;
    if (this.leafSizes[leaf] === 0) {
      const parent = this.leafParents[leaf] as number;
      const index = this.leafIndexes[leaf] as number;
      this.freeLeaf(leaf);
      this.unlinkChild(parent, index);
      this.collapseRoot();
    }
    // Nodes are never merged, so heavy removal leaves many near-empty ones;
    // a rebuild once they outnumber what the entries need eightfold keeps
    // searches from wading through them.
    if (this.leafLive + this.innerLive > 8 + (8 * this.entryCount) / this.capacity) this.compact();
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
    const leaf = this.leafOf(slot);
    const entry = this.entryOf(leaf, slot);
    const order = this.leafOrders[entry] as number;
    this.loadTuple(keys, this.keyCount, order);
    if (this.staysAt(leaf, entry)) {
      this.leafKeys.set(this.tuple, entry * this.keyCount);
      this.leafTimes[entry] = time;
      this.raise(leaf, slot, time);
      return;
    }
    this.remove(slot);
    this.insert(slot, keys, order, time);
  }

  /**
   * Marks an entry changed after its facts (columns, eligibility, class bit)
   * changed, raising the bounds above it to cover them.
   *
   * @param slot - a slot in the tree
   * @param time - its change time
   */
  touch(slot: number, time: number): void {
    const leaf = this.leafOf(slot);
    this.leafTimes[this.entryOf(leaf, slot)] = time;
    this.raise(leaf, slot, time);
  }

  /**
   * @param slot - a slot in the tree
   * @param level - from 0 to `keyCount - 1`
   * @returns the entry's key at that level, as stored
   */
  keyOf(slot: number, level: number): number {
    const leaf = this.leafOf(slot);
    return this.leafKeys[this.entryOf(leaf, slot) * this.keyCount + level] as number;
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

  /** Makes the bounds cover the columns added to `facts.columns` since the tree last looked. */
  columnsChanged(): void {
    const columns = this.facts.columns.length;
    if (columns <= this.columnCount) return;
    const length = this.innerSizes.length * this.capacity;
    while (this.boundColumns.length < columns) this.boundColumns.push(new Float64Array(length));
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
    const entries: SortedEntries = { slots: new Int32Array(count), orders: new Float64Array(count), keys: new Float64Array(count * keyCount), times: new Float64Array(count).fill(time) };
    for (let k = 0; k < count; k += 1) {
      const from = sorted[k] as number;
      entries.slots[k] = rawSlots[from] as number;
      entries.orders[k] = rawOrders[from] as number;
      entries.keys.set(rawKeys.subarray(from * keyCount, from * keyCount + keyCount), k * keyCount);
    }
    if (largest >= 0) this.ensureSlot(largest);
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
    if (this.entryCount === 0 || !((this.boundTimes[0] as number) > since)) return -1;
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

  // Searching.

  private searchInner(node: number, seek: boolean): number {
    const capacity = this.capacity;
    const base = node * capacity;
    const end = base + (this.innerSizes[node] as number);
    const holdsLeaves = this.innerHoldsLeaves[node] === 1;
    const passes = this.passes;
    let pos = seek ? base + this.childFor(node) : base;
    for (; pos < end; pos += 1) {
      if (this.prefixLength > 0 && this.separatorBeyondPrefix(pos)) return STOP;
      if (this.boundsPass(pos)) {
        const child = this.children[pos] as number;
        const found = holdsLeaves ? this.searchLeaf(child, seek) : this.searchInner(child, seek);
        if (found !== NOT_FOUND) return found;
      }
      seek = false;
    }
    if (this.passes === passes) this.recomputeInner(node);
    return NOT_FOUND;
  }

  private searchLeaf(leaf: number, seek: boolean): number {
    const end = leaf * this.capacity + (this.leafSizes[leaf] as number);
    const query = this.query;
    const { columns, eligible, classBits } = this.facts;
    const allowedBits = this.allowedBits;
    const demandCount = this.demandCount;
    const demandColumns = query.demandColumns;
    const demandAmounts = query.demandAmounts;
    const slots = this.leafSlots;
    const passes = this.passes;
    let entry = seek ? this.entryAtOrAfter(leaf) : leaf * this.capacity;
    entries: for (; entry < end; entry += 1) {
      if (this.prefixLength > 0 && this.entryOutsidePrefix(entry)) return STOP;
      const slot = slots[entry] as number;
      if (eligible[slot] !== 1 || ((classBits[slot] as number) & allowedBits) === 0) continue;
      for (let d = 0; d < demandCount; d += 1) {
        if (((columns[demandColumns[d] as number] as Float64Array)[slot] as number) < (demandAmounts[d] as number)) continue entries;
      }
      this.passes += 1;
      if (query.accept(slot)) return slot;
    }
    if (this.passes === passes) this.recomputeLeaf(leaf);
    return NOT_FOUND;
  }

  private boundsPass(pos: number): boolean {
    if (((this.boundMasks[pos] as number) & this.allowedBits) === 0) return false;
    const query = this.query;
    for (let d = 0; d < this.demandCount; d += 1) {
      if (((this.boundColumns[query.demandColumns[d] as number] as Float64Array)[pos] as number) < (query.demandAmounts[d] as number)) return false;
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
    const keys = this.separatorKeys;
    const base = pos * this.keyCount;
    for (let level = 0; level < this.prefixLength; level += 1) {
      const key = keys[base + level] as number;
      const bound = prefix[level] as number;
      if (key < bound) return false;
      if (key > bound) return true;
    }
    return false;
  }

  private entryOutsidePrefix(entry: number): boolean {
    const prefix = this.query.prefix;
    const keys = this.leafKeys;
    const base = entry * this.keyCount;
    for (let level = 0; level < this.prefixLength; level += 1) {
      if ((keys[base + level] as number) !== (prefix[level] as number)) return true;
    }
    return false;
  }

  private changedInner(node: number): number {
    const base = node * this.capacity;
    const end = base + (this.innerSizes[node] as number);
    const holdsLeaves = this.innerHoldsLeaves[node] === 1;
    const passes = this.passes;
    for (let pos = base; pos < end; pos += 1) {
      // A separator at or past the end bounds everything from this child on.
      if (this.compareSeparator(pos) >= 0) return STOP;
      if (!((this.boundTimes[pos] as number) > this.since)) continue;
      const child = this.children[pos] as number;
      const found = holdsLeaves ? this.changedLeaf(child) : this.changedInner(child);
      if (found !== NOT_FOUND) return found;
    }
    if (this.passes === passes) this.recomputeInner(node);
    return NOT_FOUND;
  }

  private changedLeaf(leaf: number): number {
    const base = leaf * this.capacity;
    const end = base + (this.leafSizes[leaf] as number);
    const visit = this.visit;
    const passes = this.passes;
    for (let entry = base; entry < end; entry += 1) {
      if (this.compareEntry(entry) >= 0) return STOP;
      if ((this.leafTimes[entry] as number) > this.since) {
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
    const capacity = this.capacity;
    const { columns, eligible, classBits } = this.facts;
    const isEligible = eligible[slot] === 1;
    const bit = classBits[slot] as number;
    let parent = this.leafParents[leaf] as number;
    let index = this.leafIndexes[leaf] as number;
    for (;;) {
      const pos = parent * capacity + index;
      let raised = false;
      if (time > (this.boundTimes[pos] as number)) {
        this.boundTimes[pos] = time;
        raised = true;
      }
      if (isEligible) {
        const mask = this.boundMasks[pos] as number;
        if ((mask | bit) !== mask) {
          this.boundMasks[pos] = mask | bit;
          raised = true;
        }
        for (let column = 0; column < this.columnCount; column += 1) {
          const value = (columns[column] as Float64Array)[slot] as number;
          const bounds = this.boundColumns[column] as Float64Array;
          if (value > (bounds[pos] as number)) {
            bounds[pos] = value;
            raised = true;
          }
        }
      }
      if (!raised || parent === HOLDER) return;
      index = this.innerIndexes[parent] as number;
      parent = this.innerParents[parent] as number;
    }
  }

  /** Sets a leaf's bounds (in its parent's row) exactly from its entries. */
  private recomputeLeaf(leaf: number): void {
    const pos = this.positionOfLeaf(leaf);
    const base = leaf * this.capacity;
    const end = base + (this.leafSizes[leaf] as number);
    const { columns, eligible, classBits } = this.facts;
    const slots = this.leafSlots;
    let mask = 0;
    let time = -Infinity;
    for (let entry = base; entry < end; entry += 1) {
      const slot = slots[entry] as number;
      if (eligible[slot] === 1) mask |= classBits[slot] as number;
      const changed = this.leafTimes[entry] as number;
      if (changed > time) time = changed;
    }
    this.boundMasks[pos] = mask;
    this.boundTimes[pos] = time;
    for (let column = 0; column < this.columnCount; column += 1) {
      const amounts = columns[column] as Float64Array;
      let max = -Infinity;
      for (let entry = base; entry < end; entry += 1) {
        const slot = slots[entry] as number;
        const amount = amounts[slot] as number;
        if (eligible[slot] === 1 && amount > max) max = amount;
      }
      (this.boundColumns[column] as Float64Array)[pos] = max;
    }
  }

  /** Sets an inner node's bounds (in its parent's row) from its children's. */
  private recomputeInner(node: number): void {
    const pos = this.positionOfInner(node);
    const base = node * this.capacity;
    const end = base + (this.innerSizes[node] as number);
    let mask = 0;
    let time = -Infinity;
    for (let child = base; child < end; child += 1) {
      mask |= this.boundMasks[child] as number;
      const changed = this.boundTimes[child] as number;
      if (changed > time) time = changed;
    }
    this.boundMasks[pos] = mask;
    this.boundTimes[pos] = time;
    for (let column = 0; column < this.columnCount; column += 1) {
      const bounds = this.boundColumns[column] as Float64Array;
      let max = -Infinity;
      for (let child = base; child < end; child += 1) {
        const amount = bounds[child] as number;
        if (amount > max) max = amount;
      }
      bounds[pos] = max;
    }
  }

  private recomputeUnder(node: number): void {
    const base = node * this.capacity;
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
    for (let level = 0; level < this.keyCount; level += 1) this.tuple[level] = level < given ? (keys[level] as number) : -Infinity;
    this.tupleOrder = order;
  }

  /** @returns negative, 0 or positive as the entry comes before, at or after the tuple */
  private compareEntry(entry: number): number {
    const keys = this.leafKeys;
    const base = entry * this.keyCount;
    for (let level = 0; level < this.keyCount; level += 1) {
      const key = keys[base + level] as number;
      const point = this.tuple[level] as number;
      if (key < point) return -1;
      if (key > point) return 1;
    }
    const order = this.leafOrders[entry] as number;
    return order < this.tupleOrder ? -1 : order > this.tupleOrder ? 1 : 0;
  }

  /** @returns negative, 0 or positive as the separator comes before, at or after the tuple */
  private compareSeparator(pos: number): number {
    const keys = this.separatorKeys;
    const base = pos * this.keyCount;
    for (let level = 0; level < this.keyCount; level += 1) {
      const key = keys[base + level] as number;
      const point = this.tuple[level] as number;
      if (key < point) return -1;
      if (key > point) return 1;
    }
    const order = this.separatorOrders[pos] as number;
    return order < this.tupleOrder ? -1 : order > this.tupleOrder ? 1 : 0;
  }

  /** @returns the index of the last child whose separator is at or before the tuple, 0 when none is */
  private childFor(node: number): number {
    const base = node * this.capacity;
    let low = 0;
    let high = this.innerSizes[node] as number;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compareSeparator(base + middle) <= 0) low = middle + 1;
      else high = middle;
    }
    return low > 0 ? low - 1 : 0;
  }

  /** @returns the record index of the first entry of the leaf at or after the tuple (the leaf's end when none is) */
  private entryAtOrAfter(leaf: number): number {
    let low = leaf * this.capacity;
    let high = low + (this.leafSizes[leaf] as number);
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.compareEntry(middle) < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** @returns the record index of the first entry of the tree at or after the tuple, -1 when none is */
  private firstAtOrAfter(): number {
    let node = this.root;
    while (this.innerSizes[node] !== 0) {
      const child = this.children[node * this.capacity + this.childFor(node)] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        node = child;
        continue;
      }
      const entry = this.entryAtOrAfter(child);
      if (entry < child * this.capacity + (this.leafSizes[child] as number)) return entry;
      const next = this.nextLeaf(child);
      return next < 0 ? -1 : next * this.capacity;
    }
    return -1;
  }

  private nextLeaf(leaf: number): number {
    let parent = this.leafParents[leaf] as number;
    let index = this.leafIndexes[leaf] as number;
    let holdsLeaves = true;
    while (parent !== HOLDER) {
      if (index + 1 < (this.innerSizes[parent] as number)) {
        let node = this.children[parent * this.capacity + index + 1] as number;
        while (!holdsLeaves) {
          holdsLeaves = this.innerHoldsLeaves[node] === 1;
          node = this.children[node * this.capacity] as number;
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
   * Whether the tuple can replace the entry's keys where it stands: above the
   * entry before it (or the leaf's separator) and below the entry after it
   * (or the next leaf's separator, found where the path stops being last).
   */
  private staysAt(leaf: number, entry: number): boolean {
    const capacity = this.capacity;
    const base = leaf * capacity;
    if (entry > base ? this.compareEntry(entry - 1) >= 0 : this.compareSeparator(this.positionOfLeaf(leaf)) > 0) return false;
    if (entry < base + (this.leafSizes[leaf] as number) - 1) return this.compareEntry(entry + 1) > 0;
    let parent = this.leafParents[leaf] as number;
    let index = this.leafIndexes[leaf] as number;
    while (parent !== HOLDER) {
      if (index + 1 < (this.innerSizes[parent] as number)) return this.compareSeparator(parent * capacity + index + 1) > 0;
      index = this.innerIndexes[parent] as number;
      parent = this.innerParents[parent] as number;
    }
    return true;
  }

  // Structure.

  /** Descends to the leaf that should hold the tuple, lowering first-child separators it falls below so they stay lower bounds. */
  private leafForInsert(): number {
    const capacity = this.capacity;
    let node = this.root;
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
    const capacity = this.capacity;
    if (this.innerSizes[this.leafParents[leaf] as number] === capacity) this.splitInner(this.leafParents[leaf] as number, atEnd);
    const parent = this.leafParents[leaf] as number;
    const right = this.allocLeaf();
    const keep = atEnd ? capacity - 1 : capacity >> 1;
    const base = leaf * capacity;
    this.moveEntries(right * capacity, base + keep, base + capacity);
    this.leafSizes[leaf] = keep;
    this.leafSizes[right] = capacity - keep;
    for (let entry = right * capacity; entry < right * capacity + capacity - keep; entry += 1) this.slotLeaves[this.leafSlots[entry] as number] = right;
    const index = (this.leafIndexes[leaf] as number) + 1;
    this.openChild(parent, index);
    this.setChild(parent, index, right);
    this.copyEntryToSeparator(right * capacity, parent * capacity + index);
    this.recomputeLeaf(leaf);
    this.recomputeLeaf(right);
    return right;
  }

  /** Splits a full inner node, linking the new node on its right after it; a full root gets a new root above it first. */
  private splitInner(node: number, atEnd: boolean): void {
    const capacity = this.capacity;
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
    this.recomputeInner(node);
    this.recomputeInner(right);
  }

  /** Makes room for a child at `index`, shifting the later ones right. */
  private openChild(node: number, index: number): void {
    const base = node * this.capacity;
    const size = this.innerSizes[node] as number;
    this.moveChildren(base + index + 1, base + index, base + size);
    this.innerSizes[node] = size + 1;
    this.adopt(node, index + 1);
  }

  /** Removes the child at `index`; an inner node left empty is unlinked in turn, except the root. */
  private unlinkChild(node: number, index: number): void {
    const base = node * this.capacity;
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
      const child = this.children[old * this.capacity] as number;
      this.copyBounds(old * this.capacity, 0);
      this.attachRoot(child);
      this.freeInner(old);
    }
  }

  /** Tells the children from `from` on who their parent is and where they sit. */
  private adopt(node: number, from: number): void {
    const base = node * this.capacity;
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
    this.children[node * this.capacity + index] = child;
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
    return (this.leafParents[leaf] as number) * this.capacity + (this.leafIndexes[leaf] as number);
  }

  private positionOfInner(node: number): number {
    return (this.innerParents[node] as number) * this.capacity + (this.innerIndexes[node] as number);
  }

  private leafOf(slot: number): number {
    const leaf = this.slotLeaves[slot] ?? -1;
    if (leaf < 0) throw new Error(`slot ${slot} is not in the tree`);
    return leaf;
  }

  private entryOf(leaf: number, slot: number): number {
    const base = leaf * this.capacity;
    const end = base + (this.leafSizes[leaf] as number);
    const slots = this.leafSlots;
    for (let entry = base; entry < end; entry += 1) if (slots[entry] === slot) return entry;
    throw new Error(`slot ${slot} is missing from its leaf`);
  }

  // Records.

  private writeEntry(entry: number, slot: number, order: number, time: number): void {
    this.leafSlots[entry] = slot;
    this.leafOrders[entry] = order;
    this.leafKeys.set(this.tuple, entry * this.keyCount);
    this.leafTimes[entry] = time;
  }

  private writeSeparator(pos: number): void {
    this.separatorKeys.set(this.tuple, pos * this.keyCount);
    this.separatorOrders[pos] = this.tupleOrder;
  }

  private copyEntryToSeparator(entry: number, pos: number): void {
    const keyCount = this.keyCount;
    this.separatorKeys.set(this.leafKeys.subarray(entry * keyCount, entry * keyCount + keyCount), pos * keyCount);
    this.separatorOrders[pos] = this.leafOrders[entry] as number;
  }

  private copySeparator(from: number, to: number): void {
    this.separatorKeys.copyWithin(to * this.keyCount, from * this.keyCount, from * this.keyCount + this.keyCount);
    this.separatorOrders[to] = this.separatorOrders[from] as number;
  }

  private copyBounds(from: number, to: number): void {
    this.boundMasks[to] = this.boundMasks[from] as number;
    this.boundTimes[to] = this.boundTimes[from] as number;
    for (let column = 0; column < this.columnCount; column += 1) {
      const bounds = this.boundColumns[column] as Float64Array;
      bounds[to] = bounds[from] as number;
    }
  }

  /** Moves entry records [start, end) to `target`, within a leaf or to another. */
  private moveEntries(target: number, start: number, end: number): void {
    if (start >= end) return;
    const keyCount = this.keyCount;
    this.leafSlots.copyWithin(target, start, end);
    this.leafOrders.copyWithin(target, start, end);
    this.leafTimes.copyWithin(target, start, end);
    if (keyCount > 0) this.leafKeys.copyWithin(target * keyCount, start * keyCount, end * keyCount);
  }

  /** Moves child records (child, separator, bounds) [start, end) to `target`. */
  private moveChildren(target: number, start: number, end: number): void {
    if (start >= end) return;
    const keyCount = this.keyCount;
    this.children.copyWithin(target, start, end);
    this.separatorOrders.copyWithin(target, start, end);
    if (keyCount > 0) this.separatorKeys.copyWithin(target * keyCount, start * keyCount, end * keyCount);
    this.boundMasks.copyWithin(target, start, end);
    this.boundTimes.copyWithin(target, start, end);
    for (let column = 0; column < this.columnCount; column += 1) (this.boundColumns[column] as Float64Array).copyWithin(target, start, end);
  }

  // Whole-tree passes.

  private renumberUnder(node: number, orderOf: (slot: number) => number): void {
    const base = node * this.capacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        this.renumberUnder(child, orderOf);
        continue;
      }
      const first = child * this.capacity;
      const last = first + (this.leafSizes[child] as number);
      for (let entry = first; entry < last; entry += 1) this.leafOrders[entry] = orderOf(this.leafSlots[entry] as number);
    }
  }

  /** Sets every separator to its child's smallest entry. */
  private refreshSeparators(node: number): void {
    const base = node * this.capacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 1) {
        this.copyEntryToSeparator(child * this.capacity, pos);
      } else {
        this.refreshSeparators(child);
        this.copySeparator(child * this.capacity, pos);
      }
    }
  }

  private forgetSlots(node: number): void {
    const base = node * this.capacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        this.forgetSlots(child);
        continue;
      }
      const first = child * this.capacity;
      const last = first + (this.leafSizes[child] as number);
      for (let entry = first; entry < last; entry += 1) this.slotLeaves[this.leafSlots[entry] as number] = -1;
    }
  }

  /** Rebuilds the tree from its own entries, keeping their change times. */
  private compact(): void {
    const count = this.entryCount;
    const entries: SortedEntries = { slots: new Int32Array(count), orders: new Float64Array(count), keys: new Float64Array(count * this.keyCount), times: new Float64Array(count) };
    this.collect(this.root, entries, 0);
    this.load(entries);
  }

  private collect(node: number, entries: SortedEntries, at: number): number {
    const capacity = this.capacity;
    const keyCount = this.keyCount;
    const base = node * capacity;
    const end = base + (this.innerSizes[node] as number);
    for (let pos = base; pos < end; pos += 1) {
      const child = this.children[pos] as number;
      if (this.innerHoldsLeaves[node] === 0) {
        at = this.collect(child, entries, at);
        continue;
      }
      const first = child * capacity;
      const last = first + (this.leafSizes[child] as number);
      entries.slots.set(this.leafSlots.subarray(first, last), at);
      entries.orders.set(this.leafOrders.subarray(first, last), at);
      entries.times.set(this.leafTimes.subarray(first, last), at);
      entries.keys.set(this.leafKeys.subarray(first * keyCount, last * keyCount), at * keyCount);
      at += last - first;
    }
    return at;
  }

  /** Replaces the content with sorted entries, filling nodes level by level from the leaves up. */
  private load(entries: SortedEntries): void {
    const capacity = this.capacity;
    const keyCount = this.keyCount;
    const count = entries.slots.length;
    const fill = Math.max(2, capacity - ((capacity * FREE_EIGHTHS) >> 3));
    this.clearNodes();
    let nodes = count === 0 ? 0 : Math.ceil(count / fill);
    let ids = new Int32Array(nodes);
    // The sorted index of each node's smallest entry, which becomes its separator.
    let smallest = new Int32Array(nodes);
    for (let k = 0; k < nodes; k += 1) {
      const from = Math.floor((k * count) / nodes);
      const to = Math.floor(((k + 1) * count) / nodes);
      const leaf = this.allocLeaf();
      const base = leaf * capacity;
      this.leafSlots.set(entries.slots.subarray(from, to), base);
      this.leafOrders.set(entries.orders.subarray(from, to), base);
      this.leafTimes.set(entries.times.subarray(from, to), base);
      this.leafKeys.set(entries.keys.subarray(from * keyCount, to * keyCount), base * keyCount);
      this.leafSizes[leaf] = to - from;
      for (let entry = from; entry < to; entry += 1) this.slotLeaves[entries.slots[entry] as number] = leaf;
      ids[k] = leaf;
      smallest[k] = from;
    }
    this.entryCount = count;
    let holdsLeaves = true;
    while (holdsLeaves || nodes > 1) {
      const parents = Math.max(1, Math.ceil(nodes / fill));
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
          const pos = node * capacity + k - from;
          this.setChild(node, k - from, child);
          const entry = smallest[k] as number;
          this.separatorKeys.set(entries.keys.subarray(entry * keyCount, entry * keyCount + keyCount), pos * keyCount);
          this.separatorOrders[pos] = entries.orders[entry] as number;
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
    this.separatorKeys.fill(-Infinity, 0, this.keyCount);
    this.separatorOrders[0] = -Infinity;
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
    const entries = leaves * this.capacity;
    this.leafSlots = resized(this.leafSlots, new Int32Array(entries));
    this.leafOrders = resized(this.leafOrders, new Float64Array(entries));
    this.leafKeys = resized(this.leafKeys, new Float64Array(entries * this.keyCount));
    this.leafTimes = resized(this.leafTimes, new Float64Array(entries));
    this.leafSizes = resized(this.leafSizes, new Int32Array(leaves));
    this.leafParents = resized(this.leafParents, new Int32Array(leaves));
    this.leafIndexes = resized(this.leafIndexes, new Int32Array(leaves));
    this.leafFree = resized(this.leafFree, new Int32Array(leaves));
  }

  private growInner(nodes: number): void {
    const positions = nodes * this.capacity;
    this.children = resized(this.children, new Int32Array(positions));
    this.separatorOrders = resized(this.separatorOrders, new Float64Array(positions));
    this.separatorKeys = resized(this.separatorKeys, new Float64Array(positions * this.keyCount));
    this.boundColumns = this.boundColumns.map((bounds) => resized(bounds, new Float64Array(positions)));
    this.boundMasks = resized(this.boundMasks, new Int32Array(positions));
    this.boundTimes = resized(this.boundTimes, new Float64Array(positions));
    this.innerSizes = resized(this.innerSizes, new Int32Array(nodes));
    this.innerParents = resized(this.innerParents, new Int32Array(nodes));
    this.innerIndexes = resized(this.innerIndexes, new Int32Array(nodes));
    this.innerHoldsLeaves = resized(this.innerHoldsLeaves, new Uint8Array(nodes));
    this.innerFree = resized(this.innerFree, new Int32Array(nodes));
  }

  private ensureSlot(slot: number): void {
    const length = this.slotLeaves.length;
    if (slot < length) return;
    const grown = new Int32Array(Math.max(slot + 1, length * 2, 16)).fill(-1);
    grown.set(this.slotLeaves);
    this.slotLeaves = grown;
  }
}

/** @returns `into`, holding `from`'s values at its start */
function resized<T extends Int32Array | Float64Array | Uint8Array>(from: T, into: T): T {
  into.set(from);
  return into;
}
