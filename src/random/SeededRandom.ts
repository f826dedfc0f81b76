/**
 * The cluster's only source of randomness.
 *
 * @module
 */

/**
 * A small seeded generator (sfc32, its state filled from the seed by
 * splitmix32). The same seed gives the same sequence on every platform, which
 * makes every placement reproducible from the cluster's seed.
 */
export class SeededRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /**
   * @param seed - any safe integer; distinct seeds give distinct streams
   */
  constructor(seed: number) {
    // A safe integer is its low 32 bits and the rest, high * 2^32 + low: the state takes each word apart, so no two seeds share one.
    let s = seed | 0;
    const high = Math.floor(seed / 0x1_0000_0000) | 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) | 0;
      return mix(s);
    };
    this.a = split();
    this.b = split();
    // mix is a bijection with mix(0) = 0: seeds below 2^32 keep the streams they always had.
    this.c = (split() ^ mix(high)) >>> 0;
    this.d = split();
    // The first outputs of a fresh sfc32 state are poorly mixed; discard them.
    for (let i = 0; i < 12; i += 1) this.next();
  }

  /** A uniform number in [0, 1), with 32 random bits. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 0x1_0000_0000;
  }

  /**
   * The number {@link SeededRandom.next} will return, without taking it: a
   * choice that may find nothing to choose must not use up a draw.
   */
  peek(): number {
    return ((((this.a + this.b) | 0) + this.d) >>> 0) / 0x1_0000_0000;
  }

  /** An independent copy in the same state, for dry runs that must not advance this one. */
  clone(): SeededRandom {
    const copy = Object.create(SeededRandom.prototype) as SeededRandom;
    copy.a = this.a;
    copy.b = this.b;
    copy.c = this.c;
    copy.d = this.d;
    return copy;
  }
}

/** murmur3's 32-bit finalizer: a bijection on 32-bit words that spreads every input bit over the output. */
function mix(word: number): number {
  let z = word;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
