/**
 * Zone rebalancing requests, checked.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidRequest } from '../ValidRequest';
import { readObject, requireField, unreadableInput } from './fields';
import { keyPath } from './paths';
import { validatePlacementRequest } from './validatePlacementRequest';

const KEYS = ['service', 'task', 'placementStrategy', 'placementConstraints'] as const;

/** ECS's limit of constraints on one placement. */
const MAX_CONSTRAINTS = 10;

/** A {@link ZoneRebalanceRequest} after validation: a placement request of one task of a service. */
export type ValidZoneRebalanceRequest = ValidRequest & { readonly service: string };

/**
 * Validates a zone rebalancing request as a placement request of one task
 * of a service.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request, with `count` 1
 * @throws {@link PlacementInputError} for any fault, with its path:
 *   `unknown_field` for `count` or `group`, `missing_field` without
 *   `service`, `too_many_constraints` with 10 constraints (each start adds
 *   one), and what a placement request is refused with
 */
export function validateZoneRebalanceRequest(value: unknown, path = 'request'): ValidZoneRebalanceRequest {
  try {
    const fields = readObject(value, path, KEYS);
    requireField(fields, 'service', path);
  } catch (error) {
    throw unreadableInput(error, path);
  }
  const valid = validatePlacementRequest(value, path);
  if (valid.constraints.length >= MAX_CONSTRAINTS) {
    throw new PlacementInputError(
      'too_many_constraints', keyPath(path, 'placementConstraints'),
      `Zone rebalancing adds a memberOf constraint to each task it starts, so a service may have at most ${MAX_CONSTRAINTS - 1} constraints (with its task definition's) here, not ${valid.constraints.length}.`,
    );
  }
  return valid as ValidZoneRebalanceRequest;
}
