/**
 * A keyed bijection on 32-bit integers, for ids that look random yet can
 * never collide.
 *
 * @module
 */

/**
 * Scrambles `index` under `key`, one-to-one: two different indexes below
 * 2^32 always give two different results.
 *
 * @remarks
 * Every step can be undone (adding a constant, xor with a right shift of
 * itself, multiplying by an odd number, all modulo 2^32), so the whole is a
 * permutation. Random draws would collide: 32-bit ids drawn for a million
 * instances repeat about a hundred times.
 *
 * @param index - an integer from 0 to 2^32 - 1
 * @param key - any 32-bit integer; each key gives another permutation
 * @returns an unsigned 32-bit integer
 * @example
 * ```ts
 * permute32(0, 7) !== permute32(1, 7); // always
 * ```
 */
export function permute32(index: number, key: number): number {
  let x = (index + key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d) >>> 0;
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b) >>> 0;
  x = (x ^ key ^ (x >>> 16)) >>> 0;
  return x;
}

/**
 * Eight lower-case hexadecimal digits.
 *
 * @param value - an unsigned 32-bit integer
 * @returns the value in hexadecimal, padded with zeros
 */
export function hex8(value: number): string {
  // Four table look-ups are several times faster than toString(16) and padStart, which matters a million times over.
  return (HEX_BYTES[value >>> 24] as string) + (HEX_BYTES[(value >>> 16) & 0xff] as string)
    + (HEX_BYTES[(value >>> 8) & 0xff] as string) + (HEX_BYTES[value & 0xff] as string);
}

const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
