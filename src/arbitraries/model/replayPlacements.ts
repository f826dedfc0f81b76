/**
 * Replaying an engine's placements on the model, one task at a time.
 *
 * @module
 */
import type { ClusterSnapshot } from '../../cluster/Cluster';
import type { PlacementRequest } from '../../model/PlacementRequest';
import { ModelCluster } from './ModelCluster';
import type { ModelInstance } from './ModelInstance';
import { modelRequest, type ModelRequest } from './modelRequest';

/** The state just before one task of a request, and where the engine put that task. */
export interface ReplayStep {
  /** The task's index in the request, from 0. */
  readonly step: number;
  readonly model: ModelCluster;
  readonly request: ModelRequest;
  /** Instances that could take the task, in registration order. */
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
 */
export function replayPlacements(
  before: ClusterSnapshot,
  request: PlacementRequest,
  placements: readonly { readonly instanceId: string }[],
  visit: (step: ReplayStep) => void,
): ModelCluster {
  const model = new ModelCluster(before);
  const resolved = modelRequest(request);
  placements.forEach(({ instanceId }, step) => {
    const chosen = model.instance(instanceId);
    visit({ step, model, request: resolved, candidates: model.candidates(resolved), instanceId, chosen });
    // The engine's choice is applied even when it was wrong, so later steps see the real state.
    if (chosen !== undefined) model.place(chosen, resolved);
  });
  return model;
}
