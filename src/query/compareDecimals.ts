/**
 * Decimal numbers compared exactly, however many digits they have: attribute
 * values such as `9007199254740993` or `1e400` lose their order as doubles.
 *
 * @module
 */

/** A decimal number as attribute values write it: sign, digits, optional fraction and exponent. */
const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/**
 * Numbers of at most 15 characters without an exponent have at most 15
 * digits, and distinct decimals of 15 digits read as distinct doubles in the
 * same order, so these compare as doubles, which is much faster.
 */
const SHORT = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;
const MAX_SHORT_LENGTH = 15;

/**
 * A decimal number read exactly: `0.digits × 10^exponent`, with no leading
 * or trailing zeros in `digits`; zero has no digits and is never negative.
 */
export interface Decimal {
  /** Whether the number is below zero. */
  readonly negative: boolean;
  /** The significant digits. */
  readonly digits: string;
  /** The power of ten of the place just before the first digit. */
  readonly exponent: bigint;
  /** The text, when it is short enough to compare as a double. */
  readonly short: number | undefined;
}

/**
 * Reads a decimal number such as `10`, `-2.5`, `.5`, `1e400` or `+3`.
 *
 * @param text - the text
 * @returns the number, or `undefined` when the text is not a decimal number
 */
export function readDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', power] = match;
  if (whole === '' && fraction === '') return undefined;
  const short = text.length <= MAX_SHORT_LENGTH && SHORT.test(text) ? Number(text) : undefined;
  const all = whole + fraction;
  const leading = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(leading).replace(/0+$/, '');
  if (digits === '') return { negative: false, digits, exponent: 0n, short };
  const exponent = BigInt(whole.length - leading) + (power === undefined ? 0n : BigInt(power));
  return { negative: sign === '-', digits, exponent, short };
}

/**
 * Orders a text against a decimal number read before, exactly.
 *
 * @param text - the text, such as an attribute's value
 * @param argument - the number to compare it with, from {@link readDecimal}
 * @returns a negative number, 0 or a positive number as the text's number is
 *   less than, equal to or greater than `argument`; `undefined` when the text
 *   is not a decimal number
 */
export function compareToDecimal(text: string, argument: Decimal): number | undefined {
  // Short numbers on both sides, by far the most common, compare without reading the text into digits.
  if (argument.short !== undefined && text.length <= MAX_SHORT_LENGTH && SHORT.test(text)) return Math.sign(Number(text) - argument.short);
  const number = readDecimal(text);
  return number === undefined ? undefined : compareDecimals(number, argument);
}

function compareDecimals(a: Decimal, b: Decimal): number {
  if (a.short !== undefined && b.short !== undefined) return Math.sign(a.short - b.short);
  const sign = (a.negative ? -1 : a.digits === '' ? 0 : 1) - (b.negative ? -1 : b.digits === '' ? 0 : 1);
  if (sign !== 0 || a.digits === '') return Math.sign(sign);
  const magnitude = a.exponent !== b.exponent ? (a.exponent > b.exponent ? 1 : -1) : a.digits === b.digits ? 0 : a.digits > b.digits ? 1 : -1;
  return a.negative ? -magnitude : magnitude;
}
