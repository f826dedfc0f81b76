/**
 * Seeds of the random generator, as options of a cluster, a fleet, a
 * workload or a scenario.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { expectNumber } from './fields';

/**
 * Validates a seed.
 *
 * @param value - the untrusted value
 * @param path - where it is, such as `options.seed`
 * @returns a safe integer (`-0` read as `0`)
 * @throws {@link PlacementInputError} `invalid_type` when it is not a number,
 *   `invalid_option` when it is not a safe integer
 */
export function validateSeed(value: unknown, path: string): number {
  const seed = expectNumber(value, path);
  if (!Number.isSafeInteger(seed)) throw new PlacementInputError('invalid_option', path, 'Give the seed as a safe integer, such as 1 or 20261127.');
  return seed === 0 ? 0 : seed;
}
