/**
 * pack: rank instances by how well the task fits them on several resources
 * at once, with one of five published scorers. An extension beside ECS,
 * whose binpack ranks by one resource.
 *
 * Every amount is read as a share of the instance's registered capacity:
 * for each listed resource r, d = demand / capacity, f = remaining /
 * capacity before the task, u' = (capacity - remaining + demand) / capacity
 * used after it, f' = 1 - u' free after it. A resource the instance has not
 * registered counts as full (u' = 1, f = f' = 0, d = 0), as binpack counts
 * its remaining amount as 0. Weights w (default 1) scale each resource.
 *
 *   dotProduct      -sum(w d f)                 Tetris's alignment
 *   bestFit         sum(w 10^f')                Nomad's ScoreFitBinPack
 *   mostAllocated   -100 sum(w u') / sum(w)     Kubernetes' MostAllocated
 *   leastAllocated  -100 sum(w f') / sum(w)     Kubernetes' LeastAllocated
 *   balanced        100 sd(u'), weighted        Kubernetes' BalancedAllocation
 *
 * Keys are lower-is-better, as every strategy's: the scorers whose sources
 * maximise a score use its negation.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { PackScorer } from '../model/PackStrategy';
import type { InstanceStrategy, OpaqueStrategy } from '../model/Strategy';
import type { TaskRequirements } from '../model/TaskRequirements';
import type { ValidStrategy } from '../model/ValidRequest';

/** A pack spec, checked: its weights filled in. */
type PackSpec = Extract<ValidStrategy, { readonly type: 'pack' }>;

/** The shares of one instance that a scorer reads, per listed resource. */
interface Shares {
  /** The task's demand over capacity. */
  readonly demand: Float64Array;
  /** Remaining before the task, over capacity. */
  readonly free: Float64Array;
  /** Used after the task, over capacity. */
  readonly usedAfter: Float64Array;
}

type Score = (shares: Shares, weights: readonly number[]) => number;

const SCORES: Readonly<Record<PackScorer, Score>> = {
  dotProduct: ({ demand, free }, weights) => {
    let sum = 0;
    for (let r = 0; r < weights.length; r += 1) sum += (weights[r] as number) * (demand[r] as number) * (free[r] as number);
    return -sum;
  },
  bestFit: ({ usedAfter }, weights) => {
    let total = 0;
    for (let r = 0; r < weights.length; r += 1) total += (weights[r] as number) * 10 ** (1 - (usedAfter[r] as number));
    return total;
  },
  mostAllocated: ({ usedAfter }, weights) => -100 * weightedMean(usedAfter, weights),
  leastAllocated: ({ usedAfter }, weights) => -100 * (1 - weightedMean(usedAfter, weights)),
  balanced: ({ usedAfter }, weights) => {
    const mean = weightedMean(usedAfter, weights);
    let spread = 0;
    let total = 0;
    for (let r = 0; r < weights.length; r += 1) {
      const gap = (usedAfter[r] as number) - mean;
      spread += (weights[r] as number) * gap * gap;
      total += weights[r] as number;
    }
    return 100 * Math.sqrt(spread / total);
  },
};

function weightedMean(values: Float64Array, weights: readonly number[]): number {
  let sum = 0;
  let total = 0;
  for (let r = 0; r < weights.length; r += 1) {
    sum += (weights[r] as number) * (values[r] as number);
    total += weights[r] as number;
  }
  return sum / total;
}

/** Bound strategies by spec and demands, so that requests alike share one (and the indexed engine one view). */
const bound = new Map<string, InstanceStrategy>();
/** Past this many, the oldest is forgotten: a new one for the same spec and task only costs a new view. */
const MOST_BOUND = 1024;

/**
 * The `pack` strategy of a spec, for the task being placed: a key of the
 * instance's own resources once the task's demands are known, so the
 * indexed engine keeps instances ordered by it. Without a task (a chain read
 * to choose tasks to stop) it is a rank, which needs the task to place.
 *
 * @param spec - the checked spec
 * @param task - the task being placed, when there is one
 * @returns the strategy, frozen; the same value for the same spec and demands
 */
export function pack(spec: PackSpec, task: TaskRequirements | undefined): InstanceStrategy | OpaqueStrategy {
  const name = packName(spec);
  if (task === undefined) {
    return Object.freeze({ name, dependsOn: 'anything', rank: ({ task: placed }) => keyFor(spec, demandsOf(spec, placed)) } satisfies OpaqueStrategy);
  }
  const demands = demandsOf(spec, task);
  const id = `${spec.scorer}\u0000${spec.resources.join('\u0001')}\u0000${spec.weights.join('\u0001')}\u0000${demands.join('\u0001')}`;
  let strategy = bound.get(id);
  if (strategy === undefined) {
    strategy = Object.freeze({ name, dependsOn: 'instance', key: keyFor(spec, demands) } satisfies InstanceStrategy);
    if (bound.size >= MOST_BOUND) bound.delete(bound.keys().next().value as string);
    bound.set(id, strategy);
  }
  return strategy;
}

/** `pack(dotProduct: cpu, memory)`, with a weight other than 1 after its resource: `cpu*2`. */
function packName({ scorer, resources, weights }: PackSpec): string {
  const listed = resources.map((resource, index) => (weights[index] === 1 ? resource : `${resource}*${String(weights[index])}`));
  return `pack(${scorer}: ${listed.join(', ')})`;
}

function demandsOf(spec: PackSpec, task: TaskRequirements): readonly number[] {
  return spec.resources.map((resource) => task.resources[resource] ?? 0);
}

function keyFor(spec: PackSpec, demands: readonly number[]): (instance: InstanceState) => number {
  const score = SCORES[spec.scorer];
  const { resources, weights } = spec;
  const count = resources.length;
  // One set of arrays per strategy: a key is read once per instance, never inside another.
  const shares: Shares = { demand: new Float64Array(count), free: new Float64Array(count), usedAfter: new Float64Array(count) };
  return (instance) => {
    for (let r = 0; r < count; r += 1) {
      const resource = resources[r] as string;
      const capacity = instance.registeredResources[resource] ?? 0;
      if (capacity > 0) {
        const remaining = instance.remainingResources[resource] ?? 0;
        const demand = demands[r] as number;
        shares.demand[r] = demand / capacity;
        shares.free[r] = remaining / capacity;
        shares.usedAfter[r] = (capacity - remaining + demand) / capacity;
      } else {
        shares.demand[r] = 0;
        shares.free[r] = 0;
        shares.usedAfter[r] = 1;
      }
    }
    return score(shares, weights);
  };
}
