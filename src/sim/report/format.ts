/**
 * Number formatting for the report. Every formatter writes a dash for a
 * non-finite value: a report can hold `NaN` (0 / 0 over an empty fleet) or
 * `Infinity` (placements over zero elapsed time), and neither means anything
 * to a reader.
 *
 * @module
 */

/** What the page shows where a number is missing or not finite. */
export const MISSING = '—';

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
// Building a formatter costs far more than using one, and a 10,000-instance
// heat map formats tens of thousands of numbers.
const decimals = new Map<number, Intl.NumberFormat>();

/**
 * Formats a count with thousands separators, rounded to an integer.
 *
 * @param value - the count
 * @returns e.g. `12,345`, or {@link MISSING}
 */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? integer.format(value) : MISSING;
}

/**
 * Formats a number with at most `digits` decimals and thousands separators.
 *
 * @param value - the number
 * @param digits - the most decimals to show
 * @returns e.g. `1,234.5`, or {@link MISSING}
 */
export function formatDecimal(value: number, digits: number): string {
  if (!Number.isFinite(value)) return MISSING;
  let format = decimals.get(digits);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits });
    decimals.set(digits, format);
  }
  return format.format(value);
}

/**
 * Formats a fraction as a percentage.
 *
 * @param fraction - 0 to 1 (values outside are shown as they are)
 * @param digits - decimals of the percentage
 * @returns e.g. `63%`, or {@link MISSING}
 */
export function formatPercent(fraction: number, digits = 0): string {
  if (!Number.isFinite(fraction)) return MISSING;
  return `${formatDecimal(fraction * 100, digits)}%`;
}

/**
 * Formats a byte count with a binary unit.
 *
 * @param bytes - the number of bytes
 * @returns e.g. `512 MiB`, or {@link MISSING}
 */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return MISSING;
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${formatDecimal(value, value < 10 && unit > 0 ? 1 : 0)} ${units[unit] ?? 'B'}`;
}
