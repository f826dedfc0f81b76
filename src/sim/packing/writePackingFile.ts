/**
 * Writing a bin packing problem in the public formats {@link readPackingFile}
 * reads.
 *
 * @module
 */
import type { PackingProblem } from './PackingProblem';

/**
 * The problem as a file: BPPLIB's format when it has one resource (save it
 * as `.bpp` or `.txt`), VPSolver's `.vbp` when it has more, one item type
 * per task in the problem's order, so that reading it back gives the same
 * tasks in the same order. Put `opt<N>` in the file's name to keep a known
 * optimum.
 *
 * @param problem - the problem
 * @returns the file's text, ending with a newline
 *
 * @example
 * ```ts
 * writePackingFile(generatePackingProblem('uniform', 120, 7)); // '120\n150\n...'
 * ```
 */
export function writePackingFile(problem: PackingProblem): string {
  const { resources, capacity, tasks } = problem;
  const amount = (values: Readonly<Record<string, number>>, resource: string): string => String(values[resource] ?? 0);
  if (resources.length === 1) {
    const [only] = resources as [string];
    return [String(tasks.length), amount(capacity, only), ...tasks.map((task) => amount(task, only))].join('\n').concat('\n');
  }
  return [
    String(resources.length),
    resources.map((resource) => amount(capacity, resource)).join(' '),
    String(tasks.length),
    ...tasks.map((task) => `${resources.map((resource) => amount(task, resource)).join(' ')} 1`),
  ].join('\n').concat('\n');
}
