/**
 * A container instance's `attributes`: `{ name, value? }` objects, read into
 * a map of name to value (`null` for a capability without a value).
 *
 * @module
 */
import { validateAttributeName, validateAttributes } from '../model/validation/validateAttributes';
import { indexPath, keyPath } from '../model/validation/paths';
import { ecsError, readArray, readRecord, required, rethrowAt } from './json';

/**
 * Reads an attribute list. `targetType` and `targetId` are ignored.
 *
 * @param value - the untrusted array
 * @param path - where it is, such as `containerInstances[0].attributes`
 * @returns name to value, in the order given
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for a malformed
 *   entry or a name listed twice, `invalid_attribute` for a name or value ECS
 *   would refuse
 */
export function readAttributeList(value: unknown, path: string): Record<string, string | null> {
  // No prototype: an attribute may be named like an Object member.
  const attributes = Object.create(null) as Record<string, string | null>;
  readArray(value, path).forEach((item, index) => {
    const itemPath = indexPath(path, index);
    const attribute = readRecord(item, itemPath);
    const name = required(attribute, 'name', itemPath, validateAttributeName);
    if (name in attributes) throw ecsError(keyPath(itemPath, 'name'), `expected each attribute once, but ${name} is listed again`, 'invalid_attribute');
    const given = attribute.value;
    attributes[name] = given === undefined || given === null
      ? null
      : rethrowAt(keyPath(itemPath, 'value'), () => validateAttributes({ a: given }, '').get('a') ?? null);
  });
  return attributes;
}
