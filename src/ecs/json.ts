/**
 * Reading ECS's JSON documents: each reader returns a value of the expected
 * type or throws a {@link task-placement!PlacementInputError} whose path is where the fault
 * is in the user's document, such as
 * `containerInstances[3].registeredResources[1].integerValue`.
 *
 * Fields the library does not read are ignored, not refused: ECS adds fields
 * to its responses over time, and a document pasted from the console or the
 * AWS CLI carries many that have nothing to do with placement. Requests and
 * services are the exception: a misspelt setting there would change where
 * tasks go, so their fields are checked against ECS's lists
 * (`refuseUnknownFields`).
 *
 * @module
 */
import { PlacementInputError, type PlacementInputErrorCode } from '../model/PlacementInputError';
import { describeValue } from '../model/validation/describeValue';
import { isRecord } from '../model/validation/fields';
import { keyPath } from '../model/validation/paths';

/** A JSON object as read from a document. */
export type JsonRecord = Readonly<Record<string, unknown>>;

/** A reader of one value at a path. */
export type Reader<T> = (value: unknown, path: string) => T;

const PREVIEW_LENGTH = 40;

/**
 * The error for a document that is not what ECS would produce.
 *
 * @param path - where the fault is
 * @param summary - what was expected, such as `expected a number, got "12"`
 * @param code - the code, `invalid_ecs_json` unless a more precise one applies
 */
export function ecsError(path: string, summary: string, code: PlacementInputErrorCode = 'invalid_ecs_json'): PlacementInputError {
  return new PlacementInputError(code, path, summary);
}

/** Names a value for a message: its kind, and for a short primitive the value itself, such as `a string ("1024")`. */
function preview(value: unknown): string {
  const kind = describeValue(value);
  if (typeof value === 'string') {
    const shown = value.length > PREVIEW_LENGTH ? `${value.slice(0, PREVIEW_LENGTH - 1)}…` : value;
    return `${kind} (${JSON.stringify(shown)})`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return `${kind} (${value})`;
  if (typeof value === 'boolean') return `${kind} (${value})`;
  return kind;
}

/**
 * The error for a value of the wrong kind.
 *
 * @param expected - what should be there, such as `a number`
 * @param value - what is there
 * @param path - where it is
 */
export function expected(expected: string, value: unknown, path: string): PlacementInputError {
  return ecsError(path, `expected ${expected}, got ${preview(value)}`);
}

/** Reads a JSON object. */
export function readRecord(value: unknown, path: string): JsonRecord {
  if (!isRecord(value)) throw expected('an object', value, path);
  return value;
}

/** Reads a JSON array. */
export function readArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw expected('an array', value, path);
  return value;
}

/** Reads a string. */
export function readString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw expected('a string', value, path);
  return value;
}

/** Reads `true` or `false`. */
export function readBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw expected('true or false', value, path);
  return value;
}

/** Reads a finite number. */
function readNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw expected('a number', value, path);
  return value;
}

/** Reads a whole number of at least 0, such as a count or an amount. */
export function readWholeNumber(value: unknown, path: string): number {
  const number = readNumber(value, path);
  if (!Number.isSafeInteger(number) || number < 0) throw expected('a whole number of at least 0', value, path);
  return number === 0 ? 0 : number;
}

/**
 * Reads a field when it is given; `null` counts as absent, as the SDKs
 * print unset fields either way.
 *
 * @param record - the object
 * @param key - the field
 * @param path - the path of the object
 * @param read - the field's reader
 * @returns the value read, or `undefined`
 */
export function optional<T>(record: JsonRecord, key: string, path: string, read: Reader<T>): T | undefined {
  const value = record[key];
  return value === undefined || value === null ? undefined : read(value, keyPath(path, key));
}

/**
 * Reads a field that must be given.
 *
 * @param record - the object
 * @param key - the field
 * @param path - the path of the object
 * @param read - the field's reader
 * @param why - what ECS does that makes the field required, for the message
 */
export function required<T>(record: JsonRecord, key: string, path: string, read: Reader<T>, why = 'ECS always includes it'): T {
  const value = optional(record, key, path, read);
  if (value === undefined) throw ecsError(keyPath(path, key), `expected this field (${why})`);
  return value;
}

/**
 * Reads the list of a Describe response: the whole response, whose field
 * `key` lists the items, or a bare array of them.
 *
 * @param json - the parsed document
 * @param key - the field that lists the items, such as `tasks`
 * @param why - why a response has that field, for the message when it is missing
 * @returns the items, and the path of the list
 */
export function readResponseList(json: unknown, key: string, why: string): [readonly unknown[], string] {
  if (Array.isArray(json)) return [json, ''];
  return [required(readRecord(json, ''), key, '', readArray, why), key];
}

/**
 * Runs one of the library's own validators on a value and reports its fault
 * at `path`, keeping the validator's code and sentence.
 *
 * @param path - where the value is in the user's document
 * @param run - the validation, called as if the value had no path
 * @returns what `run` returns
 * @throws {@link task-placement!PlacementInputError} what `run` throws, at `path`, with the
 *   same `cause` when it had one
 */
export function rethrowAt<T>(path: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof PlacementInputError)) throw error;
    const summary = error.path === '' ? error.message : error.message.slice(error.path.length + 2);
    // The validator's own cause (a QueryError for an expression) says more than the validator's error.
    throw new PlacementInputError(error.code, path, summary, { cause: error.cause ?? error });
  }
}
