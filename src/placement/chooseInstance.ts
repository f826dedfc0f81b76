/**
 * The order and select phases: narrow the candidates one strategy at a time,
 * then take the earliest registered.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { PlacementInputError } from '../model/PlacementInputError';
import { builtInStrategy } from '../strategies/builtInStrategy';
import type { Strategy, StrategyContext } from '../strategies/Strategy';

/** Called with every key a strategy gives, for explanations. */
export type KeyObserver = (strategyIndex: number, instance: InstanceState, key: number) => void;

/**
 * Chooses the instance for one task.
 *
 * Each strategy keeps only the candidates with its lowest key, so the chain
 * compares keys lexicographically and a later strategy only breaks the ties
 * of the earlier ones. Once one candidate is left the rest of the chain
 * cannot change the choice and is skipped. Candidates come in registration
 * order, so the first survivor is the earliest registered: the final tie.
 *
 * `random` ends the chain: it takes one number u from the generator and keeps
 * the survivor at position floor(u x m) of the m left. (Its key in an
 * explanation is 0 for that survivor and 1 for the others.)
 *
 * @param candidates - instances that passed every check, in registration order (at least one)
 * @param strategies - the chain
 * @param context - the placement under way
 * @param observe - receives every key computed
 * @returns the chosen instance
 * @throws {@link PlacementInputError} `invalid_strategy` when a strategy gives a key that is not a number
 */
export function chooseInstance(
  candidates: readonly InstanceState[],
  strategies: readonly Strategy[],
  context: StrategyContext,
  observe?: KeyObserver,
): InstanceState {
  let survivors = candidates;
  for (let index = 0; index < strategies.length && survivors.length > 1; index += 1) {
    const strategy = strategies[index] as Strategy;
    const record = (instance: InstanceState, key: number): void => observe?.(index, instance, key);
    survivors = builtInStrategy(strategy)?.kind === 'random'
      ? [drawOne(survivors, context, record)]
      : lowestKeys(survivors, strategy, index, context, record);
  }
  return survivors[0] as InstanceState;
}

function drawOne(candidates: readonly InstanceState[], context: StrategyContext, observe: (instance: InstanceState, key: number) => void): InstanceState {
  const chosen = candidates[Math.floor(context.random() * candidates.length)] as InstanceState;
  for (const instance of candidates) observe(instance, instance === chosen ? 0 : 1);
  return chosen;
}

function lowestKeys(
  candidates: readonly InstanceState[],
  strategy: Strategy,
  index: number,
  context: StrategyContext,
  observe: (instance: InstanceState, key: number) => void,
): InstanceState[] {
  const keyOf = strategy.rank(context);
  let best = Infinity;
  let kept: InstanceState[] = [];
  for (const instance of candidates) {
    const key = keyOf(instance);
    if (typeof key !== 'number' || Number.isNaN(key)) {
      throw new PlacementInputError('invalid_strategy', `request.placementStrategy[${index}]`, `The strategy ${strategy.name} gave instance ${instance.id} the key ${String(key)}; keys must be numbers.`);
    }
    observe(instance, key);
    if (key < best) {
      best = key;
      kept = [instance];
    } else if (key === best) {
      kept.push(instance);
    }
  }
  return kept;
}
