/**
 * Eager validation of the constraints objects the arbitraries take. A fault
 * throws when the arbitrary is built, with a message that names the
 * arbitrary and the field, so a typo fails on the test file's first line
 * rather than deep inside a run.
 *
 * @module
 */
import { ConstraintsError } from '../ConstraintsError';

/** Where a constraints object sits: the arbitrary that reads it, and the path to it inside that arbitrary's constraints. */
export interface Where {
  /** The arbitrary, such as `fleet`. */
  readonly fn: string;
  /** The path to the object, empty or ending with a dot, such as `fleet.`. */
  readonly path: string;
}

/** The fields of a constraints object; a field given as `undefined` is absent. */
export type Fields = ReadonlyMap<string, unknown>;

/** The top of an arbitrary's constraints. */
export function where(fn: string): Where {
  return { fn, path: '' };
}

/** A constraints object nested under `key`. */
export function inside(at: Where, key: string): Where {
  return { fn: at.fn, path: `${at.path}${key}.` };
}

/** Throws the error for a field: `fleet: minInstances must be ...`. */
export function fail(at: Where, field: string, problem: string): never {
  throw new ConstraintsError('invalid_constraint', at.fn, `${at.path}${field}`, `${at.fn}: ${at.path}${field} ${problem}`);
}

/** A value as error messages show it: numbers and strings as written, other things by kind. */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return `a ${typeof value}`;
  try {
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  } catch {
    return Array.isArray(value) ? 'an array' : 'an object';
  }
}

/**
 * Reads a constraints object, refusing anything but a plain object and any
 * key outside `keys` (a misspelt constraint would otherwise be ignored).
 */
export function readFields(at: Where, value: unknown, keys: readonly string[]): Fields {
  if (value === undefined) return new Map();
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const name = at.path === '' ? 'constraints' : at.path.slice(0, -1);
    throw new ConstraintsError('not_an_object', at.fn, at.path.slice(0, -1), `${at.fn}: ${name} must be an object, got ${show(value)}`);
  }
  const fields = new Map<string, unknown>();
  for (const [key, field] of Object.entries(value)) {
    if (!keys.includes(key)) throw new ConstraintsError('unknown_constraint', at.fn, `${at.path}${key}`, `${at.fn}: unknown constraint ${at.path}${key} (known: ${keys.join(', ')})`);
    if (field !== undefined) fields.set(key, field);
  }
  return fields;
}

/** Only the fields named in `keys`, as an object to hand to a nested resolver. */
export function pick(fields: Fields, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries([...fields].filter(([key]) => keys.includes(key)));
}

/** A whole number from `min` to `max`. */
export function integer(at: Where, fields: Fields, name: string, fallback: number, min: number, max: number): number {
  return integerItem(at, min, max)(fields.get(name) ?? fallback, name);
}

/** `true` or `false`. */
export function flag(at: Where, fields: Fields, name: string, fallback: boolean): boolean {
  const value = fields.get(name) ?? fallback;
  if (typeof value !== 'boolean') fail(at, name, `must be true or false, got ${show(value)}`);
  return value;
}

/** A chance from 0 to 1. */
export function rate(at: Where, fields: Fields, name: string, fallback: number): number {
  const value = fields.get(name) ?? fallback;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) fail(at, name, `must be a number from 0 to 1, got ${show(value)}`);
  return value;
}

/** `min` is at most `max`: `fleet: minInstances must be at most maxInstances, got 5 > 3`. */
export function ordered(at: Where, minName: string, min: number, maxName: string, max: number): void {
  if (min > max) fail(at, minName, `must be at most ${at.path}${maxName}, got ${min} > ${max}`);
}

/** How one item of a list is read: it returns the item or calls `fail` with the label given. */
export type ItemReader<T> = (value: unknown, label: string) => T;

/** A list read item by item, with at least `minLength` items and no item twice. */
export function list<T>(at: Where, fields: Fields, name: string, fallback: readonly T[], item: ItemReader<T>, minLength = 1): readonly T[] {
  const value = fields.get(name);
  if (value === undefined) return fallback;
  if (!Array.isArray(value)) fail(at, name, `must be an array, got ${show(value)}`);
  if (value.length < minLength) fail(at, name, `must hold at least ${minLength} item${minLength === 1 ? '' : 's'}, got ${value.length}`);
  const items = value.map((entry: unknown, index) => item(entry, `${name}[${index}]`));
  const seen = new Set<T>();
  items.forEach((entry, index) => {
    if (seen.has(entry)) fail(at, `${name}[${index}]`, `repeats ${show(entry)}`);
    seen.add(entry);
  });
  return items;
}

/** A record of name to value, each read by `item`. */
export function record<T>(at: Where, fields: Fields, name: string, fallback: Readonly<Record<string, T>>, item: ItemReader<T>): Readonly<Record<string, T>> {
  const value = fields.get(name);
  if (value === undefined) return fallback;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(at, name, `must be an object, got ${show(value)}`);
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, item(entry, `${name}[${JSON.stringify(key)}]`)]));
}

/** Reads a string item. */
export function stringItem(at: Where): ItemReader<string> {
  return (value, label) => (typeof value === 'string' ? value : fail(at, label, `must be a string, got ${show(value)}`));
}

/** Reads a whole number from `min` to `max`. */
export function integerItem(at: Where, min: number, max: number): ItemReader<number> {
  return (value, label) => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(at, label, `must be an integer from ${min} to ${max}, got ${show(value)}`);
    }
    return value;
  };
}

/** Reads one of the `allowed` strings. */
export function choiceItem<T extends string>(at: Where, allowed: readonly T[]): ItemReader<T> {
  return (value, label) =>
    ((allowed as readonly unknown[]).includes(value) ? (value as T) : fail(at, label, `must be one of ${allowed.map(show).join(', ')}, got ${show(value)}`));
}

/** Reads a list of items as one item of a record (a list of amounts, of values). */
export function listItem<T>(at: Where, item: ItemReader<T>, minLength = 1): ItemReader<readonly T[]> {
  return (value, label) => list(at, new Map([[label, value]]), label, [], item, minLength);
}
