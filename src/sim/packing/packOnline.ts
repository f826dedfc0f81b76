/**
 * Packing a bin packing problem online, task by task in the file's order,
 * with any strategy chain: how a scheduler that never looks ahead packs it.
 *
 * @module
 */
import { Cluster } from '../../cluster/Cluster';
import type { PackStrategy } from '../../model/PackStrategy';
import type { PlacementStrategy } from '../../model/PlacementRequest';
import type { Strategy } from '../../model/Strategy';
import type { PackingProblem } from './PackingProblem';

/**
 * Places a problem's tasks one at a time, in order, each with the chain
 * given, on as many empty instances as there are tasks (ids `bin-1`,
 * `bin-2`, ..., registered in that order, so that ties go to the lowest
 * number), and counts the instances used.
 *
 * @remarks
 * With `[{ type: 'binpack', field: 'memory' }]` on a one-dimensional problem
 * this is Best Fit: each task goes to the fullest instance it fits on.
 *
 * @param problem - the problem, as {@link readPackingFile} reads it
 * @param placementStrategy - the chain each task is placed with
 * @returns the instances that hold at least one task
 * @throws {@link task-placement!PlacementInputError} as `Cluster.place` does, for a chain it refuses
 *
 * @example
 * ```ts
 * const problem = readPackingFile('4\n10\n6\n6\n4\n4\n', 'four.bpp');
 * packOnline(problem, [{ type: 'binpack', field: 'memory' }]); // 2: 6+4 and 6+4
 * ```
 */
export function packOnline(problem: PackingProblem, placementStrategy: readonly (PlacementStrategy | PackStrategy | Strategy)[]): number {
  const cluster = new Cluster({
    // An instance registers CPU and memory; a problem without one of them gives it none.
    instances: problem.tasks.map((_, index) => ({ id: `bin-${index + 1}`, resources: { cpu: 0, memory: 0, ...problem.capacity } })),
  });
  const chain = Object.freeze([...placementStrategy]);
  for (const resources of problem.tasks) {
    const result = cluster.place({ task: { resources }, group: 'packing', placementStrategy: chain });
    // An instance per task, each task no larger than one: only a chain that refuses an empty instance leaves a task out.
    if (result.failures.length > 0) throw new Error(`packOnline: a task of ${problem.name} found no instance: ${result.failures[0]?.reason ?? ''}`);
  }
  return new Set(cluster.tasks().map((task) => task.instanceId)).size;
}
