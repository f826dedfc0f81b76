/**
 * How to generate a workload.
 *
 * @module
 */

/** The shape of task sizes in a generated workload. */
export type TaskSizeDistribution = 'uniform' | 'heavy-tailed' | 'mixed';

/** Options of {@link generateWorkload}. */
export interface WorkloadOptions {
  /**
   * Seed of the workload; the same seed gives the same services on every machine.
   * @defaultValue 1
   */
  readonly seed?: number;
  /**
   * Number of services, 1 to 1,000.
   * @defaultValue 8
   */
  readonly services?: number;
  /**
   * Total desired count over all services, at least one task per service
   * and at most 10,000,000.
   * @defaultValue 1000
   */
  readonly tasks?: number;
  /**
   * Task sizes. `uniform`: each service picks a size from a small menu of
   * common ones (256 CPU units / 512 MiB to 2048 / 4096). `heavy-tailed`:
   * Pareto-distributed memory, so most tasks are small and a few are very
   * large (up to 30 GiB), with CPU in proportion. `mixed`: services like a
   * real cluster's (web tiers, APIs, workers, a memory-heavy cache, cron
   * jobs, awsvpc services, ARM batch jobs, and now and then a GPU inference
   * service), each with its own sizes, strategies and constraints.
   * @defaultValue `'mixed'`
   */
  readonly distribution?: TaskSizeDistribution;
}
