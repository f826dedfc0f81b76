/**
 * Explanations, computed by the reference engine inside dry runs.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { assembleExplanation } from '../placement/assembleExplanation';
import type { Explanation } from '../placement/Explanation';
import type { PlacementPlan } from '../placement/planPlacement';
import type { ClusterState } from '../state/ClusterState';
import { decide, placeReference } from './placeReference';

/**
 * Explains a request: the first task's decision for every instance, and what
 * the whole request would place. Both run as dry runs, so the state, the
 * generator and the task numbering are as they were.
 *
 * @param state - the cluster
 * @param request - a validated request
 */
export function explainReference(state: ClusterState, request: PlacementPlan): Explanation {
  const keys = new Map<InstanceState, number[]>();
  const decision = state.tentatively(
    () => decide(state, request, (index, instance, key) => {
      const list = keys.get(instance) ?? [];
      list[index] = key;
      keys.set(instance, list);
    }),
    () => false,
  );
  const result = state.tentatively(() => placeReference(state, request), () => false);
  return assembleExplanation(request, { instances: state.instances(), outcomes: decision.outcomes, keys, chosen: decision.chosen, result });
}
