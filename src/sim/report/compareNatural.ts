/**
 * Ordering of names for charts.
 *
 * @module
 */

/**
 * Compares names as a person sorts them: numbers within names by value
 * (`m5.2xlarge` before `m5.12xlarge`), ties broken by code units so the
 * order is total and the same on every machine.
 *
 * @param a - a name
 * @param b - another name
 * @returns negative, zero or positive, as for `Array.prototype.sort`
 */
export function compareNatural(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}
