/**
 * Simulated fleets, one instance at a time.
 *
 * @module
 */
import type { InstanceSpec } from '../model/InstanceSpec';
import type { FleetOptions } from './Scenario';
import { InstanceDrawer } from './fleet/InstanceDrawer';
import { resolveFleetOptions, type FleetPlan } from './fleet/resolveFleetOptions';

/**
 * The instances of a seeded fleet, made lazily: the same sequence as
 * {@link generateFleet}, without holding every spec at once, so a
 * million-instance fleet can be registered in constant memory.
 *
 * @remarks
 * The options are checked at once, before the first instance is asked for.
 * Specs share frozen sub-objects (attributes, resources, reserved ports) with
 * the other instances that have the same values; copy one before changing it.
 *
 * @param options - the fleet's size, seed, zones, region, family weights and
 *   fractions of DRAINING and disconnected instances
 * @returns an iterator over `options.size` instance specs, in registration order
 * @throws `PlacementInputError` with paths under `options` when an option is out of range
 * @example
 * ```ts
 * const cluster = new Cluster({ engine: 'indexed' });
 * for (const spec of streamFleet({ size: 1_000_000, seed: 7, zones: 4 })) cluster.registerInstance(spec);
 * ```
 */
export function streamFleet(options: FleetOptions): IterableIterator<InstanceSpec> {
  return drawAll(resolveFleetOptions(options, 'options'));
}

function* drawAll(plan: FleetPlan): IterableIterator<InstanceSpec> {
  const drawer = new InstanceDrawer(plan);
  for (let index = 0; index < plan.size; index += 1) yield drawer.draw(index);
}
