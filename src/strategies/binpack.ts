/**
 * binpack: fill the fullest instance first.
 *
 * @module
 */
import type { InstanceStrategy } from '../model/Strategy';

const made = new Map<string, InstanceStrategy>();
/** The field of each strategy {@link binpack} made, so that what reads a chain can name what is packed. */
const fields = new WeakMap<InstanceStrategy, string>();

/**
 * Prefers the instance with the least remaining `field`. The task's demand is
 * the same on every candidate, so least remaining before placing is least
 * remaining after. A resource an instance does not list counts as 0.
 *
 * @remarks
 * The key depends on the instance's own resources only, so the indexed
 * engine keeps instances ordered by it. The same field always gives the same
 * frozen value.
 *
 * @param field - a resource name: `cpu`, `memory`, `gpu` or a custom one
 * @returns the strategy `binpack(<field>)`
 *
 * @category Strategies
 */
export function binpack(field: string): InstanceStrategy {
  let strategy = made.get(field);
  if (strategy === undefined) {
    strategy = Object.freeze({
      name: `binpack(${field})`,
      dependsOn: 'instance',
      key: (instance) => instance.remainingResources[field] ?? 0,
    } satisfies InstanceStrategy);
    made.set(field, strategy);
    fields.set(strategy, field);
  }
  return strategy;
}

/**
 * The field a strategy packs, when it is one {@link binpack} made.
 *
 * @param strategy - any strategy of a chain
 * @returns the resource name, or undefined for any other strategy
 */
export function binpackFieldOf(strategy: object): string | undefined {
  return fields.get(strategy as InstanceStrategy);
}
