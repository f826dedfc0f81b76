/**
 * The memory target: a cluster of N instances holding N tasks, with the
 * views of two common chains built.
 */
import { Cluster } from '../src/cluster/Cluster';
import type { PlacementRequest } from '../src/model/PlacementRequest';
import { streamFleet } from '../src/sim/streamFleet';
import { memoryMiB } from './heapMiB';

/** What the memory case measured. */
export interface MemoryRow {
  readonly instances: number;
  readonly tasks: number;
  /** Heap after registering the fleet, after a full collection when the runtime allows one. */
  readonly fleetHeapMiB: number;
  /** Heap with every task placed. */
  readonly loadedHeapMiB: number;
  /** Typed arrays with every task placed (the engine's indexes live there; the heap leaves them out). */
  readonly loadedArrayBuffersMiB: number;
  /** Heap and typed arrays together, with every task placed. */
  readonly loadedTotalMiB: number;
  readonly buildSeconds: number;
  readonly placeSeconds: number;
}

const TASK = Object.freeze({ family: 'memory', resources: Object.freeze({ cpu: 128, memory: 256 }) });
const ZONE = 'attribute:ecs.availability-zone';

/**
 * Registers `size` generated instances and places `size` small tasks on them
 * in requests of 10,000 with the default engine: half spread over zones and
 * packed on memory, half with ECS's default service chain, so that the
 * views of both chains are built and held.
 *
 * @param size - instances, and tasks
 */
export function runMemoryCase(size: number): MemoryRow {
  const started = performance.now();
  const cluster = new Cluster({ seed: 11 });
  for (const spec of streamFleet({ size, seed: 11, zones: 3 })) cluster.registerInstance(spec);
  const built = performance.now();
  const fleetHeapMiB = memoryMiB().heap;
  const requests: ((count: number) => PlacementRequest)[] = [
    (count) => ({ task: TASK, count, group: 'memory-packed', placementStrategy: [{ type: 'spread', field: ZONE }, { type: 'binpack', field: 'memory' }] }),
    (count) => ({ task: TASK, count, service: 'memory-spread' }),
  ];
  let tasks = 0;
  while (tasks < size) {
    const request = requests[tasks < size / 2 ? 0 : 1] as (count: number) => PlacementRequest;
    const result = cluster.place(request(Math.min(10_000, size - tasks)));
    tasks += result.placements.length;
    if (result.failures.length > 0) throw new Error(`the memory case could not place every task: ${result.failures[0]?.diagnosis.summary ?? ''}`);
  }
  const placed = performance.now();
  const loaded = memoryMiB();
  return {
    instances: size,
    tasks,
    fleetHeapMiB,
    loadedHeapMiB: loaded.heap,
    loadedArrayBuffersMiB: loaded.arrayBuffers,
    loadedTotalMiB: loaded.total,
    buildSeconds: (built - started) / 1000,
    placeSeconds: (placed - built) / 1000,
  };
}
