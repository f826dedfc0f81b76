/**
 * Dotted version numbers, compared component by component as whole numbers
 * of any size, so that `1.10.0` is greater than `1.9.9`.
 *
 * @module
 */

const DOTTED = /^\d+(?:\.\d+)*$/;

/**
 * Reads a dotted version such as `1.14.5`.
 *
 * @param text - the version text
 * @returns its components as digit strings without leading zeros (`0` for
 *   zero), or `undefined` when it is not a dotted version
 */
export function parseVersion(text: string): string[] | undefined {
  if (!DOTTED.test(text)) return undefined;
  return text.split('.').map((component) => component.replace(/^0+(?=\d)/, ''));
}

/**
 * Compares two versions; missing trailing components count as 0, so
 * `1.14` equals `1.14.0`. Components compare exactly, however many digits
 * they have: as digit strings without leading zeros, the longer is the
 * greater, and equally long ones compare character by character.
 *
 * @returns a negative number, 0 or a positive number as `a` is less than, equal to or greater than `b`
 */
export function compareVersions(a: readonly string[], b: readonly string[]): number {
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const x = a[i] ?? '0';
    const y = b[i] ?? '0';
    if (x !== y) return x.length !== y.length ? x.length - y.length : x < y ? -1 : 1;
  }
  return 0;
}
