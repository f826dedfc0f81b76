/**
 * Replaying an engine's placements on the model, one task at a time.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { TaskInfo } from '../../model/TaskInfo';
import { ModelCluster } from './ModelCluster';
import type { ModelInstance } from './ModelInstance';
import { modelRequest, readsOtherInstances, type ModelRequest } from './modelRequest';

/** The state just before one task of a request, and where the engine put that task. */
export interface ReplayStep {
  /** The task's index in the request, from 0. */
  readonly step: number;
  readonly model: ModelCluster;
  readonly request: ModelRequest;
  /** Instances that could take the task, in registration order; found when first read, as a chain that starts with random never needs them. */
  readonly candidates: readonly ModelInstance[];
  /** The instance id the engine reported. */
  readonly instanceId: string;
  /** That instance, if it is registered. */
  readonly chosen: ModelInstance | undefined;
}

/**
 * Replays a result's placements in order on the model built from `before`,
 * calling `visit` with the state just before each, and returns the model
 * after them all (where every failure of the result was decided).
 * `tasksOf` is the snapshot's tasks by instance, when the caller has grouped them already.
 */
export function replayPlacements(
  before: ClusterSnapshot,
  request: PlacementRequest,
  placements: readonly { readonly instanceId: string }[],
  visit: (step: ReplayStep) => void,
  tasksOf?: ReadonlyMap<string, readonly TaskInfo[]>,
): ModelCluster {
  const model = new ModelCluster(before, tasksOf, placements.map(({ instanceId }) => instanceId));
  const resolved = modelRequest(request);
  // A spreadLimit, or an atMost over an attribute, reads the tasks of other instances: a task placed changes their verdicts too.
  const wide = resolved.constraints.some(readsOtherInstances);
  let candidates: readonly ModelInstance[] | undefined;
  let able: Set<ModelInstance> | undefined;
  const candidatesNow = (): readonly ModelInstance[] => {
    if (candidates === undefined) {
      candidates = model.candidates(resolved);
      able = new Set(candidates);
    }
    return candidates;
  };
  placements.forEach(({ instanceId }, step) => {
    const chosen = model.instance(instanceId);
    visit({ step, model, request: resolved, get candidates() { return candidatesNow(); }, instanceId, chosen });
    if (chosen === undefined) return;
    // The engine's choice is applied even when it was wrong, so later steps see the real state.
    model.place(chosen, resolved);
    if (able === undefined) return;
    if (wide) {
      candidates = undefined;
      return;
    }
    // Without them, a task changes only what its own instance holds and runs, and every check reads that instance alone, so only it is checked again.
    const can = model.check(chosen, resolved).rejection === undefined;
    if (can === able.has(chosen)) return;
    if (can) able.add(chosen);
    else able.delete(chosen);
    const kept = able;
    candidates = model.instances.filter((instance) => kept.has(instance));
  });
  return model;
}
