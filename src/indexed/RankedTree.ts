/**
 * A segment tree over candidate instances that answers "which is best?" in
 * constant time and keeps the answer current in logarithmic time.
 *
 * @module
 */

const NONE = -1;

/**
 * Leaves are instances in registration order, each with a tuple of integer
 * keys (one per strategy that ranks instances on their own) or absent when
 * the instance cannot take the task. Every node keeps its best leaf (lowest
 * keys, then lowest position, which is the earliest registered) and how many
 * leaves tie with that best on every key, so that a uniform choice among the
 * tied leaves is also logarithmic.
 */
export class RankedTree {
  private capacity = 0;
  private used = 0;
  private keys: Float64Array[] = [];
  private orders = new Float64Array(0);
  /**
   * Per node, its best leaf at [2 x node] and that leaf's tie count at
   * [2 x node + 1], side by side so that one memory read serves both.
   */
  private nodes = new Int32Array(0);

  /** @param levels - number of keys per leaf */
  constructor(private readonly levels: number) {
    this.grow(16);
  }

  /** Leaves used so far (absent ones included). */
  get length(): number {
    return this.used;
  }

  /** Adds a leaf after all others; `keys` undefined for an absent leaf. Returns its position. */
  append(order: number, keys: ArrayLike<number> | undefined): number {
    if (this.used === this.capacity) this.grow(this.capacity * 2);
    const position = this.used;
    this.used += 1;
    this.orders[position] = order;
    this.set(position, keys);
    return position;
  }

  /** Registration order of the leaf at a position. */
  orderAt(position: number): number {
    return this.orders[position] as number;
  }

  /** Replaces a leaf's keys; `undefined` makes it absent. */
  set(position: number, keys: ArrayLike<number> | undefined): void {
    const leaf = this.capacity + position;
    if (keys === undefined) {
      this.setNode(leaf, NONE, 0);
    } else {
      for (let level = 0; level < this.levels; level += 1) (this.keys[level] as Float64Array)[position] = keys[level] as number;
      this.setNode(leaf, position, 1);
    }
    for (let node = leaf >> 1; node >= 1; node >>= 1) this.combine(node);
  }

  /** Position of the best leaf, or -1 when every leaf is absent. */
  bestPosition(): number {
    return this.bestOf(1);
  }

  /** Key `level` of the leaf at a position. */
  keyAt(position: number, level: number): number {
    return (this.keys[level] as Float64Array)[position] as number;
  }

  /** How many leaves tie with the best on every key. */
  tiedCount(): number {
    return this.tiesOf(1);
  }

  /** Position of the k-th (from 0) leaf tied with the best, in registration order. */
  tiedAt(k: number): number {
    let node = 1;
    let rest = k;
    while (node < this.capacity) {
      const left = node * 2;
      const inLeft = this.tiedWithRoot(left) ? this.tiesOf(left) : 0;
      if (rest < inLeft) node = left;
      else {
        rest -= inLeft;
        node = left + 1;
      }
    }
    return node - this.capacity;
  }

  /** How many leaves before `position` tie with the best. */
  tiedBefore(position: number): number {
    let count = 0;
    let low = this.capacity;
    let high = this.capacity + position;
    // The usual bottom-up walk over the range [0, position).
    while (low < high) {
      if ((low & 1) === 1) {
        count += this.tiedIn(low);
        low += 1;
      }
      if ((high & 1) === 1) {
        high -= 1;
        count += this.tiedIn(high);
      }
      low >>= 1;
      high >>= 1;
    }
    return count;
  }

  private tiedIn(node: number): number {
    return this.tiedWithRoot(node) ? this.tiesOf(node) : 0;
  }

  private tiedWithRoot(node: number): boolean {
    const candidate = this.bestOf(node);
    const root = this.bestOf(1);
    return candidate !== NONE && root !== NONE && this.compareKeys(candidate, root) === 0;
  }

  private combine(node: number): void {
    const left = this.bestOf(node * 2);
    const right = this.bestOf(node * 2 + 1);
    if (left === NONE || right === NONE) {
      const only = left === NONE ? node * 2 + 1 : node * 2;
      this.setNode(node, this.bestOf(only), this.tiesOf(only));
      return;
    }
    const order = this.compareKeys(left, right);
    // On equal keys the left leaf is earlier in registration order.
    const leftTies = this.tiesOf(node * 2);
    const rightTies = this.tiesOf(node * 2 + 1);
    this.setNode(node, order <= 0 ? left : right, order < 0 ? leftTies : order > 0 ? rightTies : leftTies + rightTies);
  }

  private compareKeys(a: number, b: number): number {
    for (let level = 0; level < this.levels; level += 1) {
      const keys = this.keys[level] as Float64Array;
      const difference = (keys[a] as number) - (keys[b] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  }

  private bestOf(node: number): number {
    return this.nodes[2 * node] as number;
  }

  private tiesOf(node: number): number {
    return this.nodes[2 * node + 1] as number;
  }

  private setNode(node: number, best: number, ties: number): void {
    this.nodes[2 * node] = best;
    this.nodes[2 * node + 1] = ties;
  }

  private grow(capacity: number): void {
    const previous = { capacity: this.capacity, keys: this.keys, orders: this.orders, nodes: this.nodes };
    this.capacity = capacity;
    this.keys = Array.from({ length: this.levels }, (_, level) => {
      const keys = new Float64Array(capacity);
      keys.set(previous.keys[level] ?? new Float64Array(0));
      return keys;
    });
    this.orders = new Float64Array(capacity);
    this.orders.set(previous.orders);
    this.nodes = new Int32Array(capacity * 4);
    for (let node = 1; node < capacity * 2; node += 1) this.nodes[2 * node] = NONE;
    // Leaves keep their place; the inner nodes are recomputed above them.
    this.nodes.set(previous.nodes.subarray(2 * previous.capacity, 4 * previous.capacity), 2 * capacity);
    for (let node = capacity - 1; node >= 1; node -= 1) this.combine(node);
  }
}
