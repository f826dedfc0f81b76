/**
 * What {@link Cluster.explain} returns: the decision for a request, instance
 * by instance, without placing anything.
 *
 * @module
 */
import type { Diagnosis } from './Diagnosis';
import type { PlacementResult } from './PlacementResult';
import type { Rejection } from '../model/Rejection';

/**
 * How one instance fared in the decision for the request's first task.
 *
 * @category Results
 */
export interface InstanceExplanation {
  /** The instance. */
  readonly instanceId: string;
  /**
   * `chosen`: the first task would go here; `candidate`: it passed every
   * check but the strategies preferred another; `rejected`: a check failed.
   */
  readonly outcome: 'chosen' | 'candidate' | 'rejected';
  /** For a rejected instance, the first check it failed. */
  readonly rejection?: Rejection;
  /** For a rejected instance, the ECS failure reason. */
  readonly reason?: string;
  /** How many checks it passed, in pipeline order. */
  readonly passed: number;
  /**
   * The key each strategy gave it, in chain order (lower is better). Shorter
   * than the chain when it was ranked out earlier or the chain stopped
   * because one candidate was left.
   */
  readonly keys: readonly number[];
  /** For a candidate not chosen: the strategy that ranked it out, or `registration order` for the final tie. */
  readonly outrankedBy?: string;
}

/**
 * The full account of a request's first decision, and what the whole request would do.
 *
 * @category Results
 */
export interface Explanation {
  /** The request's task group. */
  readonly group: string;
  /** The strategy chain applied (ECS's defaults when the request gives none). */
  readonly strategies: readonly string[];
  /**
   * For a request with a capacity provider strategy: the provider the split
   * gives the first task. The decision explained is then that task's among
   * the provider's instances (the constraints end with the provider's
   * memberOf), and `result` is the whole request's, every provider's tasks.
   */
  readonly capacityProvider?: string;
  /** The constraints applied, task definition's first. */
  readonly constraints: readonly string[];
  /** Every instance, in registration order. */
  readonly instances: readonly InstanceExplanation[];
  /** Where the first task would go, if anywhere. */
  readonly chosenInstanceId?: string;
  /** The diagnosis of the first decision. */
  readonly diagnosis: Diagnosis;
  /** What placing the request now would return (task ids included); the cluster is not changed. */
  readonly result: PlacementResult;
}
