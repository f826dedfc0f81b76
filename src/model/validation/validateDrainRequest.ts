/**
 * Drain plan requests, checked.
 *
 * @module
 */
import { expectString, readObject, requireField, unreadableInput } from './fields';
import { keyPath } from './paths';
import { validateServicePlacements, type ValidServicePlacement } from './validateServicePlacements';

const KEYS = ['instanceId', 'services'] as const;

/** A {@link DrainRequest} after validation. */
export interface ValidDrainRequest {
  /** The instance to drain (not yet known to be registered: the cluster checks). */
  readonly instanceId: string;
  /** How each described group places its tasks, by group. */
  readonly services: ReadonlyMap<string, ValidServicePlacement>;
}

/**
 * Validates a drain plan request.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request
 * @throws {@link PlacementInputError} for any fault, with its path:
 *   `invalid_type`, `unknown_field`, `missing_field` without `instanceId` or
 *   `services`, and what `services` is refused with
 */
export function validateDrainRequest(value: unknown, path = 'request'): ValidDrainRequest {
  try {
    const fields = readObject(value, path, KEYS);
    const instanceId = expectString(requireField(fields, 'instanceId', path), keyPath(path, 'instanceId'));
    const services = validateServicePlacements(requireField(fields, 'services', path), keyPath(path, 'services'), 0);
    return { instanceId, services };
  } catch (error) {
    throw unreadableInput(error, path);
  }
}
