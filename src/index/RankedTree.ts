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
  private best = new Int32Array(0);
  private ties = new Int32Array(0);

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
      this.best[leaf] = NONE;
      this.ties[leaf] = 0;
    } else {
      for (let level = 0; level < this.levels; level += 1) (this.keys[level] as Float64Array)[position] = keys[level] as number;
      this.best[leaf] = position;
      this.ties[leaf] = 1;
    }
    for (let node = leaf >> 1; node >= 1; node >>= 1) this.combine(node);
  }

  /** Position of the best leaf, or -1 when every leaf is absent. */
  bestPosition(): number {
    return this.best[1] as number;
  }

  /** Key `level` of the leaf at a position. */
  keyAt(position: number, level: number): number {
    return (this.keys[level] as Float64Array)[position] as number;
  }

  /** How many leaves tie with the best on every key. */
  tiedCount(): number {
    return this.ties[1] as number;
  }

  /** Position of the k-th (from 0) leaf tied with the best, in registration order. */
  tiedAt(k: number): number {
    let node = 1;
    let rest = k;
    while (node < this.capacity) {
      const left = node * 2;
      const inLeft = this.tiedWithRoot(left) ? (this.ties[left] as number) : 0;
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
    return this.tiedWithRoot(node) ? (this.ties[node] as number) : 0;
  }

  private tiedWithRoot(node: number): boolean {
    const candidate = this.best[node] as number;
    const root = this.best[1] as number;
    return candidate !== NONE && root !== NONE && this.compareKeys(candidate, root) === 0;
  }

  private combine(node: number): void {
    const left = this.best[node * 2] as number;
    const right = this.best[node * 2 + 1] as number;
    if (left === NONE || right === NONE) {
      const only = left === NONE ? node * 2 + 1 : node * 2;
      this.best[node] = this.best[only] as number;
      this.ties[node] = this.ties[only] as number;
      return;
    }
    const order = this.compareKeys(left, right);
    // On equal keys the left leaf is earlier in registration order.
    this.best[node] = order <= 0 ? left : right;
    this.ties[node] = order < 0 ? (this.ties[node * 2] as number) : order > 0 ? (this.ties[node * 2 + 1] as number) : (this.ties[node * 2] as number) + (this.ties[node * 2 + 1] as number);
  }

  private compareKeys(a: number, b: number): number {
    for (let level = 0; level < this.levels; level += 1) {
      const keys = this.keys[level] as Float64Array;
      const difference = (keys[a] as number) - (keys[b] as number);
      if (difference !== 0) return difference;
    }
    return 0;
  }

  private grow(capacity: number): void {
    const previous = { capacity: this.capacity, keys: this.keys, orders: this.orders, best: this.best, ties: this.ties };
    this.capacity = capacity;
    this.keys = Array.from({ length: this.levels }, (_, level) => {
      const keys = new Float64Array(capacity);
      keys.set(previous.keys[level] ?? new Float64Array(0));
      return keys;
    });
    this.orders = new Float64Array(capacity);
    this.orders.set(previous.orders);
    this.best = new Int32Array(capacity * 2).fill(NONE);
    this.ties = new Int32Array(capacity * 2);
    for (let position = 0; position < previous.capacity; position += 1) {
      this.best[capacity + position] = previous.best[previous.capacity + position] as number;
      this.ties[capacity + position] = previous.ties[previous.capacity + position] as number;
    }
    for (let node = capacity - 1; node >= 1; node -= 1) this.combine(node);
  }
}
