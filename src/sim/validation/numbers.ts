/**
 * Number readers shared by the scenario validators.
 *
 * @module
 */
import { expectNumber } from '../../model/validation/fields';
import { PlacementInputError, type PlacementInputErrorCode } from '../../model/PlacementInputError';

/**
 * Reads a whole number within bounds.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @param range - the smallest and largest allowed, and the code for a value outside them
 * @returns the number
 * @throws `PlacementInputError` `invalid_type` when it is not a number,
 *   `range.code` when it is not a whole number within the range
 */
export function expectInteger(
  value: unknown, path: string, range: { readonly min: number; readonly max: number; readonly code: PlacementInputErrorCode },
): number {
  const number = expectNumber(value, path);
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw new PlacementInputError(range.code, path, `Give a whole number from ${range.min.toLocaleString('en-US')} to ${range.max.toLocaleString('en-US')}.`);
  }
  return number === 0 ? 0 : number;
}

/**
 * Reads a fraction.
 *
 * @param value - the untrusted value
 * @param path - where it is
 * @returns a number from 0 to 1
 * @throws `PlacementInputError` `invalid_type` when it is not a number,
 *   `invalid_option` when it is outside [0, 1] or NaN
 */
export function expectFraction(value: unknown, path: string): number {
  const number = expectNumber(value, path);
  if (!(number >= 0 && number <= 1)) throw new PlacementInputError('invalid_option', path, 'Give a fraction from 0 to 1, such as 0.02.');
  return number === 0 ? 0 : number;
}

/** A plain decimal: an optional sign, digits with or without a point, an optional exponent. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number from a data file's text, as the files write them: a plain
 * decimal, with an optional sign and exponent.
 *
 * @param text - the field, trimmed
 * @returns the number, or NaN for anything else (hexadecimal, Infinity, an empty field)
 */
export function parseDecimal(text: string | undefined): number {
  return text !== undefined && DECIMAL.test(text) ? Number(text) : Number.NaN;
}
