/**
 * Packing a bin packing problem with the library: online, task by task in
 * the problem's order, as a scheduler that never looks ahead places, or as
 * one batch, which may reorder the tasks.
 *
 * @module
 */
import { Cluster } from '../../cluster/Cluster';
import type { BatchOrder } from '../../model/BatchPlacementOptions';
import type { PackStrategy } from '../../model/PackStrategy';
import type { PlacementStrategy } from '../../model/PlacementRequest';
import type { Strategy } from '../../model/Strategy';
import type { PackingProblem } from './PackingProblem';

/** How {@link packProblem} places the tasks. */
export interface PackProblemOptions {
  /** Place every task in one `Cluster.placeBatch` call, in this order; without it, one `Cluster.place` call a task, in the problem's order. */
  readonly batch?: BatchOrder;
}

/**
 * Places a problem's tasks, each with the chain given, on as many empty
 * instances as there are tasks (ids `bin-1`, `bin-2`, ..., registered in
 * that order, so that ties go to the lowest number), and counts the
 * instances used.
 *
 * @remarks
 * With `[{ type: 'binpack', field: 'memory' }]` on a one-dimensional problem,
 * online is Best Fit and `{ batch: 'largestFirst' }` is Best Fit Decreasing
 * (or Best Fit, when that packs better).
 *
 * @param problem - the problem, as {@link readPackingFile} reads it
 * @param placementStrategy - the chain each task is placed with
 * @param options - online (the default) or as one batch
 * @returns the instances that hold at least one task
 * @throws {@link task-placement!PlacementInputError} as `Cluster.place` does, for a chain it refuses
 *
 * @example
 * ```ts
 * const problem = readPackingFile('4\n10\n3\n3\n7\n7\n', 'four.bpp');
 * packProblem(problem, [{ type: 'binpack', field: 'memory' }]); // 3: 3+3, 7, 7
 * packProblem(problem, [{ type: 'binpack', field: 'memory' }], { batch: 'largestFirst' }); // 2: 7+3, 7+3
 * ```
 */
export function packProblem(problem: PackingProblem, placementStrategy: readonly (PlacementStrategy | PackStrategy | Strategy)[], options: PackProblemOptions = {}): number {
  const cluster = new Cluster({
    // An instance registers CPU and memory; a problem without one of them gives it none.
    instances: problem.tasks.map((_, index) => ({ id: `bin-${index + 1}`, resources: { cpu: 0, memory: 0, ...problem.capacity } })),
  });
  const chain = Object.freeze([...placementStrategy]);
  const requests = problem.tasks.map((resources) => ({ task: { resources }, group: 'packing', placementStrategy: chain }));
  const results = options.batch === undefined ? requests.map((request) => cluster.place(request)) : cluster.placeBatch(requests, { order: options.batch }).results;
  // An instance per task, each task no larger than one: only a chain that refuses an empty instance leaves a task out.
  const failure = results.find((result) => result.failures.length > 0)?.failures[0];
  if (failure !== undefined) throw new Error(`packProblem: a task of ${problem.name} found no instance: ${failure.reason}`);
  return new Set(cluster.tasks().map((task) => task.instanceId)).size;
}
