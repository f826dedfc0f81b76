/**
 * The order and select phases: narrow the candidates one strategy at a time,
 * then take the earliest registered.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import { PlacementInputError } from '../model/PlacementInputError';
import type { Strategy, StrategyContext } from '../model/Strategy';
import { countingKey } from '../model/TaskSelector';
import { RandomOrder } from '../random/RandomOrder';
import { bucketOf } from '../strategies/spread';

/** Called with every key a strategy gives, for explanations. */
export type KeyObserver = (strategyIndex: number, instance: InstanceState, key: number) => void;

/**
 * Chooses the instance for one task.
 *
 * Each strategy keeps only the candidates with its lowest key, so the chain
 * compares keys lexicographically and a later strategy only breaks the ties
 * of the earlier ones. Once one candidate is left, the strategies that rank
 * are skipped. Candidates come in registration order, so the first survivor
 * is the earliest registered: the final tie.
 *
 * What each key is comes from what the strategy depends on: its own key
 * function of the instance (`instance`), the group's tasks in the
 * instance's bucket (`groupTasks`), or its `rank` function (`anything`).
 * A `draw` strategy ends the chain: it takes one number u from the
 * generator, even when one candidate is left, and keeps the survivor that
 * comes first in the order u gives the registration positions. (Its key in
 * an explanation is 0 for that survivor and 1 for the others.)
 *
 * @param candidates - instances that passed every check, in registration order (at least one)
 * @param strategies - the chain
 * @param context - the placement under way
 * @param registrationSpan - registration positions given out so far: what a draw orders
 * @param observe - receives every key computed
 * @returns the chosen instance
 * @throws {@link PlacementInputError} `invalid_strategy` when a strategy gives a key that is not a number
 */
export function chooseInstance(
  candidates: readonly InstanceState[],
  strategies: readonly Strategy[],
  context: StrategyContext,
  registrationSpan: number,
  observe?: KeyObserver,
): InstanceState {
  let survivors = candidates;
  for (let index = 0; index < strategies.length; index += 1) {
    const strategy = strategies[index] as Strategy;
    const record = (instance: InstanceState, key: number): void => observe?.(index, instance, key);
    if (strategy.dependsOn === 'draw') return drawOne(survivors, context, registrationSpan, record);
    if (survivors.length > 1) survivors = lowestKeys(survivors, strategy, index, keyFunction(strategy, context), record);
  }
  return survivors[0] as InstanceState;
}

/** The key function of one strategy for one task. */
function keyFunction(strategy: Exclude<Strategy, { dependsOn: 'draw' }>, context: StrategyContext): (instance: InstanceState) => number {
  switch (strategy.dependsOn) {
    case 'instance':
      return (instance) => strategy.key(instance);
    case 'groupTasks':
      return groupTasksKey(strategy.bucketAttribute, countingKey(context.group, strategy.taskSelector), strategy.taskSelector !== undefined, context);
    default:
      return strategy.rank(context);
  }
}

/** Tasks of the group (those the strategy selects) in each bucket, counted on every instance, feasible or not. */
function groupTasksKey(attribute: string | undefined, key: string, selected: boolean, { instances }: StrategyContext): (instance: InstanceState) => number {
  const tasksOf = selected ? (instance: InstanceState) => instance.selectedTasks.get(key) ?? 0 : (instance: InstanceState) => instance.taskGroups.get(key) ?? 0;
  if (attribute === undefined) return tasksOf;
  const counts = new Map<string | undefined, number>();
  for (const instance of instances) {
    const bucket = bucketOf(instance, attribute);
    counts.set(bucket, (counts.get(bucket) ?? 0) + tasksOf(instance));
  }
  return (instance) => counts.get(bucketOf(instance, attribute)) ?? 0;
}

function drawOne(
  candidates: readonly InstanceState[],
  context: StrategyContext,
  registrationSpan: number,
  observe: (instance: InstanceState, key: number) => void,
): InstanceState {
  const order = new RandomOrder();
  order.reset(context.random(), registrationSpan);
  let chosen = candidates[0] as InstanceState;
  let first = Infinity;
  for (const instance of candidates) {
    const rank = order.rankOf(instance.registrationOrder);
    if (rank < first) {
      first = rank;
      chosen = instance;
    }
  }
  if (candidates.length > 1) for (const instance of candidates) observe(instance, instance === chosen ? 0 : 1);
  return chosen;
}

function lowestKeys(
  candidates: readonly InstanceState[],
  strategy: Strategy,
  index: number,
  keyOf: (instance: InstanceState) => number,
  observe: (instance: InstanceState, key: number) => void,
): InstanceState[] {
  let best = 0;
  let kept: InstanceState[] = [];
  for (const instance of candidates) {
    const key = keyOf(instance);
    if (typeof key !== 'number' || Number.isNaN(key)) {
      throw new PlacementInputError('invalid_strategy', `request.placementStrategy[${index}]`, `The strategy ${strategy.name} gave instance ${instance.id} the key ${String(key)}; keys must be numbers.`);
    }
    observe(instance, key);
    // Compared with the first key rather than a sentinel, so that keys of Infinity still leave a survivor.
    if (kept.length === 0 || key < best) {
      best = key;
      kept = [instance];
    } else if (key === best) {
      kept.push(instance);
    }
  }
  return kept;
}
