/**
 * How a simulation runs: the engine, and the clock and heap gauge the
 * caller lends it.
 *
 * @module
 */
import type { EngineName } from '../../model/EngineName';

/** Options of {@link runSimulation}. */
export interface RunOptions {
  /**
   * The placement engine of the simulated cluster.
   * @defaultValue `'indexed'`, as for `Cluster`
   */
  readonly engine?: EngineName;
  /**
   * A clock in milliseconds, read around each placement call only.
   * @defaultValue `performance.now()` where it exists, else `Date.now()`
   */
  readonly now?: () => number;
  /**
   * The heap in use, in bytes (in Node, `() => process.memoryUsage().heapUsed`).
   * Sampled after the fleet is registered, after each service and after each
   * churn round; the report keeps the highest sample. Without it the report
   * has no `peakHeapBytes`.
   */
  readonly heapUsed?: () => number;
  /**
   * Told how far the run is: in phase `fleet`, instances registered out of
   * the fleet's size (every 10,000 and at the end); in phase `services`,
   * services placed out of the scenario's; in phase `churn`, rounds done.
   */
  readonly onProgress?: (done: number, total: number, phase: SimulationPhase) => void;
}

/** The phases of a run, in order. */
export type SimulationPhase = 'fleet' | 'services' | 'churn';

/**
 * The clock used when the caller lends none: `performance.now()`, which
 * browsers and Node both have and which does not jump with the wall clock,
 * else `Date.now()`.
 *
 * @returns a function giving milliseconds
 */
export function defaultClock(): () => number {
  const performance = (globalThis as { performance?: { now?: () => number } }).performance;
  if (typeof performance?.now === 'function') return () => (performance.now as () => number).call(performance);
  return () => Date.now();
}
