/**
 * A pseudo-random order of registration positions, drawn from one number:
 * how `random` chooses, so that both engines choose alike and the indexed
 * one can stop at the first candidate it meets.
 *
 * @module
 */

const ROUNDS = 6;
const GOLDEN = 0x9e3779b9;
/**
 * Up to this many positions the order is a shuffled table: a Feistel
 * permutation on a few bits is measurably uneven, and shuffling this many
 * costs less than a microsecond.
 */
const SHUFFLED_UP_TO = 256;

/**
 * A keyed permutation of the positions `0 .. size - 1`.
 *
 * @remarks
 * Up to 256 positions, the order is a table shuffled (Fisher-Yates) by a
 * generator seeded from `u`. Beyond, the positions are written as `bits`
 * bits (the fewest that hold `size - 1`), split into a high and a low part. Each of six rounds adds to
 * one part, modulo its width, a hash of the other part and a round key;
 * every round can be undone, so the whole is a permutation of `2^bits`
 * values. Values from `size` up are stepped over by applying the
 * permutation again ("cycle walking"), which keeps it a permutation of
 * `0 .. size - 1`; since `2^bits < 2 x size`, that takes fewer than two
 * steps on average. The round keys come from `u`, so one draw gives one
 * order; every candidate is equally likely to come first in it.
 *
 * One object is reused for every draw, so that choosing allocates nothing.
 */
export class RandomOrder {
  private size = 1;
  private lowBits = 1;
  private lowMask = 1;
  private highMask = 1;
  private readonly keys = new Int32Array(ROUNDS);
  private readonly table = new Int32Array(SHUFFLED_UP_TO);
  private readonly ranks = new Int32Array(SHUFFLED_UP_TO);

  /**
   * Starts the order drawn by `u` over `size` positions.
   *
   * @param u - a draw from the cluster's generator, in [0, 1)
   * @param size - how many positions (registration orders) there are, at least 1
   */
  reset(u: number, size: number): void {
    this.size = size;
    // A Weyl sequence, each state mixed; a local rather than a closure, since every draw resets the order.
    let state = Math.floor(u * 0x1_0000_0000) | 0;
    if (size <= SHUFFLED_UP_TO) {
      for (let position = 0; position < size; position += 1) this.table[position] = position;
      for (let last = size - 1; last > 0; last -= 1) {
        state = (state + GOLDEN) | 0;
        const other = Math.floor((mix(state) / 0x1_0000_0000) * (last + 1));
        const swapped = this.table[last] as number;
        this.table[last] = this.table[other] as number;
        this.table[other] = swapped;
      }
      for (let k = 0; k < size; k += 1) this.ranks[this.table[k] as number] = k;
      return;
    }
    // The fewest bits (at least 2) whose range holds every position: 2^bits >= size.
    const bits = Math.max(2, 32 - Math.clz32(size - 1));
    this.lowBits = bits >> 1;
    this.lowMask = (1 << this.lowBits) - 1;
    this.highMask = (1 << (bits - this.lowBits)) - 1;
    for (let round = 0; round < ROUNDS; round += 1) {
      state = (state + GOLDEN) | 0;
      this.keys[round] = mix(state);
    }
  }

  /**
   * The position that comes `k`-th in the order.
   *
   * @param k - from 0 to `size - 1`
   */
  at(k: number): number {
    if (this.size <= SHUFFLED_UP_TO) return this.table[k] as number;
    let x = k;
    do x = this.forward(x);
    while (x >= this.size);
    return x;
  }

  /**
   * Where a position comes in the order: the `k` for which `at(k)` is
   * `position`. The earliest candidate in the order is the one with the
   * lowest rank.
   *
   * @param position - from 0 to `size - 1`
   */
  rankOf(position: number): number {
    if (this.size <= SHUFFLED_UP_TO) return this.ranks[position] as number;
    let x = position;
    do x = this.backward(x);
    while (x >= this.size);
    return x;
  }

  private forward(value: number): number {
    let low = value & this.lowMask;
    let high = value >>> this.lowBits;
    for (let round = 0; round < ROUNDS; round += 2) {
      high = (high + mix(low ^ (this.keys[round] as number))) & this.highMask;
      low = (low + mix(high ^ (this.keys[round + 1] as number))) & this.lowMask;
    }
    return high * (this.lowMask + 1) + low;
  }

  private backward(value: number): number {
    let low = value & this.lowMask;
    let high = value >>> this.lowBits;
    for (let round = ROUNDS - 2; round >= 0; round -= 2) {
      low = (low - mix(high ^ (this.keys[round + 1] as number))) & this.lowMask;
      high = (high - mix(low ^ (this.keys[round] as number))) & this.highMask;
    }
    return high * (this.lowMask + 1) + low;
  }
}

/** A 32-bit hash (murmur3's finaliser): every input bit reaches every output bit. */
function mix(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
