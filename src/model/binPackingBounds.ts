/**
 * Lower bounds on the identical instances a set of tasks needs: L1, the
 * volume bound, and Martello and Toth's L2, per resource, L2 of weighted
 * sums of two resources (a surrogate relaxation), a bound on how many
 * tasks one instance can hold, and one from tasks that cannot share an
 * instance.
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
 * The surrogate bound: what an instance holds fits within any weighted sum
 * of its capacities, so a task's shares of two resources, weighted k/10 and
 * (10 - k)/10, make a one-dimensional problem of capacity 1 that needs no
 * more instances than the real one, and its L2 is a bound too. Taken over
 * every pair of resources and k from 0 to 10 (from 0 to 4, in quarters,
 * when there are more than two resources, to keep it fast), it is at least
 * L2; it counts tasks large on two resources together, which L2 on each
 * alone does not. The weights are k w_r c_s + (10 - k) w_s c_r, of
 * capacity 10 c_r c_s: whole numbers for whole demands, so that no rounding
 * can lift the bound; a pair whose sums could pass 2^53 is left out, which
 * only weakens it.
 *
 * The conflict bound: tasks no two of which fit one instance together (on
 * some resource their demands add up to more than the capacity) need an
 * instance each, and the other tasks' demand of a resource beyond what
 * those instances leave of it needs ceil(excess / capacity) more. It finds
 * such tasks greedily, largest first, once for each of several measures of
 * size (the mean, largest and smallest share, and each resource's share),
 * and keeps the best; a search that has spent 2,000,000 pair
 * checks stops growing the set, which only weakens it. On one resource it
 * is no better than L2, which splits the same way; on two it sees what L2
 * cannot: a task heavy on CPU beside one heavy on memory that still do not
 * fit together. On Caprara and Toth's classes 2 and 3 it raises the best
 * bound by about 5%.
 *
 * @module
 */

/** Lower bounds on the identical instances that hold a set of tasks. */
export interface PackingBounds {
  /** The volume bound: the largest, over resources, of ceil(total demand / capacity). */
  readonly l1: number;
  /** Martello and Toth's L2: the largest, over resources, of its bound on that resource alone; at least `l1`. */
  readonly l2: number;
  /** The largest L2 of a weighted sum of two resources' shares (tenths of each); at least `l2`. */
  readonly surrogate: number;
  /** ceil(tasks / the most tasks one instance can hold). */
  readonly cardinality: number;
  /**
   * Tasks no two of which fit one instance together, an instance each, and
   * the instances the other tasks' demand needs beyond what those leave.
   */
  readonly conflict: number;
  /** The largest of the bounds. */
  readonly best: number;
}

/** Identical instances' capacities and the tasks' demands: what the bounds read. */
export interface BinPackingInput {
  /** The resources to bound on. */
  readonly resources: readonly string[];
  /** What each instance registers of each resource. */
  readonly capacity: Readonly<Record<string, number>>;
  /** Each task's demand. */
  readonly tasks: readonly Readonly<Record<string, number>>[];
}

/**
 * Lower bounds of a set of tasks on identical instances: no placement holds
 * them on fewer. Each resource alone is a one-dimensional problem whose
 * bound holds for the whole, so L1 and L2 take the largest over resources;
 * the surrogate and cardinality bounds read resources together.
 *
 * @param input - the resources, the instances' capacity and the tasks
 * @returns the bounds, and the best of them
 */
export function binPackingBounds(input: BinPackingInput): PackingBounds {
  let l1 = 0;
  let l2 = 0;
  for (const resource of input.resources) {
    const capacity = input.capacity[resource] ?? 0;
    const weights = input.tasks.map((task) => task[resource] ?? 0);
    l1 = Math.max(l1, volumeBound(weights, capacity));
    l2 = Math.max(l2, martelloTothBound(weights, capacity));
  }
  const surrogate = Math.max(l2, surrogateBound(input));
  const cardinality = cardinalityBound(input);
  const conflict = conflictBound(input);
  return { l1, l2, surrogate, cardinality, conflict, best: Math.max(surrogate, cardinality, conflict) };
}

/** Pair checks the conflict bound spends on one order of the tasks, at most: the bound stays sound when it stops early. */
const CONFLICT_CHECKS = 2_000_000;
/** Buckets of the conflict bound's orders: an order only guides the search, so sizes a bucket apart may come in either order. */
const ORDER_BUCKETS = 4096;

function conflictBound({ resources, capacity, tasks }: BinPackingInput): number {
  if (tasks.length === 0) return 0;
  const count = resources.length;
  const capacities = Float64Array.from(resources, (resource) => capacity[resource] ?? 0);
  // Demands and shares, task by task, resource by resource, in flat arrays: the bound reads them many times over.
  const demand = new Float64Array(tasks.length * count);
  const share = new Float64Array(tasks.length * count);
  tasks.forEach((task, index) => {
    resources.forEach((resource, r) => {
      const amount = task[resource] ?? 0;
      demand[index * count + r] = amount;
      share[index * count + r] = (capacities[r] as number) > 0 ? amount / (capacities[r] as number) : 0;
    });
  });
  // Demands may be decimals: two that fill a resource to within a rounding error of its capacity fit.
  const slack = capacities.map((most) => most * 1e-12);
  const conflicts = (a: number, b: number): boolean => {
    for (let r = 0; r < count; r += 1) if ((demand[a * count + r] as number) + (demand[b * count + r] as number) > (capacities[r] as number) + (slack[r] as number)) return true;
    return false;
  };
  const measures: ((index: number) => number)[] = [
    (index) => share.subarray(index * count, index * count + count).reduce((sum, part) => sum + part, 0) / count,
    (index) => share.subarray(index * count, index * count + count).reduce((most, part) => Math.max(most, part), 0),
    (index) => share.subarray(index * count, index * count + count).reduce((least, part) => Math.min(least, part), Infinity),
    ...resources.map((_, r) => (index: number) => share[index * count + r] as number),
  ];
  let best = 0;
  for (const measure of measures) {
    const members: number[] = [];
    const isMember = new Uint8Array(tasks.length);
    // The most any member leaves free of each resource: a task above it on some resource fits beside no member.
    const mostLeft = new Float64Array(count).fill(-Infinity);
    let checks = 0;
    for (const index of largestFirst(tasks.length, measure)) {
      let aboveAll = false;
      for (let r = 0; r < count && !aboveAll; r += 1) aboveAll = (demand[index * count + r] as number) > (mostLeft[r] as number) + (slack[r] as number);
      if (!aboveAll) {
        if (checks > CONFLICT_CHECKS) break;
        checks += members.length;
        if (!members.every((member) => conflicts(member, index))) continue;
      }
      members.push(index);
      isMember[index] = 1;
      for (let r = 0; r < count; r += 1) mostLeft[r] = Math.max(mostLeft[r] as number, (capacities[r] as number) - (demand[index * count + r] as number));
    }
    let more = 0;
    for (let r = 0; r < count; r += 1) {
      const most = capacities[r] as number;
      if (most <= 0) continue;
      let beyond = 0;
      let gross = 0;
      for (let index = 0; index < tasks.length; index += 1) {
        beyond += (demand[index * count + r] as number) - (isMember[index] === 1 ? most : 0);
        gross += (demand[index * count + r] as number) + (isMember[index] === 1 ? most : 0);
      }
      more = Math.max(more, instancesFor(beyond, most, gross));
    }
    best = Math.max(best, members.length + more);
  }
  return best;
}

/** The tasks' positions, largest first by a measure from 0 to 1, a bucket sort's order. */
function largestFirst(length: number, measure: (index: number) => number): Uint32Array {
  const bucketOf = new Uint16Array(length);
  const starts = new Uint32Array(ORDER_BUCKETS + 1);
  for (let index = 0; index < length; index += 1) {
    const bucket = ORDER_BUCKETS - 1 - Math.min(ORDER_BUCKETS - 1, Math.max(0, Math.floor(measure(index) * ORDER_BUCKETS)));
    bucketOf[index] = bucket;
    starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
  }
  for (let bucket = 0; bucket < ORDER_BUCKETS; bucket += 1) starts[bucket + 1] = (starts[bucket + 1] as number) + (starts[bucket] as number);
  const order = new Uint32Array(length);
  for (let index = 0; index < length; index += 1) {
    const bucket = bucketOf[index] as number;
    order[starts[bucket] as number] = index;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  return order;
}

function surrogateBound({ resources, capacity, tasks }: BinPackingInput): number {
  const steps = resources.length === 2 ? 10 : 4;
  let best = 0;
  resources.forEach((first, r) => {
    for (const second of resources.slice(r + 1)) {
      const c1 = capacity[first] ?? 0;
      const c2 = capacity[second] ?? 0;
      const scale = steps * c1 * c2;
      if (scale === 0 || scale * tasks.length > Number.MAX_SAFE_INTEGER) continue;
      for (let k = 1; k < steps; k += 1) {
        best = Math.max(best, martelloTothBound(tasks.map((task) => k * (task[first] ?? 0) * c2 + (steps - k) * (task[second] ?? 0) * c1), scale));
      }
    }
  });
  return best;
}

function cardinalityBound({ resources, capacity, tasks }: BinPackingInput): number {
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

/**
 * The whole instances an amount needs, `ceil(amount / capacity)`, forgiving
 * the rounding error of the sums it came from: decimal demands can add up
 * to a hair above the whole number they make (0.1 + 0.2 over 0.3). `gross`
 * is the sum of the sizes of everything added or taken away to reach the
 * amount; forgiving an error of that order makes a bound at worst one
 * lower, never above the optimum.
 */
function instancesFor(amount: number, capacity: number, gross: number): number {
  return Math.ceil((amount - gross * 1e-12) / capacity);
}

function volumeBound(weights: readonly number[], capacity: number): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Math.max(0, instancesFor(total, capacity, total));
}

function martelloTothBound(weights: readonly number[], capacity: number): number {
  // Largest first, with sums of every prefix: a split by weight is then two binary searches.
  const sorted = Float64Array.from(weights).sort().reverse();
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
  // Above a limit by more than a rounding error: capacity - a, in decimals, can land a hair below a weight it equals.
  const above = (limit: number): number => prefixWhere((weight) => weight > limit + capacity * 1e-12);
  const atLeast = (limit: number): number => prefixWhere((weight) => weight >= limit);
  const half = capacity / 2;
  // J1 and J2 together are the weights above half the capacity, whatever the threshold.
  const j12 = above(half);
  let best = 0;
  const split = (threshold: number): void => {
    const j1 = above(capacity - threshold);
    const j123 = atLeast(threshold);
    const j2 = j12 - j1;
    const sumJ2 = (prefix[j12] as number) - (prefix[j1] as number);
    const sumJ3 = (prefix[j123] as number) - (prefix[j12] as number);
    const overflow = Math.max(0, instancesFor(sumJ3 - (j2 * capacity - sumJ2), capacity, sumJ3 + j2 * capacity + sumJ2));
    best = Math.max(best, j1 + j2 + overflow);
  };
  split(0);
  // Every distinct weight up to half the capacity; sorted, a repeat follows its twin.
  for (let position = j12; position < sorted.length; position += 1) {
    if (position === j12 || sorted[position] !== sorted[position - 1]) split(sorted[position] as number);
  }
  return best;
}
