/**
 * Reading untrusted objects: each reader returns a value of the expected
 * JavaScript type or throws {@link PlacementInputError} naming the path.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { describeValue } from './describeValue';
import { keyPath } from './paths';

/** The fields of an object that were given, by key; a field set to `undefined` is absent. */
export type Fields<K extends string> = { readonly [P in K]?: unknown };

/** Objects whose data is not in their own keys: read as records, they would seem empty or wrong. */
const NOT_RECORDS = [Map, Set, WeakMap, WeakSet, Date, RegExp, String, Number, Boolean] as const;

/**
 * Whether a value can be read as a record of fields.
 *
 * @param value - any value
 * @returns true for objects other than arrays, typed arrays, boxed
 *   primitives and the built-in collections, dates and regular expressions
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  // Plain objects, by far the most common, are known by their prototype without testing every collection type.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return true;
  if (Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  for (const type of NOT_RECORDS) if (value instanceof type) return false;
  return true;
}

/**
 * Reads an object whose keys are free (resources, attributes).
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @returns its own enumerable entries in their order, without those set to `undefined`
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an object
 */
export function readEntries(value: unknown, path: string): [string, unknown][] {
  try {
    if (!isRecord(value)) throw notAnObject(value, path);
    const entries: [string, unknown][] = [];
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field !== undefined) entries.push([key, field]);
    }
    return entries;
  } catch (error) {
    throw unreadableInput(error, path);
  }
}

/**
 * Reads an object with a fixed set of keys. Unknown keys are refused first,
 * so a misspelt optional field (`placementStrategies`) is an error rather
 * than a silently ignored setting.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @param allowed - the keys the object may have
 * @returns the fields given, without those set to `undefined`
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an
 *   object, `unknown_field` for a key not in `allowed`
 */
export function readObject<K extends string>(value: unknown, path: string, allowed: readonly K[]): Fields<K> {
  try {
    if (!isRecord(value)) throw notAnObject(value, path);
    const known: readonly string[] = allowed;
    // A plain object is safe here, since only allowed keys (ordinary names) are ever written to it.
    const fields: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = value[key];
      if (field === undefined) continue;
      if (!known.includes(key)) {
        throw new PlacementInputError('unknown_field', keyPath(path, key), `Remove this field or correct its spelling; the fields allowed here are ${allowed.join(', ')}.`);
      }
      fields[key] = field;
    }
    return fields as Fields<K>;
  } catch (error) {
    throw unreadableInput(error, path);
  }
}

/**
 * Gets a field that must be given.
 *
 * @param fields - the object's fields, from {@link readObject}
 * @param key - the field
 * @param path - the path of the object
 * @returns the field's value
 * @throws {@link PlacementInputError} `missing_field` when it is absent
 */
export function requireField<K extends string>(fields: Fields<K>, key: K, path: string): unknown {
  const value = fields[key];
  if (value === undefined) throw new PlacementInputError('missing_field', keyPath(path, key), `Add the required field ${key}.`);
  return value;
}

/**
 * Validates a field when it is given.
 *
 * @param fields - the object's fields, from {@link readObject}
 * @param key - the field
 * @param path - the path of the object
 * @param validate - the field's validator, called with the field's value and path
 * @returns the validated value, or `undefined` when the field is absent
 * @throws whatever `validate` throws
 */
export function optionalField<K extends string, T>(fields: Fields<K>, key: K, path: string, validate: (value: unknown, path: string) => T): T | undefined {
  const value = fields[key];
  return value === undefined ? undefined : validate(value, keyPath(path, key));
}

/**
 * Reads a string.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @returns the value, a string
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string
 */
export function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw wrongType('a string', value, path);
  return value;
}

/**
 * Reads a boolean.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @returns the value, a boolean
 * @throws {@link PlacementInputError} `invalid_type` when it is not `true` or `false`
 */
export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw wrongType('true or false', value, path);
  return value;
}

/**
 * Reads a number.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @returns the value, a number (possibly NaN or infinite; range checks are the caller's)
 * @throws {@link PlacementInputError} `invalid_type` when it is not a number
 */
export function expectNumber(value: unknown, path: string): number {
  if (typeof value !== 'number') throw wrongType('a number', value, path);
  return value;
}

/**
 * Reads an array.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @returns the value, an array
 * @throws {@link PlacementInputError} `invalid_type` when it is not an array
 */
export function expectArray(value: unknown, path: string): readonly unknown[] {
  let isArray: boolean;
  try {
    // Array.isArray throws for a revoked proxy.
    isArray = Array.isArray(value);
  } catch (error) {
    throw unreadableInput(error, path);
  }
  if (!isArray) throw wrongType('an array', value, path);
  return value as readonly unknown[];
}

function notAnObject(value: unknown, path: string): PlacementInputError {
  return wrongType('an object', value, path);
}

function wrongType(expected: string, value: unknown, path: string): PlacementInputError {
  return new PlacementInputError('invalid_type', path, `Give ${expected} here, not ${describeValue(value)}.`);
}

/**
 * What a validation throws when reading its input threw: a revoked proxy, a
 * proxy trap or a getter that throws. Such input cannot be read, which is the
 * caller's to fix, so it is refused like any other; a
 * {@link PlacementInputError} passes through unchanged.
 *
 * @param error - what reading threw
 * @param path - the input's path, the closest known to where reading failed
 * @returns the error to throw: `invalid_type`, with what was thrown as its `cause`
 */
export function unreadableInput(error: unknown, path: string): PlacementInputError {
  if (error instanceof PlacementInputError) return error;
  const thrown = error instanceof Error ? `${error.name}: ${error.message}` : describeValue(error);
  return new PlacementInputError('invalid_type', path, `Reading this value threw (${thrown}); give plain data: objects, arrays, strings, numbers, booleans, null, and Maps or Dates where they are allowed.`, { cause: error });
}
