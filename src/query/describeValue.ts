/**
 * Names what a value is, for messages about input of the wrong type.
 *
 * @module
 */

/**
 * Names a value's type as a sentence reads it.
 *
 * @param value - any value
 * @returns `undefined`, `null`, `an array`, `a Map`, `an object`, `a number`, ...
 */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Map) return 'a Map';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}
