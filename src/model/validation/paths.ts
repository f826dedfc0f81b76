/**
 * How validation names the place of a fault: `request.placementStrategy[0].field`,
 * `instance.attributes["ecs.os-type"]`.
 *
 * @module
 */

import { PlacementInputError } from '../PlacementInputError';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
/** What each key adds to a path, `.key` or `["key"]`: field names repeat from request to request, and resource and attribute names are few. */
const suffixes = new Map<string, string>();
const MAX_SUFFIXES = 4096;

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
  let suffix = suffixes.get(key);
  if (suffix === undefined) {
    suffix = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    if (suffixes.size < MAX_SUFFIXES) suffixes.set(key, suffix);
  }
  // A bare identifier at the top reads without its dot; a bracketed key keeps its brackets.
  return path === '' && suffix.charCodeAt(0) === 46 ? key : path + suffix;
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

/**
 * Validates one element of a long list (a snapshot's instances or tasks)
 * with paths relative to the element, and puts the element's own path in
 * front of the path of any fault.
 *
 * @remarks
 * Relative paths are the keys themselves, which validation then names
 * without building a string per field of every element; only a fault's path
 * is written out in full.
 *
 * @param validate - the element's validation, which names its faults under the path it is given
 * @param value - the untrusted element
 * @param path - the path of the list
 * @param index - the element's position
 * @returns what `validate` returns
 * @throws {@link PlacementInputError} what `validate` throws, with the full path
 */
export function validateElement<T>(validate: (value: unknown, path: string) => T, value: unknown, path: string, index: number): T {
  try {
    return validate(value, '');
  } catch (error) {
    if (!(error instanceof PlacementInputError)) throw error;
    const at = indexPath(path, index);
    const full = error.path === '' ? at : error.path.charCodeAt(0) === 91 ? at + error.path : `${at}.${error.path}`;
    const summary = error.path === '' ? error.message : error.message.slice(error.path.length + 2);
    throw new PlacementInputError(error.code, full, summary, error.cause === undefined ? undefined : { cause: error.cause });
  }
}
