/**
 * The count of tasks an instance runs that the cluster does not track.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { expectNumber } from './fields';

/**
 * Validates an instance's untracked task count, as a spec, a snapshot or a
 * patch gives it.
 *
 * @param value - the untrusted count
 * @param path - where it is, such as `instance.untrackedTasks`
 * @returns the count, a safe integer of at least 0 (`-0` read as `0`)
 * @throws {@link PlacementInputError} `invalid_type` when it is not a number,
 *   `invalid_count` when it is not a whole number from 0 to 2^53 - 1
 */
export function validateUntrackedTasks(value: unknown, path: string): number {
  const count = expectNumber(value, path);
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new PlacementInputError('invalid_count', path, 'Give the number of tasks ECS counts on the instance but the cluster does not track as a whole number of at least 0, such as runningTasksCount less the tasks you restore.');
  }
  return count === 0 ? 0 : count;
}
