/**
 * Instance attributes and attribute names, under ECS's rules for custom
 * attributes.
 *
 * @module
 */
import { ATTRIBUTE_NAME } from '../../query/subjects';
import { PlacementInputError } from '../PlacementInputError';
import type { RequiredAttribute } from '../RequiredAttribute';
import { describeValue, quote } from './describeValue';
import { expectArray, isRecord, optionalField, readEntries, readObject, requireField } from './fields';
import { indexPath, keyPath } from './paths';
import { rememberValid } from './rememberValid';

/**
 * Attribute maps by a hash of their content (names and values, in order),
 * each hash with the maps that have it: many instances share one map. A
 * hash, rather than a string of the whole content, because a fleet's
 * attribute sets are long (a dozen or more entries) and a million
 * registrations would build and hash a string each.
 */
const sharedAttributes = new Map<number, ReadonlyMap<string, string | null>[]>();
/** Small numbers for the names and values seen lately, which the hash combines. */
const tokens = new Map<string | null, number>();
/** Distinct attribute sets, and names and values, kept before both caches are emptied: fleets have few. */
const MAX_SHARED = 4096;
/** Names and values found valid lately ({@link rememberValid}): they repeat across a fleet, and their patterns cost more than a look-up. */
const validNames = new Set<string>();
const validValues = new Set<string>();
/** ECS's rule for an attribute value; leading and trailing spaces are refused separately. */
const ATTRIBUTE_VALUE = /^[A-Za-z0-9_.@/\\: -]{1,128}$/;

/**
 * Validates an attribute map.
 *
 * @param value - the untrusted object of name to string or `null`
 * @param path - where it is, such as `instance.attributes`
 * @returns the attributes in the order given; equal attributes come back as the same map, which must not be written
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an
 *   object, `invalid_attribute` for a name or value ECS would refuse
 */
export function validateAttributes(value: unknown, path: string): ReadonlyMap<string, string | null> {
  const entries = readEntries(value, path);
  let hash = entries.length;
  for (const [name, attributeValue] of entries) {
    if (!validNames.has(name)) checkName(name, keyPath(path, name));
    if (attributeValue !== null && (typeof attributeValue !== 'string' || !validValues.has(attributeValue))) validateAttributeValue(attributeValue, keyPath(path, name));
    hash = Math.imul(hash ^ token(name), 0x9e3779b1);
    hash = Math.imul(hash ^ token(attributeValue as string | null), 0x85ebca6b);
  }
  const alike = sharedAttributes.get(hash);
  if (alike !== undefined) for (const known of alike) if (sameEntries(known, entries)) return known;
  const attributes = new Map(entries as [string, string | null][]);
  if (sharedAttributes.size >= MAX_SHARED) forgetShared();
  if (alike === undefined) sharedAttributes.set(hash, [attributes]);
  else alike.push(attributes);
  return attributes;
}

/** The number standing for a name or value in hashes, given on first sight. */
function token(text: string | null): number {
  const known = tokens.get(text);
  if (known !== undefined) return known;
  // Emptying the tokens changes hashes, so the maps filed under the old ones go too.
  if (tokens.size >= MAX_SHARED * 4) forgetShared();
  const next = tokens.size + 1;
  tokens.set(text, next);
  return next;
}

function forgetShared(): void {
  sharedAttributes.clear();
  tokens.clear();
}

/** Whether a map holds exactly these entries, in this order. */
function sameEntries(map: ReadonlyMap<string, string | null>, entries: readonly [string, unknown][]): boolean {
  if (map.size !== entries.length) return false;
  let index = 0;
  for (const name of map.keys()) {
    const entry = entries[index] as [string, unknown];
    if (entry[0] !== name || map.get(name) !== entry[1]) return false;
    index += 1;
  }
  return true;
}

/**
 * Validates one attribute name.
 *
 * @param value - the untrusted name
 * @param path - where it is
 * @returns the name
 * @throws {@link PlacementInputError} `invalid_attribute` for anything but a
 *   string of 1 to 128 letters, digits, `-`, `_`, `/`, `\` or `.`
 */
export function validateAttributeName(value: unknown, path: string): string {
  if (typeof value !== 'string') {
    throw new PlacementInputError('invalid_attribute', path, `Give an attribute name as a string, not ${describeValue(value)}.`);
  }
  checkName(value, path);
  return value;
}

/**
 * Validates a list of attribute names.
 *
 * @param value - the untrusted array
 * @param path - where it is, such as `request.task.requiresAttributes`
 * @returns the names in the order given, each once
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an
 *   array, `invalid_attribute` for a name ECS would refuse
 */
export function validateAttributeNames(value: unknown, path: string): string[] {
  const list = expectArray(value, path);
  const names = new Set<string>();
  for (let index = 0; index < list.length; index += 1) {
    names.add(validateAttributeName(list[index], indexPath(path, index)));
  }
  return [...names];
}

const REQUIREMENT_KEYS = ['name', 'value'] as const;
/** No required attributes: one frozen list shared by every task that requires none. */
export const NO_REQUIREMENTS: readonly RequiredAttribute[] = Object.freeze([]);

/**
 * Validates the attributes a task requires: names, and `{ name, value? }`
 * objects for an attribute that must have a value.
 *
 * @param value - the untrusted array
 * @param path - where it is, such as `request.task.requiresAttributes`
 * @returns each requirement once, in the order given, as a frozen `{ name }`
 *   or `{ name, value }` (a name alone and `{ name }` are the same requirement)
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an
 *   array or an entry is neither a string nor an object, `unknown_field` for
 *   a key other than `name` and `value`, `missing_field` without a name,
 *   `invalid_attribute` for a name or value ECS would refuse
 */
export function validateRequiredAttributes(value: unknown, path: string): readonly RequiredAttribute[] {
  const list = expectArray(value, path);
  if (list.length === 0) return NO_REQUIREMENTS;
  const requirements = new Map<string, RequiredAttribute>();
  for (let index = 0; index < list.length; index += 1) {
    const requirement = validateRequiredAttribute(list[index], indexPath(path, index));
    // Names and values hold no control characters (checked), so the separator cannot be forged.
    const key = requirement.value === undefined ? requirement.name : `${requirement.name}\u0000${requirement.value}`;
    if (!requirements.has(key)) requirements.set(key, requirement);
  }
  return Object.freeze([...requirements.values()]);
}


/**
 * Validates one attribute a task requires.
 *
 * @param value - the untrusted name, or `{ name, value? }` object
 * @param path - where it is, such as `request.task.requiresAttributes[0]`
 * @returns a frozen `{ name }` or `{ name, value }`
 * @throws {@link PlacementInputError} as {@link validateRequiredAttributes} does
 */
export function validateRequiredAttribute(value: unknown, path: string): RequiredAttribute {
  if (typeof value === 'string') return Object.freeze({ name: validateAttributeName(value, path) });
  if (!isRecord(value)) {
    throw new PlacementInputError('invalid_type', path, `Give a required attribute as its name or as { name, value }, not ${describeValue(value)}.`);
  }
  const fields = readObject(value, path, REQUIREMENT_KEYS);
  const name = validateAttributeName(requireField(fields, 'name', path), keyPath(path, 'name'));
  const required = optionalField(fields, 'value', path, (given, at) => {
    if (typeof given !== 'string') {
      throw new PlacementInputError('invalid_attribute', at, `Give the value the attribute must have as a string, or leave value out when any value, or none, will do; not ${describeValue(given)}.`);
    }
    return validateAttributeValue(given, at) as string;
  });
  return Object.freeze(required === undefined ? { name } : { name, value: required });
}

function checkName(name: string, path: string): void {
  if (!ATTRIBUTE_NAME.test(name)) {
    throw new PlacementInputError('invalid_attribute', path, `Rename the attribute ${quote(name)}: ECS allows 1 to 128 letters, digits, '-', '_', '/', '\\' or '.'.`);
  }
  rememberValid(validNames, name);
}

function validateAttributeValue(value: unknown, path: string): string | null {
  if (value === null) return null;
  if (typeof value !== 'string') {
    throw new PlacementInputError('invalid_attribute', path, `Give the attribute's value as a string, or null for an attribute without a value, not ${describeValue(value)}.`);
  }
  if (!ATTRIBUTE_VALUE.test(value) || value.startsWith(' ') || value.endsWith(' ')) {
    throw new PlacementInputError('invalid_attribute', path, `Change the value ${quote(value)}: ECS allows 1 to 128 letters, digits, '-', '_', '.', '@', '/', '\\', ':' or spaces, with no space at either end.`);
  }
  rememberValid(validValues, value);
  return value;
}

