/**
 * A bin packing problem from a public benchmark set, in the library's words:
 * tasks to place on identical instances.
 *
 * @module
 */

/**
 * Tasks to place on as few identical instances as possible: one bin packing
 * problem, read by {@link readPackingFile}.
 */
export interface PackingProblem {
  /** The problem's name, such as its file name. */
  readonly name: string;
  /**
   * The resource each dimension is placed as: `memory` for one dimension;
   * `cpu` and `memory` for two; then `resource3`, `resource4`, ... for more.
   */
  readonly resources: readonly string[];
  /** What each instance registers of each resource: the bin's capacity. */
  readonly capacity: Readonly<Record<string, number>>;
  /** Each task's demand (an item's weights), in the file's order. */
  readonly tasks: readonly Readonly<Record<string, number>>[];
  /** The fewest instances that hold every task, when the file's name gives it. */
  readonly optimum?: number;
}
