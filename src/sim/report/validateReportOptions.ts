/**
 * The options of the HTML report, checked.
 *
 * @module
 */
import { PlacementInputError } from '../../model/PlacementInputError';
import { expectArray, expectString, optionalField, readObject } from '../../model/validation/fields';
import { indexPath } from '../../model/validation/paths';
import { validateDate } from '../../model/validation/validateDate';

const KEYS = ['version', 'generatedAt', 'commandLine'] as const;

/** The report's options once checked: the date as milliseconds since the epoch. */
export interface ReportOptions {
  /** The library's version. */
  readonly version?: string;
  /** When the report was made, in milliseconds since the epoch. */
  readonly generatedAt?: number;
  /** The words of the command that made the report. */
  readonly commandLine?: readonly string[];
}

/**
 * Validates the options of `renderReportHtml`.
 *
 * @param value - the untrusted options; `undefined` for none
 * @param path - how to name them in errors
 * @returns the options given, the date as milliseconds since the epoch
 * @throws `PlacementInputError` `invalid_type` for options that are not an
 *   object, a version or a word of the command line that is not a string, a
 *   command line that is not an array and a date that is neither a Date nor
 *   a string; `unknown_field`; `invalid_option` for an empty version or
 *   command line; `invalid_date` for an invalid Date or a string that is not
 *   an ISO 8601 date
 */
export function validateReportOptions(value: unknown, path: string): ReportOptions {
  if (value === undefined) return {};
  const fields = readObject(value, path, KEYS);
  const version = optionalField(fields, 'version', path, validateVersion);
  const generatedAt = optionalField(fields, 'generatedAt', path, validateDate);
  const commandLine = optionalField(fields, 'commandLine', path, validateCommandLine);
  return {
    ...(version === undefined ? {} : { version }),
    ...(generatedAt === undefined ? {} : { generatedAt }),
    ...(commandLine === undefined ? {} : { commandLine }),
  };
}

function validateVersion(value: unknown, path: string): string {
  const version = expectString(value, path);
  if (version.trim() === '') throw new PlacementInputError('invalid_option', path, "Give the version, such as '0.1.0', or leave the field out.");
  return version;
}

function validateCommandLine(value: unknown, path: string): readonly string[] {
  const words = expectArray(value, path).map((word, index) => expectString(word, indexPath(path, index)));
  if (words.length === 0) throw new PlacementInputError('invalid_option', path, "Give the command's words, such as ['task-placement', 'simulate'], or leave the field out.");
  return words;
}
