/**
 * Drawing an index by weight from one uniform number.
 *
 * @module
 */

/**
 * Builds a picker that maps a uniform number in [0, 1) to an index, each
 * index with probability proportional to its weight.
 *
 * @remarks
 * The picker takes the uniform number instead of a generator so that every
 * draw of a simulation stays visible at its call site, in a fixed order:
 * that order is what makes a seed reproduce the same fleet everywhere.
 *
 * @param weights - non-negative weights with a positive sum
 * @returns a function from a uniform number to an index of `weights`; never
 *   an index whose weight is 0
 * @example
 * ```ts
 * const pick = weightedPicker([3, 1]);
 * pick(0.5); // 0
 * pick(0.8); // 1
 * ```
 */
export function weightedPicker(weights: readonly number[]): (uniform: number) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) {
    total += weight;
    cumulative.push(total);
  }
  const last = lastPositive(weights);
  return (uniform) => {
    const target = uniform * total;
    for (let index = 0; index < last; index += 1) {
      if (target < (cumulative[index] as number) && (weights[index] as number) > 0) return index;
    }
    // Rounding can leave the target at the total; the last weighted index takes it.
    return last;
  };
}

function lastPositive(weights: readonly number[]): number {
  for (let index = weights.length - 1; index >= 0; index -= 1) {
    if ((weights[index] as number) > 0) return index;
  }
  return 0;
}
