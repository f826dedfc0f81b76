/**
 * Clusters built from generated scenarios.
 *
 * @module
 */
import { Cluster } from '../cluster/Cluster';
import type { EngineName } from '../model/EngineName';
import type { ClusterScenario, HistoryStep } from './cluster';

/** Options of {@link buildCluster}. */
export interface BuildClusterOptions {
  /**
   * The engine the cluster runs.
   * @defaultValue `'indexed'`
   */
  readonly engine?: EngineName;
}

/**
 * Applies one step of history: a placement, a stop of the picked task, or
 * an update of the picked instance (nothing when there is none to pick).
 *
 * @param target - the cluster to change
 * @param step - the step
 */
export function applyHistoryStep(target: Cluster, step: HistoryStep): void {
  switch (step.kind) {
    case 'place':
      target.place(step.request);
      return;
    case 'stop': {
      const tasks = target.tasks();
      const stopped = tasks[step.pick % Math.max(tasks.length, 1)];
      if (stopped !== undefined) target.stopTask(stopped.taskId);
      return;
    }
    case 'update': {
      const instances = target.instances();
      const updated = instances[step.pick % Math.max(instances.length, 1)];
      if (updated !== undefined) target.updateInstance(updated.id, step.patch);
    }
  }
}

/**
 * Builds a new {@link Cluster} from a generated scenario: registers its
 * instances with its seed, then replays its history. Every call gives a
 * fresh cluster in the same state.
 *
 * @param scenario - from {@link cluster}
 * @param options - the engine to run
 * @returns the cluster, ready for the property's request
 *
 * @example
 * ```ts
 * const reference = buildCluster(scenario, { engine: 'reference' });
 * const indexed = buildCluster(scenario, { engine: 'indexed' });
 * ```
 */
export function buildCluster(scenario: ClusterScenario, options: BuildClusterOptions = {}): Cluster {
  const built = new Cluster({ instances: scenario.instances, seed: scenario.seed, engine: options.engine ?? 'indexed' });
  for (const step of scenario.history) applyHistoryStep(built, step);
  return built;
}
