/**
 * `count: 1` requests of one shape: what a scheduler that places tasks one
 * by one asks, compared with the same tasks placed in one batch.
 */
import { Cluster } from '../src/cluster/Cluster';
import type { PlacementRequest } from '../src/model/PlacementRequest';
import type { ChainCase } from './placementMatrix';

/** One chain's placements one by one and in batches, on one fleet. */
export interface SingleShapeRow {
  readonly size: number;
  readonly chain: string;
  readonly placements: number;
  /** Nanoseconds per placement, one request per task. */
  readonly oneByOneNs: number;
  /** Nanoseconds per placement, every task in one request. */
  readonly batchNs: number;
}

const TASK = Object.freeze({ family: 'single', resources: Object.freeze({ cpu: 256, memory: 512 }) });

/**
 * Places `placements` tasks one request per task, stops them, places them
 * again in one request, and stops them. The request parts are frozen, as a
 * scheduler keeps its service definitions; the request object itself is
 * new for every call.
 *
 * @param cluster - a fleet, as every case leaves it
 * @param size - its instances, for the row
 * @param chain - the chain
 * @param placements - tasks per run
 */
export function runSingleShapeCase(cluster: Cluster, size: number, chain: ChainCase, placements: number): SingleShapeRow {
  const strategies = Object.freeze(chain.strategies.map((strategy) => Object.freeze({ ...strategy })));
  const constraints = chain.constraints === undefined ? undefined : Object.freeze(chain.constraints.map((constraint) => Object.freeze({ ...constraint })));
  const request = (count: number): PlacementRequest => ({
    task: TASK, count, group: `single:${chain.name}`, placementStrategy: strategies, ...(constraints === undefined ? {} : { placementConstraints: constraints }),
  });
  // Warm up the path one task per request takes, as the matrix takes the fastest of its runs: the steady state is measured.
  const warm: string[] = [];
  for (let placed = 0; placed < Math.min(2_000, placements); placed += 1) for (const { taskId } of cluster.place(request(1)).placements) warm.push(taskId);
  for (const taskId of warm) cluster.stopTask(taskId);
  const ids: string[] = [];
  let started = performance.now();
  for (let placed = 0; placed < placements; placed += 1) {
    const { placements: made } = cluster.place(request(1));
    for (const { taskId } of made) ids.push(taskId);
  }
  const oneByOneNs = ((performance.now() - started) * 1e6) / ids.length;
  for (const id of ids) cluster.stopTask(id);
  started = performance.now();
  const batch = cluster.place(request(placements));
  const batchNs = ((performance.now() - started) * 1e6) / batch.placements.length;
  for (const { taskId } of batch.placements) cluster.stopTask(taskId);
  return { size, chain: chain.name, placements: ids.length, oneByOneNs, batchNs };
}
