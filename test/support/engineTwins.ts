/**
 * Two clusters in the same state, one per engine, and the helpers that
 * compare them: what an action returned or threw, and the generator's next
 * numbers.
 */
import { Cluster } from '../../src/cluster/Cluster';
import type { InstanceSpec } from '../../src/model/InstanceSpec';
import { PlacementInputError } from '../../src/model/PlacementInputError';
import type { Strategy } from '../../src/model/Strategy';
import type { ClusterScenario } from '../../src/arbitraries/cluster';
import { scenarioCluster } from './scenarioCluster';

/** The same cluster on the reference engine and on the indexed one. */
export interface Twins {
  readonly reference: Cluster;
  readonly indexed: Cluster;
}

/** Twins with the scenario's fleet and seed, after its history. */
export function scenarioTwins(scenario: ClusterScenario): Twins {
  return { reference: scenarioCluster(scenario, 'reference'), indexed: scenarioCluster(scenario, 'indexed') };
}

/** Twins with these instances and seed. */
export function newTwins(instances: readonly InstanceSpec[], seed: number): Twins {
  return {
    reference: new Cluster({ instances, seed, engine: 'reference' }),
    indexed: new Cluster({ instances, seed, engine: 'indexed' }),
  };
}

/** What an action did: the value it returned, or the error it threw as plain data. */
export type Outcome<T> =
  | { readonly returned: T }
  | { readonly threw: { readonly name: string; readonly code: string | undefined; readonly path: string | undefined; readonly message: string } };

/** Runs an action and records what it returned or threw, so that two engines' outcomes compare with one `toStrictEqual`. */
export function outcomeOf<T>(action: () => T): Outcome<T> {
  try {
    return { returned: action() };
  } catch (error) {
    if (error instanceof PlacementInputError) return { threw: { name: error.name, code: error.code, path: error.path, message: error.message } };
    if (error instanceof Error) return { threw: { name: error.name, code: undefined, path: undefined, message: error.message } };
    throw error;
  }
}

const PROBE_IDS = ['probe-a', 'probe-b'] as const;

/**
 * The cluster generator's next `count` numbers, read exactly: two probe
 * instances are registered (once), then a request that only they can take is
 * placed with a strategy of its own that records one `context.random()` per
 * task. The cluster is changed (probes and probe tasks), so call this last.
 */
export function nextDraws(cluster: Cluster, count = 3): number[] {
  const registered = new Set(cluster.instances().map((instance) => instance.id));
  for (const id of PROBE_IDS) {
    if (!registered.has(id)) cluster.registerInstance({ id, resources: { cpu: 1024, memory: 1024 }, attributes: { probe: null } });
  }
  const draws: number[] = [];
  const recordDraw: Strategy = {
    name: 'recordDraw',
    rank: (context) => {
      draws.push(context.random());
      return () => 0;
    },
  };
  const result = cluster.place({
    task: { resources: {} },
    count,
    group: 'probe',
    placementStrategy: [recordDraw],
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:probe exists' }],
  });
  if (result.failures.length > 0 || draws.length !== count) throw new Error(`the probe drew ${draws.length} of ${count} numbers: ${JSON.stringify(result.failures[0]?.reason)}`);
  return draws;
}
