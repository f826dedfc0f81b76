/**
 * Sharing a total among parts by weight, in whole numbers.
 *
 * @module
 */

/**
 * Splits `total` into one whole number per weight: each part gets 1, and
 * the rest is shared in proportion to the weights.
 *
 * @remarks
 * The rest is shared by rounding the running sums rather than each share,
 * so the parts always add up to exactly `total` and none is below 1, however
 * the floating-point shares round.
 *
 * @param total - the whole, at least `weights.length`
 * @param weights - positive weights, one per part
 * @returns the parts, in the order of the weights; they sum to `total`
 * @example
 * ```ts
 * splitCount(10, [1, 1, 2]); // [3, 3, 4]
 * ```
 */
export function splitCount(total: number, weights: readonly number[]): number[] {
  const rest = total - weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts: number[] = [];
  let running = 0;
  let given = 0;
  weights.forEach((weight, index) => {
    running += weight;
    const upTo = index === weights.length - 1 ? rest : Math.min(rest, Math.round((rest * running) / sum));
    parts.push(1 + upTo - given);
    given = upTo;
  });
  return parts;
}
