/**
 * Fleet options, as a scenario file or a caller gives them.
 *
 * @module
 */
import { quote } from '../../model/validation/describeValue';
import { expectArray, expectNumber, expectString, optionalField, readObject, requireField, type Fields } from '../../model/validation/fields';
import { indexPath, keyPath } from '../../model/validation/paths';
import { PlacementInputError } from '../../model/PlacementInputError';
import { INSTANCE_FAMILIES } from '../instanceTypes';
import type { FleetOptions, InstanceFamily } from '../Scenario';
import { validateSeed } from '../../model/validation/validateSeed';
import { expectFraction, expectInteger } from './numbers';

/** The largest fleet a scenario may ask for. */
export const MAX_FLEET_SIZE = 2_000_000;

/** The fewest and most availability zones a fleet may span. */
const ZONE_RANGE = { min: 3, max: 6 } as const;

const KEYS = ['size', 'seed', 'zones', 'region', 'families', 'drainingFraction', 'disconnectedFraction'] as const;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const ZONE_NAME = /^[a-z0-9-]{1,64}$/;

/**
 * Validates fleet options.
 *
 * @param value - the untrusted options
 * @param path - how the caller names them, such as `scenario.fleet`
 * @returns the options given, checked, without defaults filled in
 * @throws `PlacementInputError` `invalid_type`, `unknown_field` (also
 *   for a family not in the catalog), `missing_field` for `size`,
 *   `invalid_count` for a size outside 0 to 2,000,000, `invalid_option` for
 *   a seed that is not a safe integer, zones outside 3 to 6 or repeated, a
 *   malformed region, a negative family weight or none positive, and a
 *   fraction outside [0, 1]
 */
export function validateFleetOptions(value: unknown, path: string): FleetOptions {
  const fields = readObject(value, path, KEYS);
  const size = expectInteger(requireField(fields, 'size', path), keyPath(path, 'size'), { min: 0, max: MAX_FLEET_SIZE, code: 'invalid_count' });
  return {
    size,
    ...optional(fields, 'seed', path, validateSeed),
    ...optional(fields, 'zones', path, validateZones),
    ...optional(fields, 'region', path, validateRegion),
    ...optional(fields, 'families', path, validateFamilies),
    ...optional(fields, 'drainingFraction', path, expectFraction),
    ...optional(fields, 'disconnectedFraction', path, expectFraction),
  };
}

/** The field as a one-key object when given, so it can be spread without writing `undefined`. */
function optional<K extends string, T>(fields: Fields<K>, key: K, path: string, validate: (value: unknown, path: string) => T): Partial<Record<K, T>> {
  const checked = optionalField(fields, key, path, validate);
  return checked === undefined ? {} : ({ [key]: checked } as Partial<Record<K, T>>);
}

function validateZones(value: unknown, path: string): number | readonly string[] {
  if (typeof value === 'number') return expectInteger(value, path, { ...ZONE_RANGE, code: 'invalid_option' });
  if (!Array.isArray(value)) throw new PlacementInputError('invalid_type', path, 'Give the number of zones (3 to 6) or a list of zone names.');
  const list = expectArray(value, path);
  if (list.length < ZONE_RANGE.min || list.length > ZONE_RANGE.max) {
    throw new PlacementInputError('invalid_option', path, `List ${ZONE_RANGE.min} to ${ZONE_RANGE.max} zones; this lists ${list.length}.`);
  }
  const names: string[] = [];
  list.forEach((item, index) => {
    const at = indexPath(path, index);
    const name = expectString(item, at);
    if (!ZONE_NAME.test(name)) throw new PlacementInputError('invalid_option', at, `Name the zone with lower-case letters, digits and '-', such as 'us-east-1a', not ${quote(name)}.`);
    if (names.includes(name)) throw new PlacementInputError('invalid_option', at, `Remove the repeated zone ${quote(name)}.`);
    names.push(name);
  });
  return names;
}

function validateRegion(value: unknown, path: string): string {
  const region = expectString(value, path);
  if (!REGION.test(region)) throw new PlacementInputError('invalid_option', path, `Give a region name such as 'us-east-1' or 'eu-west-3', not ${quote(region)}.`);
  return region;
}

function validateFamilies(value: unknown, path: string): Partial<Record<InstanceFamily, number>> {
  const fields = readObject(value, path, INSTANCE_FAMILIES);
  const weights: Partial<Record<InstanceFamily, number>> = {};
  let total = 0;
  for (const family of INSTANCE_FAMILIES) {
    const given = fields[family];
    if (given === undefined) continue;
    const at = keyPath(path, family);
    const weight = expectNumber(given, at);
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new PlacementInputError('invalid_option', at, 'Give a family weight of at least 0, such as 1 or 0.5.');
    weights[family] = weight;
    total += weight;
  }
  if (total <= 0) throw new PlacementInputError('invalid_option', path, 'Give at least one family a weight above 0.');
  return weights;
}
