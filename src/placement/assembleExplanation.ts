/**
 * An explanation put together from what an engine decided: the same words
 * whichever engine found the keys and the choice.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { CheckOutcome } from './checkInstance';
import { diagnose } from './Diagnosis';
import type { Explanation, InstanceExplanation } from './Explanation';
import type { PlacementResult } from './PlacementResult';
import type { PlacementPlan } from './planPlacement';
import { ecsReason } from '../model/Rejection';

/** The name given to the final tie-break in explanations. */
const REGISTRATION_ORDER = 'registration order';

/** What an engine found for a request's first task, and what the whole request would place. */
export interface Decided {
  /** Every instance, in registration order. */
  readonly instances: readonly InstanceState[];
  /** Their check outcomes, in the same order. */
  readonly outcomes: readonly CheckOutcome[];
  /** The key each strategy gave each instance it ranked, by chain position. */
  readonly keys: ReadonlyMap<InstanceState, readonly number[]>;
  /** Where the first task would go, if anywhere. */
  readonly chosen: InstanceState | undefined;
  /** What placing the request would return. */
  readonly result: PlacementResult;
}

/**
 * Builds the explanation of a request.
 *
 * @param plan - the request
 * @param decided - what the engine found
 */
export function assembleExplanation(plan: PlacementPlan, decided: Decided): Explanation {
  const strategies = plan.strategies.map((strategy) => strategy.name);
  const instances = decided.instances.map((instance, index) =>
    explainInstance(instance, decided.outcomes[index] as CheckOutcome, decided.chosen, decided.keys, strategies));
  return {
    group: plan.group,
    strategies,
    constraints: plan.constraints.map((constraint) => constraint.name),
    instances,
    ...(decided.chosen === undefined ? {} : { chosenInstanceId: decided.chosen.id }),
    diagnosis: diagnose(decided.outcomes),
    result: decided.result,
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
