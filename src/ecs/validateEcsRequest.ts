/**
 * A placement request as the ECS readers give it: `Cluster.place`'s rules,
 * and one more value, a service's count of 0.
 *
 * @module
 */
import type { PlacementRequest } from '../model/PlacementRequest';
import { isRecord } from '../model/validation/fields';
import { keyPath } from '../model/validation/paths';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import { refuseExtensionConstraints } from './refuseExtensionConstraints';
import { refuseExtensionStrategies } from './refuseExtensionStrategies';

/**
 * Validates a request by `Cluster.place`'s rules, but for a service whose
 * count is 0.
 *
 * @remarks
 * ECS accepts a service scaled to zero (`desiredCount` 0), and the readers
 * read it as such: a request with nothing to place, which `Cluster.place`
 * refuses (it places at least one task) and {@link toRunTaskResponse}
 * answers with no task and no failure. Everything else about it is checked
 * as for any request, so that a bad service is refused all the same, and
 * the library's own strategy and constraint types are refused, as ECS
 * refuses them.
 *
 * @param request - the request, untrusted
 * @param path - how the caller names it
 * @throws {@link task-placement!PlacementInputError} as `Cluster.place` would
 */
export function validateEcsRequest(request: unknown, path: string): void {
  if (isRecord(request)) {
    refuseExtensionStrategies(request['placementStrategy'], keyPath(path, 'placementStrategy'));
    refuseExtensionConstraints(request['placementConstraints'], keyPath(path, 'placementConstraints'));
  }
  if (isRecord(request) && request.count === 0 && request.service !== undefined) {
    const { count: _count, ...rest } = request as unknown as PlacementRequest;
    validatePlacementRequest(rest, path);
    return;
  }
  validatePlacementRequest(request, path);
}
