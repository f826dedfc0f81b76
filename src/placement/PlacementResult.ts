/**
 * What a placement request returns, shaped like ECS's RunTask response.
 *
 * @module
 */
import type { Diagnosis } from './Diagnosis';
import type { Rejection } from '../model/Rejection';

/**
 * One placed task.
 *
 * @category Results
 */
export interface Placement {
  /** The new task's id. */
  readonly taskId: string;
  /** The instance it was placed on. */
  readonly instanceId: string;
}

/**
 * One task that could not be placed.
 *
 * @category Results
 */
export interface PlacementFailure {
  /**
   * The ECS failure reason of the closest matching instance: `RESOURCE:CPU`,
   * `RESOURCE:MEMORY`, `RESOURCE:GPU`, `RESOURCE:<CUSTOM>`, `RESOURCE:PORTS`,
   * `RESOURCE:PORTS_UDP`, `ATTRIBUTE`, `AGENT`,
   * `MemberOf placement constraint unsatisfied.`,
   * `DistinctInstance placement constraint unsatisfied.`, or
   * `No Container Instances were found in your cluster.` (ECS's words) when
   * the cluster has no instances.
   */
  readonly reason: string;
  /** The closest matching instance: the one that passed the most checks (ties: earliest registered). */
  readonly instanceId?: string;
  /** Why that instance was rejected, as data. */
  readonly rejection?: Rejection;
  /** A sentence like the one ECS's service event ends with, with numbers. */
  readonly detail: string;
  /** Every instance counted by the first check that rejected it. */
  readonly diagnosis: Diagnosis;
}

/**
 * The result of {@link Cluster.place}: like RunTask, the tasks placed and one
 * failure per task that was not. Placing nothing is a result, not an error.
 *
 * @category Results
 */
export interface PlacementResult {
  /** Placed tasks, in the order they were placed. */
  readonly placements: readonly Placement[];
  /** One entry per task not placed. */
  readonly failures: readonly PlacementFailure[];
}
