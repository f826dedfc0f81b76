/**
 * prefer: soft preferences. An instance where a preference's expression
 * holds ranks before the others by the preference's weight; no instance is
 * refused. An extension beside ECS, after Nomad's affinities.
 *
 * The preferences of one chain are one strategy: an instance's key is minus
 * the sum of the weights of the preferences whose expression holds for it,
 * so the highest summed weight comes first (keys are lower-is-better, as
 * every strategy's). The key reads the instance alone, so the indexed engine
 * keeps instances ordered by it, as it does for binpack.
 *
 * @module
 */
import type { InstanceState } from '../model/InstanceState';
import type { InstanceStrategy } from '../model/Strategy';
import type { ValidStrategy } from '../model/ValidRequest';
import { sharedPredicate } from '../query/sharedPredicate';
import type { InstanceView } from '../query/InstanceView';

/** A prefer spec, checked: its expression parsed. */
type PreferSpec = Extract<ValidStrategy, { readonly type: 'prefer' }>;

/** Strategies made, by their preferences, so that requests alike share one (and the indexed engine one view). */
const made = new Map<string, InstanceStrategy>();
/** Past this many, the oldest is forgotten: a new one for the same preferences only costs a new view. */
const MOST_MADE = 1024;
/** The strategies {@link prefer} made, so that scale-in can say its reason in weights. */
const preferences = new WeakSet<object>();

/**
 * The one strategy of a chain's preferences.
 *
 * @remarks
 * An expression that reads only attributes holds alike for every instance
 * with the same attribute map (instances registered from the same frozen
 * attributes share one, and an update replaces it rather than writing to
 * it), so it is evaluated once per map, as memberOf does; the others are
 * evaluated each time the key is read.
 *
 * @param specs - the chain's preferences, in the chain's order; at least one
 * @returns the strategy, frozen; the same value for the same preferences
 */
export function prefer(specs: readonly PreferSpec[]): InstanceStrategy {
  const id = specs.map(({ weight, expression }) => `${weight}\u0000${expression}`).join('\u0001');
  let strategy = made.get(id);
  if (strategy === undefined) {
    strategy = Object.freeze({ name: preferName(specs), dependsOn: 'instance', key: keyFor(specs) } satisfies InstanceStrategy);
    if (made.size >= MOST_MADE) made.delete(made.keys().next().value as string);
    made.set(id, strategy);
    preferences.add(strategy);
  }
  return strategy;
}

/**
 * Whether a strategy is one {@link prefer} made: its key is then minus the
 * summed weight of the preferences an instance meets.
 *
 * @param strategy - any strategy of a chain
 * @returns true for a chain's preferences
 */
export function isPreference(strategy: object): boolean {
  return preferences.has(strategy);
}

/** `prefer(attribute:lifecycle == spot weight 50; runningTasksCount == 0 weight -20)`, as Nomad writes an affinity's weight. */
function preferName(specs: readonly PreferSpec[]): string {
  return `prefer(${specs.map(({ expression, weight }) => `${expression} weight ${weight}`).join('; ')})`;
}

function keyFor(specs: readonly PreferSpec[]): (instance: InstanceState) => number {
  const weights = specs.map(({ weight }) => weight);
  const holds = specs.map(({ query }) => sharedPredicate(query));
  const count = specs.length;
  return (instance) => {
    // From 0 down, so that no preference met is the key 0, never -0.
    let key = 0;
    for (let index = 0; index < count; index += 1) if ((holds[index] as (instance: InstanceView) => boolean)(instance)) key -= weights[index] as number;
    return key;
  };
}
