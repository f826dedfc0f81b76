/**
 * Why placements failed, counted.
 *
 * @module
 */
import type { PlacementResult } from '../../placement/PlacementResult';
import { mostFirst } from './mostFirst';

/**
 * Counts the failures of placement results by ECS reason.
 *
 * @param results - results of `Cluster.place`
 * @returns reason to number of tasks not placed for it, the most frequent
 *   first (ties by reason); empty when every task was placed
 * @example
 * ```ts
 * failuresByReason([cluster.place(gpuRequest), cluster.place(edgeRequest)]);
 * // { 'RESOURCE:GPU': 6, 'RESOURCE:PORTS': 3 }
 * ```
 */
export function failuresByReason(results: readonly PlacementResult[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const { failures } of results) {
    for (const { reason } of failures) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return mostFirst(counts);
}
