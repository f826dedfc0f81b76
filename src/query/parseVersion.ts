/**
 * Dotted version numbers, compared component by component as numbers, so
 * that `1.10.0` is greater than `1.9.9`.
 *
 * @module
 */

const DOTTED = /^\d+(?:\.\d+)*$/;

/**
 * Reads a dotted version such as `1.14.5`.
 *
 * @param text - the version text
 * @returns its numeric components, or `undefined` when it is not a dotted version
 */
export function parseVersion(text: string): number[] | undefined {
  if (!DOTTED.test(text)) return undefined;
  return text.split('.').map(Number);
}

/**
 * Compares two versions; missing trailing components count as 0, so
 * `1.14` equals `1.14.0`.
 *
 * @returns a negative number, 0 or a positive number as `a` is less than, equal to or greater than `b`
 */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
