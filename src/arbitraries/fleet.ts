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
import { readSize, sizedArray } from './internal/size';

/** What {@link fleet} may generate: the size of the fleet, and what each instance may be. */
export interface FleetConstraints extends InstanceConstraints {
  /**
   * The fewest instances; 0 lets a property meet the empty cluster.
   * @defaultValue `1`
   */
  readonly minInstances?: number;
  /**
   * The most instances, up to 10,000.
   * @defaultValue as many as `size` allows: `2 * minInstances + 10` (12) at fast-check's default size, `small`
   */
  readonly maxInstances?: number;
  /**
   * How large fleets grow when `maxInstances` is not given, by fast-check's
   * size conventions: `medium` allows up to `11 * minInstances + 100`, and
   * a relative size such as `'+1'` offsets the `baseSize` of
   * `fc.configureGlobal`. Small fleets are drawn more often than large ones.
   * @defaultValue the `baseSize` of `fc.configureGlobal`, `small` unless set; `max` when `maxInstances` is given, so that it is reached
   */
  readonly size?: fc.SizeForArbitrary;
}

/** {@link FleetConstraints} with every default filled in. */
export interface ResolvedFleet {
  readonly minInstances: number;
  /** Absent: as many as `size` allows. */
  readonly maxInstances: number | undefined;
  readonly size: fc.SizeForArbitrary;
  readonly instance: ResolvedInstance;
}

const FLEET_KEYS = ['minInstances', 'maxInstances'];
const MAX_INSTANCES = 10_000;

/** Reads and checks {@link FleetConstraints}; `at` says where they sit. */
export function resolveFleet(value: unknown, at: Where): ResolvedFleet {
  const keys = [...FLEET_KEYS, ...INSTANCE_KEYS, 'size'];
  const fields = readFields(at, value, keys);
  const minInstances = integer(at, fields, 'minInstances', 1, 0, MAX_INSTANCES);
  const maxInstances = fields.has('maxInstances') ? integer(at, fields, 'maxInstances', 0, 0, MAX_INSTANCES) : undefined;
  if (maxInstances !== undefined) ordered(at, 'minInstances', minInstances, 'maxInstances', maxInstances);
  return { minInstances, maxInstances, size: readSize(at, fields), instance: resolveInstance(pick(fields, INSTANCE_KEYS), at) };
}

/** The arbitrary for resolved constraints. */
export function fleetFrom({ minInstances, maxInstances, size, instance }: ResolvedFleet): fc.Arbitrary<InstanceSpec[]> {
  // Each instance skips a few numbers after the one before, and registers in the order of its key, so that
  // registration order and id order disagree; both shrink to nothing: ids ci-1, ci-2, ... registered in order.
  const entry = fc.record({ skip: fc.nat(3), key: fc.nat(9), draw: instanceDraw(instance) });
  return sizedArray(entry, minInstances, maxInstances, size, MAX_INSTANCES).map((entries) => {
    let n = 0;
    const numbered = entries.map(({ skip, key, draw }) => {
      n += skip + 1;
      return { n, key, draw };
    });
    return numbered.sort((a, b) => a.key - b.key).map(({ n: number, draw }) => instanceSpecOf(instance, number, draw));
  });
}

/**
 * Generates a fleet: instances with unique ids, in registration order, each
 * drawn as {@link instance} draws one. Shrinks towards fewer instances (an
 * empty fleet when `minInstances` is 0), each of them towards the simplest
 * instance.
 *
 * @param constraints - the size of the fleet and what each instance may be; every field has a realistic default
 * @returns an arbitrary of instance lists that `new Cluster({ instances })` accepts
 * @throws {@link ConstraintsError} naming `fleet` when a constraint is unknown, out of range, or refused by the library,
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
