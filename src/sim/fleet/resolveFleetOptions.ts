/**
 * Fleet options with every default filled in: what generation reads.
 *
 * @module
 */
import { INSTANCE_TYPES, type InstanceType } from '../instanceTypes';
import type { FleetOptions, InstanceFamily } from '../Scenario';
import { validateFleetOptions } from '../validation/validateFleetOptions';

/** The default relative weight of each family. */
const DEFAULT_FAMILY_WEIGHTS: Readonly<Record<InstanceFamily, number>> = Object.freeze({
  general: 5, compute: 2, memory: 2, gpu: 0.5, arm: 1,
});

/** Resolved fleet options. */
export interface FleetPlan {
  /** Number of instances. */
  readonly size: number;
  /** Seed of the fleet's generator. */
  readonly seed: number;
  /** Region, for ARNs. */
  readonly region: string;
  /** Zone names, in order. */
  readonly zones: readonly string[];
  /** The catalog types that can be drawn. */
  readonly types: readonly InstanceType[];
  /** Each type's weight: its family's weight shared equally among the family's types. */
  readonly typeWeights: readonly number[];
  /** Fraction of instances registered DRAINING. */
  readonly drainingFraction: number;
  /** Fraction of instances whose agent is disconnected. */
  readonly disconnectedFraction: number;
}

/**
 * Validates fleet options and fills in the defaults.
 *
 * @param options - the options, possibly untrusted
 * @param path - how the caller names them in errors
 * @returns the plan
 * @throws `PlacementInputError` as {@link validateFleetOptions} does
 */
export function resolveFleetOptions(options: FleetOptions, path: string): FleetPlan {
  const valid = validateFleetOptions(options, path);
  const region = valid.region ?? 'us-east-1';
  const families = valid.families ?? DEFAULT_FAMILY_WEIGHTS;
  return {
    size: valid.size,
    seed: valid.seed ?? 1,
    region,
    zones: zoneNames(valid.zones ?? 3, region),
    types: INSTANCE_TYPES,
    typeWeights: INSTANCE_TYPES.map((type) => (families[type.family] ?? 0) / familySize(type.family)),
    drainingFraction: valid.drainingFraction ?? 0.02,
    disconnectedFraction: valid.disconnectedFraction ?? 0.01,
  };
}

/**
 * The zone names of a fleet.
 *
 * @param zones - a number of zones or their names
 * @param region - the region the names derive from
 * @returns the names: given ones as they are, else `<region>a`, `<region>b`, ...
 */
function zoneNames(zones: number | readonly string[], region: string): readonly string[] {
  if (typeof zones !== 'number') return [...zones];
  return Array.from({ length: zones }, (_, index) => `${region}${String.fromCharCode(97 + index)}`);
}

function familySize(family: InstanceFamily): number {
  return INSTANCE_TYPES.filter((type) => type.family === family).length;
}
