/**
 * Placing many requests together: their tasks one at a time, in an order
 * that packs better than the given one, each through its own request's
 * pipeline, so that no check is skipped.
 *
 * Each order asked for is tried on the cluster as it is and undone; the
 * given order is always tried too, and the order that places more tasks,
 * then uses fewer instances, is placed for good (the given order on a tie).
 * Trying is deterministic (the generator and the task numbering are put
 * back after each try), so placing the chosen order again gives exactly the
 * result it was chosen for.
 *
 * @module
 */
import type { BatchOrder } from '../model/BatchPlacementOptions';
import { fewestInstances } from '../model/fewestInstances';
import type { ValidBatchOptions } from '../model/validation/validateBatchOptions';
import type { BatchPlacementResult } from '../placement/BatchPlacementResult';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { Placement, PlacementFailure, PlacementResult } from '../placement/PlacementResult';
import type { PlacementPlan } from '../placement/planPlacement';
import type { ClusterState } from '../state/ClusterState';

/** One request of a batch: its plan for one task, and how many tasks it asks for. */
export interface BatchRequest {
  readonly plan: PlacementPlan;
  readonly count: number;
}

/** What one order gave. */
interface Outcome {
  readonly results: PlacementResult[];
  readonly placed: number;
  readonly used: number;
}

/**
 * Places a batch, keeping what it placed.
 *
 * @param state - the cluster
 * @param placer - its engine
 * @param requests - the batch, each request planned for one task
 * @param options - the order asked for
 * @returns each request's result, the instances used and the lower bound
 */
export function placeBatch(state: ClusterState, placer: PlacementEngine, requests: readonly BatchRequest[], options: ValidBatchOptions): BatchPlacementResult {
  const orders: BatchOrder[] = options.order === 'given' ? ['given'] : ['given', options.order];
  let chosen: BatchOrder = 'given';
  if (orders.length > 1) {
    let best: Outcome | undefined;
    for (const order of orders) {
      const outcome = state.tentatively(() => placeInOrder(state, placer, requests, order), () => false);
      if (best === undefined || outcome.placed > best.placed || (outcome.placed === best.placed && outcome.used < best.used)) {
        best = outcome;
        chosen = order;
      }
    }
  }
  const { results, used } = placeInOrder(state, placer, requests, chosen);
  return { results, instancesUsed: used, lowerBound: lowerBound(state), order: chosen };
}

/** Places every task of the batch in an order, each request's tasks through its own plan. */
function placeInOrder(state: ClusterState, placer: PlacementEngine, requests: readonly BatchRequest[], order: BatchOrder): Outcome {
  const placements: Placement[][] = requests.map(() => []);
  const failures: PlacementFailure[][] = requests.map(() => []);
  let placed = 0;
  for (const index of taskOrder(state, requests, order)) {
    const { placements: made, failures: failed } = placer.place((requests[index] as BatchRequest).plan);
    (placements[index] as Placement[]).push(...made);
    (failures[index] as PlacementFailure[]).push(...failed);
    placed += made.length;
  }
  let used = 0;
  for (const instance of state.instances()) if (instance.runningTasksCount > 0) used += 1;
  return { results: requests.map((_, index) => ({ placements: placements[index] as Placement[], failures: failures[index] as PlacementFailure[] })), placed, used };
}

/** The request of each task, in the order it is placed. */
function taskOrder(state: ClusterState, requests: readonly BatchRequest[], order: BatchOrder): number[] {
  const tasks = requests.flatMap(({ count }, index) => new Array<number>(count).fill(index));
  if (order === 'given') return tasks;
  // The largest amount any instance registered of each resource: a task's share of it says how hard the task is to fit.
  const largest = new Map<string, number>();
  for (const instance of state.instances()) {
    for (const [resource, amount] of Object.entries(instance.registeredResources)) largest.set(resource, Math.max(largest.get(resource) ?? 0, amount));
  }
  const shares = requests.map(({ plan }) => {
    let share = 0;
    for (const [resource, amount] of Object.entries(plan.task.resources)) {
      const most = largest.get(resource) ?? 0;
      // A resource no instance has is a task no instance takes: it goes first, to fail before it uses anything.
      share = Math.max(share, most > 0 ? amount / most : Infinity);
    }
    return share;
  });
  // Array.prototype.sort is stable: ties keep the given order.
  return tasks.sort((a, b) => (shares[b] as number) - (shares[a] as number) || 0);
}

/**
 * The volume bound on the instances that hold every running task: per
 * resource, the fewest instances (that can take tasks, or already run one)
 * whose capacities, largest first, hold the tasks' demand.
 */
function lowerBound(state: ClusterState): number {
  const demand = new Map<string, number>();
  for (const task of state.tasks()) {
    for (const [resource, amount] of Object.entries(task.resources)) demand.set(resource, (demand.get(resource) ?? 0) + amount);
  }
  const pool = state.instances().filter((instance) => (instance.status === 'ACTIVE' && instance.agentConnected) || instance.firstTask !== undefined);
  let bound = 0;
  for (const [resource, total] of demand) bound = Math.max(bound, fewestInstances(pool.map((instance) => instance.registeredResources[resource] ?? 0), total));
  return bound;
}
