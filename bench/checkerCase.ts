/**
 * What checking a placement costs against placing it: `checkPlacement`
 * replays a request on its independent model, and should cost about what
 * `place` does.
 */
import { checkPlacement } from '../src/arbitraries/check/checkPlacement';
import { Cluster, type ClusterSnapshot } from '../src/cluster/Cluster';
import type { PlacementRequest } from '../src/model/PlacementRequest';
import { streamFleet } from '../src/sim/streamFleet';
import { collect } from './heapMiB';

/** One chain's place and check on one fleet. */
export interface CheckerRow {
  readonly size: number;
  readonly chain: string;
  readonly tasks: number;
  /** The request placed on a cluster just restored from the snapshot, as a property test places it. */
  readonly placeMs: number;
  /** `checkPlacement` of that placement. */
  readonly checkMs: number;
}

const ZONE = 'attribute:ecs.availability-zone';
const TASK = Object.freeze({ family: 'checked', resources: Object.freeze({ cpu: 256, memory: 512 }) });

/** The chains the checker ranks (binpack, spread over zones then instances as ECS's service default, spread over instances), and random, which it does not. */
const CHECKED_CHAINS: readonly { readonly name: string; readonly strategies: NonNullable<PlacementRequest['placementStrategy']> }[] = [
  { name: 'binpack(memory)', strategies: [{ type: 'binpack', field: 'memory' }] },
  { name: 'spread(AZ)+spread(instanceId)', strategies: [{ type: 'spread', field: ZONE }, { type: 'spread', field: 'instanceId' }] },
  { name: 'spread(instanceId)', strategies: [{ type: 'spread', field: 'instanceId' }] },
  { name: 'random', strategies: [{ type: 'random' }] },
];

/**
 * On a fleet of `size` already running tasks of the request's group, places
 * a request of `tasks` tasks per chain on a cluster restored from the
 * fleet's snapshot, then checks it; the fastest of `repeats` runs of each.
 *
 * @param size - instances
 * @param tasks - tasks per request
 * @param repeats - runs per chain
 */
export function runCheckerCase(size: number, tasks: number, repeats: number): CheckerRow[] {
  // What earlier cases left for the collector is not the checker's cost.
  collect();
  const fleet = new Cluster();
  for (const spec of streamFleet({ size, seed: 11, zones: 3 })) fleet.registerInstance(spec);
  // Earlier tasks of the group give the spreads uneven buckets to rank.
  fleet.place({ task: TASK, group: 'checked', count: Math.min(size, 500), placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
  const state: ClusterSnapshot = fleet.snapshot();
  return CHECKED_CHAINS.map(({ name, strategies }) => {
    const request: PlacementRequest = { task: TASK, group: 'checked', count: tasks, placementStrategy: strategies };
    let placeMs = Infinity;
    let checkMs = Infinity;
    for (let run = 0; run < repeats; run += 1) {
      const cluster = new Cluster(state);
      const before = cluster.snapshot();
      let started = performance.now();
      const result = cluster.place(request);
      placeMs = Math.min(placeMs, performance.now() - started);
      started = performance.now();
      const violations = checkPlacement(before, request, result);
      checkMs = Math.min(checkMs, performance.now() - started);
      if (violations.length > 0) throw new Error(`the checker case found ${violations.length} violations for ${name} at ${size} instances`);
    }
    return { size, chain: name, tasks, placeMs, checkMs };
  });
}
