/**
 * The placement loop both engines share.
 *
 * @module
 */
import type { ClusterState } from '../state/ClusterState';
import { InstanceRecord } from '../state/InstanceRecord';
import type { PlacementPlan } from './planPlacement';
import type { Placement, PlacementFailure, PlacementResult } from './PlacementResult';

/**
 * Starts each task of a request on the instance `next` gives, updating the
 * state after each. When one task cannot be placed, neither can the rest
 * (nothing has changed), so each of them gets the same failure.
 *
 * @param state - the cluster
 * @param request - a validated request
 * @param next - the instance for the next task, or the failure when no instance can take it
 */
export function placeEach(state: ClusterState, request: PlacementPlan, next: () => InstanceRecord | PlacementFailure): PlacementResult {
  const placements: Placement[] = [];
  for (let placed = 0; placed < request.count; placed += 1) {
    const chosen = next();
    if (!(chosen instanceof InstanceRecord)) {
      return { placements, failures: new Array<PlacementFailure>(request.count - placed).fill(chosen) };
    }
    const task = state.startTask(chosen, request.task, request.group);
    placements.push({ taskId: task.taskId, instanceId: chosen.id });
  }
  return { placements, failures: [] };
}
