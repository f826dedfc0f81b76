/**
 * A fleet of container instances, in registration order.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstanceSpec } from '../model/InstanceSpec';
import { instanceDraw, instanceSpecOf } from './instance';
import { INSTANCE_KEYS, resolveInstance, type InstanceConstraints, type ResolvedInstance } from './InstanceConstraints';
import { integer, ordered, pick, readFields, where, type Where } from './internal/readConstraints';

/** What {@link fleet} may generate: the size of the fleet, and what each instance may be. */
export interface FleetConstraints extends InstanceConstraints {
  /**
   * The fewest instances; 0 lets a property meet the empty cluster.
   * @defaultValue `1`
   */
  readonly minInstances?: number;
  /**
   * The most instances, up to 10,000.
   * @defaultValue `12`
   */
  readonly maxInstances?: number;
}

/** {@link FleetConstraints} with every default filled in. */
export interface ResolvedFleet {
  readonly minInstances: number;
  readonly maxInstances: number;
  readonly instance: ResolvedInstance;
}

const FLEET_KEYS = ['minInstances', 'maxInstances'];
const MAX_INSTANCES = 10_000;

/** Reads and checks {@link FleetConstraints}; `at` says where they sit. */
export function resolveFleet(value: unknown, at: Where): ResolvedFleet {
  const keys = [...FLEET_KEYS, ...INSTANCE_KEYS];
  const fields = readFields(at, value, keys);
  const minInstances = integer(at, fields, 'minInstances', 1, 0, MAX_INSTANCES);
  const maxInstances = integer(at, fields, 'maxInstances', Math.max(12, minInstances), 0, MAX_INSTANCES);
  ordered(at, 'minInstances', minInstances, 'maxInstances', maxInstances);
  return { minInstances, maxInstances, instance: resolveInstance(pick(fields, INSTANCE_KEYS), at) };
}

/** The arbitrary for resolved constraints. */
export function fleetFrom({ minInstances, maxInstances, instance }: ResolvedFleet): fc.Arbitrary<InstanceSpec[]> {
  // Ids are numbered at random from a range wider than the fleet, so that registration order and id order disagree.
  const numbers = fc.integer({ min: 1, max: Math.max(99, 4 * maxInstances) });
  return fc
    .uniqueArray(fc.tuple(numbers, instanceDraw(instance)), { selector: ([n]) => n, minLength: minInstances, maxLength: maxInstances, size: 'max' })
    .map((draws) => draws.map(([n, draw]) => instanceSpecOf(instance, n, draw)));
}

/**
 * Generates a fleet: instances with unique ids, in registration order, each
 * drawn as {@link instance} draws one. Shrinks towards fewer instances (an
 * empty fleet when `minInstances` is 0), each of them towards the simplest
 * instance.
 *
 * @param constraints - the size of the fleet and what each instance may be; every field has a realistic default
 * @returns an arbitrary of instance lists that `new Cluster({ instances })` accepts
 * @throws Error naming `fleet` when a constraint is unknown, out of range, or refused by the library,
 *   for example `fleet: minInstances must be at most maxInstances, got 5 > 3`
 *
 * @example
 * ```ts
 * fc.assert(fc.property(fleet({ minInstances: 3, zones: ['eu-west-1a', 'eu-west-1b'] }), (instances) => {
 *   const cluster = new Cluster({ instances });
 *   return cluster.instances().length >= 3;
 * }));
 * ```
 */
export function fleet(constraints: FleetConstraints = {}): fc.Arbitrary<InstanceSpec[]> {
  return fleetFrom(resolveFleet(constraints, where('fleet')));
}
