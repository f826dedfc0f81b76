/**
 * The options of listing instances.
 *
 * @module
 */
import type { InstanceStatus } from '../InstanceSpec';
import { readObject } from './fields';
import { validateStatus } from './validateStatus';

/**
 * Validates the options of `listInstances`.
 *
 * @param value - the untrusted options (undefined for none)
 * @returns the status asked for, or undefined for every status but `INACTIVE`
 * @throws {@link PlacementInputError} `invalid_type` when they are not an
 *   object, `unknown_field` for another key, `invalid_status` for a status
 *   ECS does not have
 */
export function validateListInstancesOptions(value: unknown): InstanceStatus | undefined {
  if (value === undefined) return undefined;
  const { status } = readObject(value, 'options', ['status']);
  return status === undefined ? undefined : validateStatus(status, 'options.status');
}
