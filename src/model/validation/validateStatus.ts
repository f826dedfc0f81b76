/**
 * Instance lifecycle states.
 *
 * @module
 */
import { INSTANCE_STATUSES, type InstanceStatus } from '../InstanceSpec';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectString } from './fields';

/**
 * Validates an instance status.
 *
 * @param value - the untrusted status
 * @param path - where it is, such as `instance.status`
 * @returns the status
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `invalid_status` when it is not one of ECS's statuses (upper case)
 */
export function validateStatus(value: unknown, path: string): InstanceStatus {
  const text = expectString(value, path);
  const status = INSTANCE_STATUSES.find((known) => known === text);
  if (status === undefined) {
    throw new PlacementInputError('invalid_status', path, `Use one of ${INSTANCE_STATUSES.join(', ')} instead of ${quote(text)}.`);
  }
  return status;
}
