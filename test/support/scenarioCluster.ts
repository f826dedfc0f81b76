import { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { EngineName } from '../../src/placement/PlacementEngine';
import type { ClusterScenario, HistoryStep } from './placementArbitraries';

/** Both engines; until the indexed one exists, the reference engine stands in for it. */
export const ENGINES: readonly EngineName[] = ['reference', 'indexed'];

/** Applies one step of history: a place, a stop of the picked task, or an update of the picked instance. */
export function applyStep(cluster: Cluster, step: HistoryStep): void {
  switch (step.kind) {
    case 'place':
      cluster.place(step.request);
      return;
    case 'stop': {
      const tasks = cluster.tasks();
      const task = tasks[step.pick % Math.max(tasks.length, 1)];
      if (task !== undefined) cluster.stopTask(task.taskId);
      return;
    }
    case 'update': {
      const instances = cluster.instances();
      const instance = instances[step.pick % Math.max(instances.length, 1)];
      if (instance !== undefined) cluster.updateInstance(instance.id, step.patch);
    }
  }
}

/** A cluster with the scenario's fleet and seed, after its history. */
export function scenarioCluster(scenario: ClusterScenario, engine: EngineName = 'indexed'): Cluster {
  const cluster = new Cluster({ instances: scenario.instances, seed: scenario.seed, engine });
  for (const step of scenario.history) applyStep(cluster, step);
  return cluster;
}

/** Places a request `times` times, so that the cluster already runs tasks of its group. */
export function placeTimes(cluster: Cluster, request: PlacementRequest, times: number): void {
  for (let index = 0; index < times; index += 1) cluster.place(request);
}
