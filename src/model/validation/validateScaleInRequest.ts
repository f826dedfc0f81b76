/**
 * Scale-in requests, checked.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidStrategy } from '../ValidRequest';
import { expectArray, expectString, optionalField, readObject, requireField, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { refuseGroupBesideService, resolveGroup } from './resolveGroup';
import { validateCount } from './validateCount';
import { validateName } from './validateName';
import { validateStrategies } from './validateStrategies';

const KEYS = ['service', 'group', 'count', 'placementStrategy', 'protectedTasks'] as const;

/** A {@link ScaleInRequest} after validation. */
interface ValidScaleInRequest {
  /** `service:<service>` or the request's group. */
  readonly group: string;
  /** Whether a service is scaled in: its default chain is not a group's. */
  readonly service: boolean;
  readonly count: number;
  /** As given; empty when the request names none. */
  readonly strategies: readonly ValidStrategy[];
  /** The protected task ids, each with the path it was given at. */
  readonly protectedTasks: ReadonlyMap<string, string>;
}

/**
 * Validates a scale-in request.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request
 * @throws {@link PlacementInputError} for any fault, with its path:
 *   `missing_field` without `service`, `group` or `count`,
 *   `conflicting_group` with both, `invalid_count`, and what a placement
 *   request's strategies are refused with
 */
export function validateScaleInRequest(value: unknown, path = 'request'): ValidScaleInRequest {
  try {
    const fields = readObject(value, path, KEYS);
    const service = optionalField(fields, 'service', path, (given, at) => validateName(given, at, 'service'));
    const group = optionalField(fields, 'group', path, (given, at) => validateName(given, at, 'group'));
    refuseGroupBesideService(service, group, keyPath(path, 'group'));
    if (service === undefined && group === undefined) {
      throw new PlacementInputError('missing_field', keyPath(path, 'service'), 'Give the service to scale in (or the group, for tasks that are not a service\'s).');
    }
    const count = validateCount(requireField(fields, 'count', path), keyPath(path, 'count'));
    const strategies = optionalField(fields, 'placementStrategy', path, validateStrategies) ?? [];
    const protectedTasks = new Map<string, string>();
    optionalField(fields, 'protectedTasks', path, (list, at) => {
      const ids = expectArray(list, at);
      for (let index = 0; index < ids.length; index += 1) {
        const idPath = indexPath(at, index);
        protectedTasks.set(expectString(ids[index], idPath), idPath);
      }
    });
    return { group: resolveGroup({ service, group }), service: service !== undefined, count, strategies, protectedTasks };
  } catch (error) {
    throw unreadableInput(error, path);
  }
}
