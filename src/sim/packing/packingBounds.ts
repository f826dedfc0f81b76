/**
 * Lower bounds on the instances a bin packing problem needs: L1, L2, the
 * surrogate, cardinality and conflict bounds of its tasks on its identical
 * instances (their formulas: `binPackingBounds`, in the library's model).
 *
 * @module
 */
import { binPackingBounds, type PackingBounds } from '../../model/binPackingBounds';
import type { PackingProblem } from './PackingProblem';

export type { PackingBounds } from '../../model/binPackingBounds';

/**
 * Lower bounds of a problem: no placement holds its tasks on fewer
 * instances. Each resource alone is a one-dimensional problem whose bound
 * holds for the whole, so L1 and L2 take the largest over resources; the
 * surrogate, cardinality and conflict bounds read resources together.
 *
 * @param problem - the problem
 * @returns the bounds, and the best of them
 *
 * @example
 * ```ts
 * packingBounds(readPackingFile('4\n10\n6\n6\n6\n2\n', 'four.bpp'));
 * // { l1: 2, l2: 3, surrogate: 3, cardinality: 2, conflict: 3, best: 3 }: three tasks of 6 need an instance each
 * ```
 */
export function packingBounds(problem: PackingProblem): PackingBounds {
  return binPackingBounds(problem);
}
