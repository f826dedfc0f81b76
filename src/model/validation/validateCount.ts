/**
 * The number of tasks a request places.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { expectNumber } from './fields';

/** The most tasks one request may place; a simulation limit, not ECS's. */
export const MAX_COUNT = 10_000_000;

/**
 * Validates a task count.
 *
 * @param value - the untrusted count
 * @param path - where it is, such as `request.count`
 * @returns the count
 * @throws {@link PlacementInputError} `invalid_type` when it is not a number,
 *   `invalid_count` when it is not an integer from 1 to 10,000,000
 */
export function validateCount(value: unknown, path: string): number {
  const count = expectNumber(value, path);
  if (count === 0) {
    // What the ECS readers give for a service scaled to zero (desiredCount 0): there is nothing to place.
    throw new PlacementInputError('invalid_count', path, 'Give a count of at least 1: a request for 0 tasks places nothing, so skip the call instead (a service scaled to zero, desiredCount 0, is read as count 0).');
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new PlacementInputError('invalid_count', path, `Give a whole number of tasks from 1 to 10,000,000; ECS's RunTask allows 10 per call, and this library allows more for simulation.`);
  }
  return count;
}
