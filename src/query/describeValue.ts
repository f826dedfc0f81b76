/**
 * Words for untrusted values in error messages. Nothing here converts a value
 * to text by itself, because that can throw (symbols) or never end (cycles).
 *
 * @module
 */

const NAMED_KINDS: readonly [new (...args: never[]) => object, string][] = [
  [Map, 'a Map'], [Set, 'a Set'], [Date, 'a Date'], [RegExp, 'a regular expression'],
  [String, 'a String object'], [Number, 'a Number object'], [Boolean, 'a Boolean object'],
];

/**
 * Names the kind of a value: `null`, `an array`, `a Map`, `NaN`, `a string`...
 *
 * @param value - any value
 * @returns a short noun phrase for it
 */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (ArrayBuffer.isView(value)) return 'a typed array';
  const named = NAMED_KINDS.find(([type]) => value instanceof type);
  if (named !== undefined) return named[1];
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'undefined') return 'undefined';
  return `a ${typeof value}`;
}
