/**
 * A set of small integers with O(1) insert, lookup and clear (Briggs and
 * Torczon), used as a thread list: clearing costs nothing, so the VM reuses
 * two of them for every position of every value without allocating or
 * zeroing memory.
 */
export class SparseSet {
  /** The members, in insertion order, in `dense[0..size)`. */
  readonly dense: Int32Array;
  private readonly sparse: Int32Array;
  /** How many members the set holds. */
  size = 0;

  /** @param capacity - Members must lie in `0..capacity-1`. */
  constructor(capacity: number) {
    this.dense = new Int32Array(capacity);
    this.sparse = new Int32Array(capacity);
  }

  /** True when `value` is a member; stale slots from earlier use are ignored. */
  has(value: number): boolean {
    const slot = this.sparse[value] ?? -1;
    return slot >= 0 && slot < this.size && this.dense[slot] === value;
  }

  /** Adds `value`, which must not be a member yet. */
  add(value: number): void {
    this.sparse[value] = this.size;
    this.dense[this.size] = value;
    this.size++;
  }

  /** Empties the set in constant time. */
  clear(): void {
    this.size = 0;
  }
}
