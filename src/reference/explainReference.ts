/**
 * Explanations, computed by the reference engine inside dry runs.
 *
 * @module
 */
import type { ClusterState } from '../state/ClusterState';
import type { InstanceState } from '../model/InstanceState';
import type { PlacementPlan } from '../placement/planPlacement';
import type { CheckOutcome } from '../placement/checkInstance';
import { diagnose } from '../placement/Diagnosis';
import type { Explanation, InstanceExplanation } from '../placement/Explanation';
import { ecsReason } from '../placement/Rejection';
import { decide, placeReference } from './placeReference';

/** The name given to the final tie-break in explanations. */
const REGISTRATION_ORDER = 'registration order';

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
  const strategies = request.strategies.map((strategy) => strategy.name);
  const instances = state.instances().map((instance, index) =>
    explainInstance(instance, decision.outcomes[index] as CheckOutcome, decision.chosen, keys, strategies),
  );
  return {
    group: request.group,
    strategies,
    constraints: request.constraints.map((constraint) => constraint.name),
    instances,
    ...(decision.chosen === undefined ? {} : { chosenInstanceId: decision.chosen.id }),
    diagnosis: diagnose(decision.outcomes),
    result,
  };
}

function explainInstance(
  instance: InstanceState,
  outcome: CheckOutcome,
  chosen: InstanceState | undefined,
  keys: ReadonlyMap<InstanceState, readonly number[]>,
  strategies: readonly string[],
): InstanceExplanation {
  const own = keys.get(instance) ?? [];
  const base = { instanceId: instance.id, passed: outcome.passed, keys: own };
  if (outcome.rejection !== undefined) {
    return { ...base, outcome: 'rejected', rejection: outcome.rejection, reason: ecsReason(outcome.rejection) };
  }
  if (instance === chosen) return { ...base, outcome: 'chosen' };
  // A candidate left the chain at the last strategy that keyed it, unless it
  // tied the chosen instance there; then only registration order separated them.
  const last = own.length - 1;
  const best = chosen === undefined ? undefined : keys.get(chosen)?.[last];
  const outrankedBy = last >= 0 && best !== undefined && (own[last] as number) > best ? strategies[last] : undefined;
  return { ...base, outcome: 'candidate', outrankedBy: outrankedBy ?? REGISTRATION_ORDER };
}
