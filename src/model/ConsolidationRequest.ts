/**
 * A consolidation request: which instances may be emptied by moving their
 * tasks to the others.
 *
 * @module
 */
import type { ServicePlacement } from './ServicePlacement';

/**
 * What {@link Cluster.planConsolidation} plans for.
 *
 * @example
 * ```ts
 * cluster.planConsolidation({
 *   services: [
 *     { service: 'web', task: { family: 'web', resources: { memory: 512 } } },
 *     { group: 'batch', task: { family: 'batch', resources: { cpu: 1024 } }, placementStrategy: [{ type: 'binpack', field: 'cpu' }] },
 *   ],
 *   keep: ['i-1'],
 *   maxMoves: 20,
 * });
 * ```
 *
 * @category Requests
 */
export interface ConsolidationRequest {
  /**
   * How each group's tasks are placed, one entry per group: services and
   * standalone groups alike. A task whose group no entry describes is never
   * moved, so its instance is never emptied.
   */
  readonly services: readonly ServicePlacement[];
  /** Instances never emptied (they may still receive moved tasks). */
  readonly keep?: readonly string[];
  /** The most tasks the plan moves: a whole number from 0. Unlimited when absent. */
  readonly maxMoves?: number;
}
