/**
 * A failure as ECS reports it: the reason of the closest matching instance.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { CheckOutcome } from './checkInstance';
import type { Diagnosis } from './Diagnosis';
import { failureDetail } from './describeRejection';
import type { PlacementFailure } from './PlacementResult';
import { ecsReason, type Rejection } from '../model/Rejection';

/** ECS's words for a cluster without instances. */
export const NO_INSTANCES = 'No Container Instances were found in your cluster.';

/**
 * Builds the failure for a task no instance can take.
 *
 * The closest matching instance is the one that passed the most checks; on a
 * tie, the earliest registered (the first in `instances`).
 *
 * @param instances - every instance, in registration order
 * @param outcomes - their check outcomes, all rejections
 * @param diagnosis - the diagnosis of those outcomes, frozen
 * @returns the failure, frozen all the way down: every failed task of a
 *   request shares it, and its rejection may be a constraint's own
 */
export function failureFrom(instances: readonly InstanceState[], outcomes: readonly CheckOutcome[], diagnosis: Diagnosis): PlacementFailure {
  let closest = -1;
  for (let index = 0; index < outcomes.length; index += 1) {
    if (closest < 0 || (outcomes[index] as CheckOutcome).passed > (outcomes[closest] as CheckOutcome).passed) closest = index;
  }
  if (closest < 0) return Object.freeze({ reason: NO_INSTANCES, detail: NO_INSTANCES, diagnosis });
  const instanceId = (instances[closest] as InstanceState).id;
  const rejection = Object.freeze((outcomes[closest] as CheckOutcome).rejection as Rejection);
  return Object.freeze({ reason: ecsReason(rejection), instanceId, rejection, detail: failureDetail(rejection, instanceId), diagnosis });
}
