/**
 * binpack: fill the fullest instance first.
 *
 * @module
 */
import { markBuiltIn } from './builtInStrategy';
import type { Strategy } from './Strategy';

/**
 * Prefers the instance with the least remaining `field`. The task's demand is
 * the same on every candidate, so least remaining before placing is least
 * remaining after. A resource an instance does not list counts as 0.
 *
 * @param field - a resource name: `cpu`, `memory`, `gpu` or a custom one
 * @returns the strategy `binpack(<field>)`
 */
export function binpack(field: string): Strategy {
  const strategy: Strategy = {
    name: `binpack(${field})`,
    rank: () => (instance) => instance.remainingResources[field] ?? 0,
  };
  return markBuiltIn(strategy, { kind: 'binpack', field });
}
