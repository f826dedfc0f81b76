/**
 * A strategy chain, as people write it in three places: the library's
 * notation, ECS's JSON, and the AWS CLI's shorthand.
 *
 * @module
 */
import type { PlacementStrategy } from '../../src/index';
import { fromPlacementFields, parseStrategyNotation } from '../../src/ecs/index';

/**
 * Reads a strategy chain.
 *
 * @remarks
 * - `spread(attribute:ecs.availability-zone),binpack(memory)`: the
 *   library's notation, as the `place` command and explanations write it;
 * - `[{"type":"spread","field":"attribute:ecs.availability-zone"}]`: ECS's
 *   JSON, as in a CreateService request;
 * - `type=spread,field=attribute:ecs.availability-zone type=binpack,field=memory`:
 *   the AWS CLI's `--placement-strategy` shorthand, items apart by spaces.
 *
 * Every form is checked by the library's own rules.
 *
 * @param text - what was typed
 * @returns the chain, or `undefined` for empty text (ECS's default applies)
 * @throws the library's `PlacementInputError`, or a `SyntaxError` for bad JSON
 */
export function readStrategies(text: string): PlacementStrategy[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (trimmed.startsWith('[')) return fromPlacementFields({ placementStrategy: JSON.parse(trimmed) as never }).placementStrategy;
  if (/^type\s*=/.test(trimmed)) return fromPlacementFields({ placementStrategy: trimmed.split(/\s+/).map(readShorthandItem) }).placementStrategy;
  return parseStrategyNotation(trimmed);
}

// `type=spread,field=instanceId`: the AWS CLI's shorthand for one structure.
function readShorthandItem(item: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const pair of item.split(',')) {
    const at = pair.indexOf('=');
    if (at > 0) fields[pair.slice(0, at).trim()] = pair.slice(at + 1).trim();
  }
  return fields;
}
