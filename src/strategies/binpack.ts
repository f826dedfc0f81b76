/**
 * binpack: fill the fullest instance first.
 *
 * @module
 */
import type { InstanceStrategy } from '../model/Strategy';

const made = new Map<string, InstanceStrategy>();

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
  }
  return strategy;
}
