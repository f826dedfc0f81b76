/**
 * The reference engine: the placement pipeline written as plain loops over
 * every instance for every task. It is the specification in code; the fast
 * engine must give the same answers.
 *
 * @module
 */
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { PlacementPlan } from '../placement/planPlacement';
import { checkInstance, type CheckOutcome } from '../placement/checkInstance';
import { chooseInstance, type KeyObserver } from '../placement/chooseInstance';
import { diagnose } from '../placement/Diagnosis';
import { failureFrom } from '../placement/failureFrom';
import { placeEach } from '../placement/placeEach';
import { withCensus } from '../placement/withCensus';
import type { PlacementFailure, PlacementResult } from '../placement/PlacementResult';
import type { StrategyContext } from '../model/Strategy';

/** The decision for one task: the instance chosen, or the failure, with what led to it. */
export interface Decision {
  readonly outcomes: readonly CheckOutcome[];
  readonly chosen: InstanceRecord | undefined;
  readonly failure: PlacementFailure | undefined;
}

/**
 * Places the tasks of a request one at a time, each where {@link decide}
 * puts it.
 *
 * @param state - the cluster
 * @param request - a validated request
 */
export function placeReference(state: ClusterState, request: PlacementPlan): PlacementResult {
  return placeEach(state, request, () => {
    const { chosen, failure } = decide(state, request);
    return chosen ?? (failure as PlacementFailure);
  });
}

/**
 * Decides where the next task of a request goes: (1) every instance through
 * the checks, (2) the candidates through the strategy chain, (3) the
 * earliest registered of those left.
 *
 * @param state - the cluster
 * @param request - a validated request
 * @param observe - receives every strategy key, for explanations
 */
export function decide(state: ClusterState, request: PlacementPlan, observe?: KeyObserver): Decision {
  const instances = state.instances();
  const checks = withCensus(request, instances);
  const outcomes = instances.map((instance) => checkInstance(instance, checks));
  const candidates = instances.filter((_, index) => (outcomes[index] as CheckOutcome).rejection === undefined);
  if (candidates.length === 0) {
    return { outcomes, chosen: undefined, failure: failureFrom(instances, outcomes, diagnose(outcomes)) };
  }
  const context: StrategyContext = {
    group: request.group,
    task: request.task,
    instances,
    random: () => state.random.next(),
  };
  const chosen = chooseInstance(candidates, request.strategies, context, state.registrationSpan, observe) as InstanceRecord;
  return { outcomes, chosen, failure: undefined };
}
