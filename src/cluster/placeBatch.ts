/**
 * Placing many requests together, in a way that packs their tasks onto
 * fewer instances than placing them as they come, never skipping a check.
 *
 *   given          the requests one after another, each through its engine
 *   largestFirst   every task, largest dominant share first, each through
 *                  its own request's engine placement
 *   fill           one instance at a time, the instances already running
 *                  tasks first: the largest task left that it can take, then
 *                  the tasks left that fill it most (minimum bin slack, after
 *                  Gupta and Ho 1999 and Fleszar and Hindi 2002), each
 *                  started only if its request's checks pass on the instance
 *                  as it then is; what no instance was filled with is placed
 *                  largest first, as above
 *
 * The ways asked for are tried on the cluster as it is: the given order
 * always, and the others undone after trying unless the last tried, the
 * fill, is the best, which is then kept as it stands. The best places the
 * most tasks, then uses the fewest instances; on a tie the given order,
 * then largest first. Trying an order is deterministic (the generator and
 * the task numbering are put back after each try), so placing the chosen
 * order again gives exactly what it was chosen for; a fill is never placed
 * again, so a fill cut short by the time limit is kept as it was found.
 *
 * The fill's search, for one instance: the tasks left that its checks allow
 * and that fit what it has left, largest first, tried by depth-first search
 * for the subset with the largest sum of shares (demand over capacity, over
 * every resource); equal demands are tried once a level, a branch is cut
 * when even filling the instance to the brim would not beat the best, and
 * the search stops at a subset that fills the instance exactly, or after
 * {@link NODES_PER_INSTANCE} steps. Tasks with a spreadLimit, or an atMost
 * over an attribute, are left to the placement after the fill: their checks
 * read every instance of a domain, not only the one being filled.
 *
 * @module
 */
import { isDomainConstraint } from '../constraints/DomainConstraint';
import type { BatchMethod, BatchOrder } from '../model/BatchPlacementOptions';
import { takesTasks } from '../model/takesTasks';
import { binPackingBounds } from '../model/binPackingBounds';
import { allAlike, boundPool, volumeBounds } from '../model/volumeBound';
import type { ValidBatchOptions } from '../model/validation/validateBatchOptions';
import type { BatchPlacementResult } from '../placement/BatchPlacementResult';
import { checkInstance } from '../placement/checkInstance';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { Placement, PlacementFailure, PlacementResult } from '../placement/PlacementResult';
import type { PlacementPlan } from '../placement/planPlacement';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';

/** One request of a batch: its plan for one task, and how many tasks it asks for. */
export interface BatchRequest {
  readonly plan: PlacementPlan;
  readonly count: number;
}

/** Search steps the fill spends on one instance: enough for the public sets' instances, which hold two to five tasks. */
const NODES_PER_INSTANCE = 20_000;
/** Steps between two looks at the clock. */
const NODES_PER_CLOCK = 1024;

/** What one way of placing gave. */
interface Outcome {
  readonly results: PlacementResult[];
  readonly placed: number;
  readonly used: number;
  /** False when a fill ran out of time. */
  readonly complete: boolean;
}

/**
 * Places a batch, keeping what it placed.
 *
 * @param state - the cluster
 * @param placer - its engine
 * @param requests - the batch, each request planned for one task
 * @param options - the order asked for, whether to fill, and for how long
 * @returns each request's result, the instances used and the lower bound
 */
export function placeBatch(state: ClusterState, placer: PlacementEngine, requests: readonly BatchRequest[], options: ValidBatchOptions): BatchPlacementResult {
  const orders: BatchOrder[] = options.order === 'given' ? ['given'] : ['given', options.order];
  let best: Outcome | undefined;
  let chosen: BatchMethod = 'given';
  const better = (outcome: Outcome): boolean => best === undefined || outcome.placed > best.placed || (outcome.placed === best.placed && outcome.used < best.used);
  if (orders.length > 1 || options.fill) {
    for (const order of orders) {
      const outcome = state.tentatively(() => placeInOrder(state, placer, requests, order), () => false);
      if (better(outcome)) {
        best = outcome;
        chosen = order;
      }
    }
  }
  if (options.fill) {
    const deadline = Date.now() + options.timeLimitMs;
    const filled = state.tentatively(() => fillInstances(state, placer, requests, deadline), better);
    if (better(filled)) return result(state, filled, 'fill');
  }
  return result(state, placeInOrder(state, placer, requests, chosen), chosen);
}

function result(state: ClusterState, outcome: Outcome, method: BatchMethod): BatchPlacementResult {
  return { results: outcome.results, instancesUsed: outcome.used, lowerBound: lowerBound(state), method, complete: outcome.complete };
}

/** Each request's placements and failures, as a way of placing collects them. */
class Collected {
  readonly placements: Placement[][];
  readonly failures: PlacementFailure[][];
  placed = 0;

  constructor(requests: number) {
    this.placements = Array.from({ length: requests }, () => []);
    this.failures = Array.from({ length: requests }, () => []);
  }

  add(request: number, result: PlacementResult): void {
    (this.placements[request] as Placement[]).push(...result.placements);
    (this.failures[request] as PlacementFailure[]).push(...result.failures);
    this.placed += result.placements.length;
  }

  outcome(state: ClusterState, complete: boolean): Outcome {
    let used = 0;
    for (const instance of state.instances()) if (instance.runningTasksCount > 0) used += 1;
    const results = this.placements.map((placements, index) => ({ placements, failures: this.failures[index] as PlacementFailure[] }));
    return { results, placed: this.placed, used, complete };
  }
}

/** Places every task of the batch in an order, each through its own request's plan. */
function placeInOrder(state: ClusterState, placer: PlacementEngine, requests: readonly BatchRequest[], order: BatchOrder): Outcome {
  const collected = new Collected(requests.length);
  for (const index of taskOrder(state, requests, order)) collected.add(index, placer.place((requests[index] as BatchRequest).plan));
  return collected.outcome(state, true);
}

/** The request of each task, in the order it is placed. */
function taskOrder(state: ClusterState, requests: readonly BatchRequest[], order: BatchOrder): number[] {
  const tasks = requests.flatMap(({ count }, index) => new Array<number>(count).fill(index));
  if (order === 'given') return tasks;
  const shares = dominantShares(state, requests);
  // Array.prototype.sort is stable: ties keep the given order (two tasks no instance takes, Infinity - Infinity, tie too).
  return tasks.sort((a, b) => (shares[b] as number) - (shares[a] as number) || 0);
}

/** Each request's task's largest share of the largest amount of a resource any instance registered. */
function dominantShares(state: ClusterState, requests: readonly BatchRequest[]): number[] {
  const largest = new Map<string, number>();
  for (const instance of state.instances()) {
    for (const [resource, amount] of Object.entries(instance.registeredResources)) largest.set(resource, Math.max(largest.get(resource) ?? 0, amount));
  }
  return requests.map(({ plan }) => {
    let share = 0;
    for (const [resource, amount] of Object.entries(plan.task.resources)) {
      const most = largest.get(resource) ?? 0;
      // A resource no instance has is a task no instance takes: it goes first, to fail before it uses anything.
      share = Math.max(share, most > 0 ? amount / most : Infinity);
    }
    return share;
  });
}

/** Fills one instance at a time with the tasks left that fill it most; see the module's description. */
function fillInstances(state: ClusterState, placer: PlacementEngine, requests: readonly BatchRequest[], deadline: number): Outcome {
  const collected = new Collected(requests.length);
  const resources = [...new Set(requests.flatMap(({ plan }) => plan.resources))];
  // Tasks largest first; each task is its request's index, and `left` says which are still to place.
  const tasks = taskOrder(state, requests, 'largestFirst');
  const demands = requests.map(({ plan }) => Float64Array.from(resources, (resource) => plan.task.resources[resource] ?? 0));
  const keys = demands.map((demand) => demand.join(' '));
  const left = new Uint8Array(tasks.length).fill(1);
  let leftCount = tasks.length;
  const search = new FillSearch(resources.length, deadline);
  // Instances already running tasks first, to fill what they have left; then the others in registration order.
  const instances = state.instances().filter(takesTasks);
  const ordered = [...instances.filter((instance) => instance.runningTasksCount > 0), ...instances.filter((instance) => instance.runningTasksCount === 0)];
  for (const record of ordered) {
    if (leftCount === 0 || search.outOfTime) break;
    const allowed = new Map<number, boolean>();
    const candidates: number[] = [];
    for (let position = 0; position < tasks.length; position += 1) {
      if (left[position] === 0) continue;
      const request = tasks[position] as number;
      let can = allowed.get(request);
      if (can === undefined) allowed.set(request, (can = fills(record, (requests[request] as BatchRequest).plan)));
      if (can) candidates.push(position);
    }
    if (candidates.length === 0) continue;
    const chosen = search.best(record, resources, candidates.map((position) => demands[tasks[position] as number] as Float64Array), candidates.map((position) => keys[tasks[position] as number] as string));
    for (const pick of chosen) {
      const position = candidates[pick] as number;
      const request = tasks[position] as number;
      const { plan } = requests[request] as BatchRequest;
      // The search weighed resources only: ports, groups and constraints of the tasks chosen together are checked here, one start at a time.
      if (checkInstance(record, plan).rejection !== undefined) continue;
      const task = state.startTask(record, plan.task, plan.group);
      collected.add(request, { placements: [{ taskId: task.taskId, instanceId: record.id }], failures: [] });
      left[position] = 0;
      leftCount -= 1;
    }
  }
  for (let position = 0; position < tasks.length; position += 1) {
    if (left[position] === 0) continue;
    const request = tasks[position] as number;
    collected.add(request, placer.place((requests[request] as BatchRequest).plan));
  }
  return collected.outcome(state, !search.outOfTime);
}

/**
 * Whether the fill may put a request's task on an instance: its checks pass,
 * and it has no domain constraint, whose verdict reads every instance of a
 * domain; such tasks are placed after the fill, one request at a time.
 */
function fills(record: InstanceRecord, plan: PlacementPlan): boolean {
  return !plan.constraints.some(isDomainConstraint) && checkInstance(record, plan).rejection === undefined;
}

/** The depth-first search for the subset of tasks that fills one instance most. */
class FillSearch {
  outOfTime = false;
  private readonly residual: Float64Array;
  private readonly capacity: Float64Array;
  private demands: readonly Float64Array[] = [];
  private keys: readonly string[] = [];
  private chosen: number[] = [];
  private bestChosen: number[] = [];
  private bestFill = 0;
  private brim = 0;
  private nodes = 0;
  private sinceClock = 0;

  constructor(resourceCount: number, private readonly deadline: number) {
    this.residual = new Float64Array(resourceCount);
    this.capacity = new Float64Array(resourceCount);
  }

  /**
   * The positions, among `demands` (largest first), of the subset that
   * fills the instance most; the first that fits is always in it.
   */
  best(record: InstanceRecord, resources: readonly string[], demands: readonly Float64Array[], keys: readonly string[]): number[] {
    resources.forEach((resource, r) => {
      this.residual[r] = record.remainingResources[resource] ?? 0;
      this.capacity[r] = record.registeredResources[resource] ?? 0;
    });
    this.demands = demands;
    this.keys = keys;
    this.chosen = [];
    this.bestChosen = [];
    this.bestFill = 0;
    this.nodes = 0;
    this.brim = this.shareOf(this.residual);
    const first = demands.findIndex((demand) => this.fits(demand));
    if (first < 0) return [];
    this.take(first, 1);
    this.chosen.push(first);
    this.visit(first + 1, this.shareOf(demands[first] as Float64Array));
    return this.bestChosen;
  }

  /** @returns true when the search should stop: the instance is filled exactly, or the budget or the time is spent */
  private visit(from: number, fill: number): boolean {
    this.nodes += 1;
    this.sinceClock += 1;
    if (this.sinceClock >= NODES_PER_CLOCK) {
      this.sinceClock = 0;
      if (Date.now() > this.deadline) this.outOfTime = true;
    }
    if (fill > this.bestFill) {
      this.bestFill = fill;
      this.bestChosen = [...this.chosen];
      // Shares add up in floating point: a fill within a rounding error of the brim is exact.
      if (fill >= this.brim - 1e-9) return true;
    }
    if (this.outOfTime || this.nodes >= NODES_PER_INSTANCE) return true;
    // Even filling the instance to the brim from here would not beat the best.
    if (this.brim <= this.bestFill) return false;
    let tried = '';
    for (let position = from; position < this.demands.length; position += 1) {
      const demand = this.demands[position] as Float64Array;
      const key = this.keys[position] as string;
      if (key === tried || !this.fits(demand)) continue;
      tried = key;
      this.take(position, 1);
      this.chosen.push(position);
      const stop = this.visit(position + 1, fill + this.shareOf(demand));
      this.chosen.pop();
      this.take(position, -1);
      if (stop) return true;
    }
    return false;
  }

  private fits(demand: Float64Array): boolean {
    for (let r = 0; r < demand.length; r += 1) if ((demand[r] as number) > (this.residual[r] as number)) return false;
    return true;
  }

  /** Takes a task's demand from what is left (`sign` 1), or gives it back (-1). */
  private take(position: number, sign: 1 | -1): void {
    const demand = this.demands[position] as Float64Array;
    for (let r = 0; r < demand.length; r += 1) this.residual[r] = (this.residual[r] as number) - sign * (demand[r] as number);
  }

  /** The sum, over resources the instance registered, of an amount's share of its capacity. */
  private shareOf(amounts: Float64Array): number {
    let share = 0;
    for (let r = 0; r < amounts.length; r += 1) if ((this.capacity[r] as number) > 0) share += (amounts[r] as number) / (this.capacity[r] as number);
    return share;
  }
}

/** Running tasks above which the bound is the volume bound alone: the others cost O(n log n) a resource pair, too much to add to a small batch on a large cluster. */
const MOST_TASKS_TO_BOUND_CLOSELY = 100_000;

/**
 * A bound on the instances that hold every running task: per resource a
 * task reserves, the fewest instances (that can take tasks, or already run
 * one) whose capacities, largest first, hold the tasks' demand. When those
 * instances are all alike and run at most 100,000 tasks, also the bounds of
 * bin packing (`binPackingBounds`: L2, the surrogate, cardinality and
 * conflict bounds), which see tasks that cannot share an instance.
 */
function lowerBound(state: ClusterState): number {
  const tasks = [...state.tasks()];
  const resources = [...new Set(tasks.flatMap((task) => Object.keys(task.resources)))];
  const pool = boundPool(state.instances(), tasks);
  const volume = Math.max(0, ...Object.values(volumeBounds(pool, tasks, resources)));
  const [first] = pool;
  if (first === undefined || tasks.length > MOST_TASKS_TO_BOUND_CLOSELY || !allAlike(pool, resources)) return volume;
  const capacity = Object.fromEntries(resources.map((resource) => [resource, first.registeredResources[resource] ?? 0]));
  return Math.max(volume, binPackingBounds({ resources, capacity, tasks: tasks.map((task) => task.resources) }).best);
}
