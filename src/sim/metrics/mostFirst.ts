/**
 * Counts in the order a reader wants them.
 *
 * @module
 */

/**
 * Counts as a record, the largest first and ties by name (in code-unit
 * order), so a reader sees first where most went and every machine lists
 * them alike.
 *
 * @param counts - name and count pairs, each name once
 * @returns the record, in that order
 */
export function mostFirst(counts: Iterable<readonly [string, number]>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}
