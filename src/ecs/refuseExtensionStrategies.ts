/**
 * ECS's JSON keeps ECS's meaning: the library's own strategy types are
 * refused where ECS's are read.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { isRecord } from '../model/validation/fields';
import { indexPath, keyPath } from '../model/validation/paths';

/** The library's own strategy types, which ECS does not have. */
const EXTENSIONS: readonly unknown[] = ['pack', 'prefer'];

/**
 * Refuses a `pack` or `prefer` strategy, and a spread's `taskSelector`, in a
 * list read as ECS's: ECS would refuse the call, so a reader that took them
 * would mean something ECS does not.
 *
 * @param strategies - the list as given, untrusted (anything but an array is left to validation)
 * @param path - where it is, such as `placementStrategy`
 * @throws {@link task-placement!PlacementInputError} `unknown_strategy_type`
 *   at the strategy's `type`, or `unknown_field` at its `taskSelector`
 */
export function refuseExtensionStrategies(strategies: unknown, path: string): void {
  if (!Array.isArray(strategies)) return;
  strategies.forEach((strategy: unknown, index) => {
    if (isRecord(strategy) && EXTENSIONS.includes(strategy['type'])) {
      throw new PlacementInputError(
        'unknown_strategy_type', keyPath(indexPath(path, index), 'type'),
        `Use ECS's strategy types here, binpack, spread or random: ${String(strategy['type'])} is this library's own, for Cluster.place, and ECS refuses it.`,
      );
    }
    if (isRecord(strategy) && strategy['taskSelector'] !== undefined) {
      throw new PlacementInputError(
        'unknown_field', keyPath(indexPath(path, index), 'taskSelector'),
        "Remove taskSelector: ECS's strategies count every task of the group; counting only some is this library's extension, for Cluster.place.",
      );
    }
  });
}
