/**
 * ECS's JSON keeps ECS's meaning: the library's own constraints are refused
 * where ECS's are read.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { isRecord } from '../model/validation/fields';
import { indexPath, keyPath } from '../model/validation/paths';

/**
 * Refuses spreadLimit, atMost, distinctInstance's `groups` and a
 * `taskSelector` on any constraint in a list read as ECS's: ECS would refuse the call, so a reader that took them
 * would mean something ECS does not.
 *
 * @param constraints - the list as given, untrusted (anything but an array is left to validation)
 * @param path - where it is, such as `placementConstraints`
 * @throws {@link task-placement!PlacementInputError} `unknown_constraint_type`
 *   at a constraint's `type`, or `unknown_field` at distinctInstance's
 *   `groups` or a constraint's `taskSelector`
 */
export function refuseExtensionConstraints(constraints: unknown, path: string): void {
  if (!Array.isArray(constraints)) return;
  constraints.forEach((constraint: unknown, index) => {
    if (!isRecord(constraint)) return;
    const at = indexPath(path, index);
    if (constraint['type'] === 'spreadLimit' || constraint['type'] === 'atMost') {
      throw new PlacementInputError(
        'unknown_constraint_type', keyPath(at, 'type'),
        `Use ECS's constraint types here, memberOf or distinctInstance: ${String(constraint['type'])} is this library's own, for Cluster.place, and ECS refuses it.`,
      );
    }
    if (constraint['taskSelector'] !== undefined) {
      throw new PlacementInputError('unknown_field', keyPath(at, 'taskSelector'), "Remove taskSelector: ECS's constraints count every task of the group; counting only some is this library's extension, for Cluster.place.");
    }
    if (constraint['type'] === 'distinctInstance' && constraint['groups'] !== undefined) {
      throw new PlacementInputError('unknown_field', keyPath(at, 'groups'), "Remove groups: ECS's distinctInstance takes none; it is this library's extension, for Cluster.place.");
    }
  });
}
