/**
 * A fleet of container instances, in registration order.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { InstanceSpec } from '../model/InstanceSpec';
import { instanceDraw, instanceSpecOf, type InstanceDraw } from './instance';
import { INSTANCE_KEYS, resolveInstance, type InstanceConstraints, type ResolvedInstance } from './InstanceConstraints';
import { fail, flag, integer, ordered, pick, readFields, where, type Where } from './internal/readConstraints';
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
  /**
   * Whether every zone of `zones` has an ACTIVE instance with a connected
   * agent, by construction: the first instances drawn (one per zone, in the
   * order of `zones`) are put in each zone, ACTIVE and connected, and take
   * their places in registration order as any other. The fleet then has at
   * least as many instances as zones: `minInstances` defaults to the number
   * of zones, and a smaller one is refused.
   * @defaultValue `false`
   */
  readonly everyZone?: boolean;
}

/** {@link FleetConstraints} with every default filled in. */
export interface ResolvedFleet {
  readonly minInstances: number;
  /** Absent: as many as `size` allows. */
  readonly maxInstances: number | undefined;
  readonly size: fc.SizeForArbitrary;
  readonly everyZone: boolean;
  readonly instance: ResolvedInstance;
}

/** An instance drawn for a fleet, with the number its id is written from. */
export interface NumberedDraw {
  readonly n: number;
  readonly draw: InstanceDraw;
}

const FLEET_KEYS = ['minInstances', 'maxInstances'];
const MAX_INSTANCES = 10_000;

/** Reads and checks {@link FleetConstraints}; `at` says where they sit. */
export function resolveFleet(value: unknown, at: Where): ResolvedFleet {
  const keys = [...FLEET_KEYS, ...INSTANCE_KEYS, 'size', 'everyZone'];
  const fields = readFields(at, value, keys);
  const instance = resolveInstance(pick(fields, INSTANCE_KEYS), at);
  const everyZone = flag(at, fields, 'everyZone', false);
  const zones = everyZone ? instance.zones.length : 0;
  const minInstances = integer(at, fields, 'minInstances', Math.max(1, zones), 0, MAX_INSTANCES);
  if (minInstances < zones) fail(at, 'minInstances', `must be at least the ${zones} zones when everyZone is true, got ${minInstances}; raise it or leave it out`);
  const maxInstances = fields.has('maxInstances') ? integer(at, fields, 'maxInstances', 0, 0, MAX_INSTANCES) : undefined;
  if (maxInstances !== undefined) ordered(at, 'minInstances', minInstances, 'maxInstances', maxInstances);
  return { minInstances, maxInstances, size: readSize(at, fields), everyZone, instance };
}

/** The instances of a fleet as drawn, in registration order, before they are written as specs. */
export function fleetDraws({ minInstances, maxInstances, size, everyZone, instance }: ResolvedFleet): fc.Arbitrary<NumberedDraw[]> {
  // Each instance skips a few numbers after the one before, and registers in the order of its key, so that
  // registration order and id order disagree; both shrink to nothing: ids ci-1, ci-2, ... registered in order.
  const entry = fc.record({ skip: fc.nat(3), key: fc.nat(9), draw: instanceDraw(instance) });
  return sizedArray(entry, minInstances, maxInstances, size, MAX_INSTANCES).map((entries) => {
    let n = 0;
    const numbered = entries.map(({ skip, key, draw }, index) => {
      n += skip + 1;
      const zone = everyZone ? instance.zones[index] : undefined;
      // Placing by construction rather than filtering: a fleet that lacks a zone is never drawn, so none is thrown away.
      return { n, key, draw: zone === undefined ? draw : { ...draw, zone, status: 'ACTIVE' as const, agentConnected: true } };
    });
    return numbered.sort((a, b) => a.key - b.key).map(({ n, draw }) => ({ n, draw }));
  });
}

/** The arbitrary for resolved constraints. */
export function fleetFrom(resolved: ResolvedFleet): fc.Arbitrary<InstanceSpec[]> {
  return fleetDraws(resolved).map((draws) => draws.map(({ n, draw }) => instanceSpecOf(resolved.instance, n, draw)));
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
