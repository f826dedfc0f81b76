/**
 * The `services` of a drain or consolidation request, checked.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ServicePlacement } from '../ServicePlacement';
import type { ValidRequest } from '../ValidRequest';
import { expectArray, readObject, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { MAX_CONSTRAINTS } from './validateConstraints';
import { validatePlacementRequest } from './validatePlacementRequest';

const KEYS = ['service', 'group', 'task', 'placementStrategy', 'placementConstraints'] as const;

/** One entry of `services`, checked. */
export interface ValidServicePlacement {
  /** `service:<service>`, or the entry's group. */
  readonly group: string;
  /** The entry as the caller gave it: each step's request is built from it. */
  readonly given: ServicePlacement;
  /** The entry as a placement request of one task, validated. */
  readonly valid: ValidRequest;
  /** Where it is, such as `request.services[2]`. */
  readonly path: string;
}

/**
 * Validates the placements of the groups a plan may move.
 *
 * @param value - the untrusted list
 * @param path - where it is, such as `request.services`
 * @param addedConstraints - how many constraints the plan adds to each entry's (consolidation adds 1)
 * @returns the entries by group
 * @throws {@link PlacementInputError} for any fault, with its path:
 *   `invalid_type`, `unknown_field` (such as `count`), `missing_field` without
 *   `service` or `group`, `conflicting_group` with both or when two entries
 *   describe one group, `too_many_constraints` when the entry's constraints
 *   leave no room for those the plan adds, and what a placement request is
 *   refused with
 */
export function validateServicePlacements(value: unknown, path: string, addedConstraints: number): ReadonlyMap<string, ValidServicePlacement> {
  const byGroup = new Map<string, ValidServicePlacement>();
  try {
    const list = expectArray(value, path);
    // An index loop rather than forEach, which would skip the holes of a sparse array unchecked.
    for (let index = 0; index < list.length; index += 1) {
      const at = indexPath(path, index);
      const given: unknown = list[index];
      const fields = readObject(given, at, KEYS);
      if (fields.service === undefined && fields.group === undefined) {
        throw new PlacementInputError('missing_field', keyPath(at, 'service'), "Give the service (or the group, for tasks that are not a service's) whose tasks this entry places.");
      }
      const valid = validatePlacementRequest(given, at);
      const limit = MAX_CONSTRAINTS - addedConstraints;
      if (valid.constraints.length > limit) {
        throw new PlacementInputError(
          'too_many_constraints', keyPath(at, 'placementConstraints'),
          `Consolidation adds a memberOf constraint to each task it moves, so a group may have at most ${limit} constraints (with its task definition's) here, not ${valid.constraints.length}.`,
        );
      }
      const known = byGroup.get(valid.group);
      if (known !== undefined) {
        throw new PlacementInputError('conflicting_group', at, `${known.path} already describes the group ${valid.group}; describe each group once.`);
      }
      byGroup.set(valid.group, { group: valid.group, given: given as ServicePlacement, valid, path: at });
    }
    return byGroup;
  } catch (error) {
    throw unreadableInput(error, path);
  }
}
