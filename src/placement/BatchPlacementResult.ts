/**
 * What a batch placement returns.
 *
 * @module
 */
import type { BatchMethod } from '../model/BatchPlacementOptions';
import type { PlacementResult } from './PlacementResult';

/**
 * The result of {@link Cluster.placeBatch}: each request's result, as
 * {@link Cluster.place} would give it, and how well the cluster is packed
 * afterwards.
 *
 * @category Results
 */
export interface BatchPlacementResult {
  /** One result per request, in the order the requests were given; each request's tasks in the order they were placed. */
  readonly results: readonly PlacementResult[];
  /** Instances running at least one task after the batch. */
  readonly instancesUsed: number;
  /**
   * No placement of every task running after the batch fits them on fewer
   * instances: per resource, the fewest instances (that can take tasks, or
   * hold one) whose capacities, largest first, add up to the tasks' demand;
   * the largest over resources. When those instances are all alike and run
   * at most 100,000 tasks, the bounds of bin packing too (L2, and bounds
   * that read resources together, such as tasks no two of which fit one
   * instance), whichever is largest.
   */
  readonly lowerBound: number;
  /** How the batch was placed: the way that placed the most tasks, then used the fewest instances, of those tried (on a tie, the given order, then largest first). */
  readonly method: BatchMethod;
  /** False when the fill was cut short by the time limit: only then may the result differ from one machine to another. */
  readonly complete: boolean;
}
