import { buildCluster } from '../../src/arbitraries/buildCluster';
import type { ClusterScenario } from '../../src/arbitraries/cluster';
import type { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { EngineName } from '../../src/model/EngineName';

/** Both engines. */
export const ENGINES: readonly EngineName[] = ['reference', 'indexed'];

/** A cluster with the scenario's fleet and seed, after its history. */
export function scenarioCluster(scenario: ClusterScenario, engine: EngineName = 'indexed'): Cluster {
  return buildCluster(scenario, { engine });
}

/** Places a request `times` times, so that the cluster already runs tasks of its group. */
export function placeTimes(cluster: Cluster, request: PlacementRequest, times: number): void {
  for (let index = 0; index < times; index += 1) cluster.place(request);
}
