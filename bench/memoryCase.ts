/**
 * The memory target: a cluster of N instances holding N tasks.
 */
import { Cluster } from '../src/cluster/Cluster';
import { streamFleet } from '../src/sim/streamFleet';
import { heapMiB } from './heapMiB';

/** What the memory case measured. */
export interface MemoryRow {
  readonly instances: number;
  readonly tasks: number;
  /** Heap after registering the fleet, after a full collection when the runtime allows one. */
  readonly fleetHeapMiB: number;
  /** Heap with every task placed. */
  readonly loadedHeapMiB: number;
  readonly buildSeconds: number;
  readonly placeSeconds: number;
}

/**
 * Registers `size` generated instances and places `size` small tasks on them
 * at random, in requests of 10,000, with the default engine.
 *
 * @param size - instances, and tasks
 */
export function runMemoryCase(size: number): MemoryRow {
  const started = performance.now();
  const cluster = new Cluster({ seed: 11 });
  for (const spec of streamFleet({ size, seed: 11, zones: 3 })) cluster.registerInstance(spec);
  const built = performance.now();
  const fleetHeapMiB = heapMiB();
  let tasks = 0;
  while (tasks < size) {
    const result = cluster.place({
      task: { family: 'memory', resources: { cpu: 128, memory: 256 } },
      count: Math.min(10_000, size - tasks),
      group: 'memory',
      placementStrategy: [{ type: 'random' }],
    });
    tasks += result.placements.length;
    if (result.failures.length > 0) throw new Error(`the memory case could not place every task: ${result.failures[0]?.diagnosis.summary ?? ''}`);
  }
  const placed = performance.now();
  return { instances: size, tasks, fleetHeapMiB, loadedHeapMiB: heapMiB(), buildSeconds: (built - started) / 1000, placeSeconds: (placed - built) / 1000 };
}
