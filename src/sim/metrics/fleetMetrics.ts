/**
 * The fleet-wide measures of a simulation, in one call.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { PlacementResult } from '../../placement/PlacementResult';
import type { FleetMetrics } from '../SimulationReport';
import { failuresByReason } from './failuresByReason';
import { instancesUsed } from './instancesUsed';
import { lowerBound } from './lowerBound';
import { strandedCapacity } from './strandedCapacity';
import { utilization } from './utilization';

/**
 * Packing, utilization, stranded capacity and failures of a cluster's state.
 *
 * @param snapshot - the state, from `Cluster.snapshot`
 * @param results - every placement result that led to it, for the failures
 * @returns the measures; `packingRatio` is instances used over the
 *   {@link lowerBound} (1 is perfect), `null` when the bound is 0
 * @example
 * ```ts
 * const results = services.map((request) => cluster.place(request));
 * const { packingRatio, failuresByReason } = fleetMetrics(cluster.snapshot(), results);
 * ```
 */
export function fleetMetrics(snapshot: Pick<ClusterSnapshot, 'instances' | 'tasks'>, results: readonly PlacementResult[]): FleetMetrics {
  const bound = lowerBound(snapshot.instances, snapshot.tasks);
  const used = instancesUsed(snapshot.instances);
  return {
    lowerBound: bound,
    instancesUsed: used,
    packingRatio: bound.instances === 0 ? null : used / bound.instances,
    utilization: utilization(snapshot.instances),
    stranded: strandedCapacity(snapshot.instances, snapshot.tasks),
    failuresByReason: failuresByReason(results),
  };
}
