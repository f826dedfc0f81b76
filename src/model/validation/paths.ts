/**
 * How validation names the place of a fault: `request.placementStrategy[0].field`,
 * `instance.attributes["ecs.os-type"]`.
 *
 * @module
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const identifiers = new Map<string, boolean>();

/**
 * The path of a key inside an object: `.key` for a plain identifier, else the
 * key in brackets as a JSON string, so that every path reads back as a
 * JavaScript property access.
 *
 * @param path - the path of the object (`''` for a value without a name)
 * @param key - the key
 * @returns the path of the key
 */
export function keyPath(path: string, key: string): string {
  let identifier = identifiers.get(key);
  if (identifier === undefined) {
    identifier = IDENTIFIER.test(key);
    // Field names repeat from request to request; resource and attribute names are few.
    if (identifiers.size < 4096) identifiers.set(key, identifier);
  }
  if (!identifier) return `${path}[${JSON.stringify(key)}]`;
  return path === '' ? key : `${path}.${key}`;
}

/**
 * The path of an element of an array.
 *
 * @param path - the path of the array
 * @param index - the element's position
 * @returns the path of the element, such as `instances[3]`
 */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
