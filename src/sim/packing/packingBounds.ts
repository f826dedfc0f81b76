/**
 * Lower bounds on the instances a bin packing problem needs: L1, the
 * volume bound, and Martello and Toth's L2, per resource, and a bound on
 * how many tasks one instance can hold.
 *
 * L2 (Martello and Toth, "Lower bounds and reduction procedures for the bin
 * packing problem", Discrete Applied Mathematics 28, 1990), for weights w
 * and capacity c: for each threshold a in {0} and the distinct weights up to
 * c/2, split the tasks into J1 (w > c - a), J2 (c/2 < w <= c - a) and J3
 * (a <= w <= c/2). No two tasks of J1 and J2 share an instance, and the
 * tasks of J3 fill at most what J2's instances leave, so at least
 *
 *   L(a) = |J1| + |J2| + max(0, ceil((sum J3 - (|J2| c - sum J2)) / c))
 *
 * instances are needed; L2 is the largest L(a). With a = 0 it is L1, so
 * L2 >= L1. Sorted weights and prefix sums make it O(n log n).
 *
 * The cardinality bound: k tasks fit on one instance only if, for every
 * resource, their demands add up to at most its capacity, and so only if
 * their sums of shares (demand over capacity, over every resource) add up
 * to at most the number of resources. The k tasks smallest on each count
 * are the likeliest to fit, so the largest k for which they would is the
 * most any instance holds, and ceil(n / k) instances are needed. It is what
 * bounds two resources that pull apart (a task heavy on one is light on the
 * other: no three fit, though L2 on each resource alone counts on more).
 *
 * @module
 */
import type { PackingProblem } from './PackingProblem';

/**
 * Lower bounds of a {@link PackingProblem}.
 */
export interface PackingBounds {
  /** The volume bound: the largest, over resources, of ceil(total demand / capacity). */
  readonly l1: number;
  /** Martello and Toth's L2: the largest, over resources, of its bound on that resource alone; at least `l1`. */
  readonly l2: number;
  /** ceil(tasks / the most tasks one instance can hold). */
  readonly cardinality: number;
  /** The largest of the bounds. */
  readonly best: number;
}

/**
 * Lower bounds of a problem: no placement holds its tasks on fewer
 * instances. Each resource alone is a one-dimensional problem whose bound
 * holds for the whole, so L1 and L2 take the largest over resources; the
 * cardinality bound reads every resource at once.
 *
 * @param problem - the problem
 * @returns the bounds, and the best of them
 *
 * @example
 * ```ts
 * packingBounds(readPackingFile('4\n10\n6\n6\n6\n2\n', 'four.bpp'));
 * // { l1: 2, l2: 3, cardinality: 2, best: 3 }: three tasks of 6 need an instance each
 * ```
 */
export function packingBounds(problem: PackingProblem): PackingBounds {
  let l1 = 0;
  let l2 = 0;
  for (const resource of problem.resources) {
    const capacity = problem.capacity[resource] ?? 0;
    const weights = problem.tasks.map((task) => task[resource] ?? 0);
    l1 = Math.max(l1, volumeBound(weights, capacity));
    l2 = Math.max(l2, martelloTothBound(weights, capacity));
  }
  const cardinality = cardinalityBound(problem);
  return { l1, l2, cardinality, best: Math.max(l2, cardinality) };
}

function cardinalityBound({ resources, capacity, tasks }: PackingProblem): number {
  if (tasks.length === 0) return 0;
  const capacities = resources.map((resource) => capacity[resource] ?? 0);
  const shares = tasks.map((task) => resources.reduce((sum, resource, r) => sum + (task[resource] ?? 0) / (capacities[r] as number), 0)).sort((a, b) => a - b);
  let most = countWithin(shares, resources.length);
  resources.forEach((resource, r) => {
    most = Math.min(most, countWithin(tasks.map((task) => task[resource] ?? 0).sort((a, b) => a - b), capacities[r] as number));
  });
  // Every task fits an instance on its own, so an instance holds at least one.
  return Math.ceil(tasks.length / Math.max(1, most));
}

/** How many of the smallest values (sorted ascending) add up to at most `limit`. */
function countWithin(sorted: readonly number[], limit: number): number {
  let sum = 0;
  let count = 0;
  for (const value of sorted) {
    sum += value;
    // Shares add up in floating point: a sum within a rounding error of the limit is within it.
    if (sum > limit * (1 + 1e-12)) break;
    count += 1;
  }
  return count;
}

function volumeBound(weights: readonly number[], capacity: number): number {
  return Math.max(0, Math.ceil(weights.reduce((sum, weight) => sum + weight, 0) / capacity));
}

function martelloTothBound(weights: readonly number[], capacity: number): number {
  // Largest first, with sums of every prefix: a split by weight is then two binary searches.
  const sorted = [...weights].sort((a, b) => b - a);
  const prefix = new Float64Array(sorted.length + 1);
  sorted.forEach((weight, index) => {
    prefix[index + 1] = (prefix[index] as number) + weight;
  });
  // The weights that pass a test are a prefix of the sorted weights when the test holds for the larger ones.
  const prefixWhere = (holds: (weight: number) => boolean): number => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (holds(sorted[middle] as number)) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  const above = (limit: number): number => prefixWhere((weight) => weight > limit);
  const atLeast = (limit: number): number => prefixWhere((weight) => weight >= limit);
  const half = capacity / 2;
  // J1 and J2 together are the weights above half the capacity, whatever the threshold.
  const j12 = above(half);
  const thresholds = new Set<number>([0]);
  for (const weight of sorted) if (weight <= half) thresholds.add(weight);
  let best = 0;
  for (const threshold of thresholds) {
    const j1 = above(capacity - threshold);
    const j123 = atLeast(threshold);
    const j2 = j12 - j1;
    const sumJ2 = (prefix[j12] as number) - (prefix[j1] as number);
    const sumJ3 = (prefix[j123] as number) - (prefix[j12] as number);
    const overflow = Math.max(0, Math.ceil((sumJ3 - (j2 * capacity - sumJ2)) / capacity));
    best = Math.max(best, j1 + j2 + overflow);
  }
  return best;
}
