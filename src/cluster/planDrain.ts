/**
 * Draining a container instance, planned as ECS documents it: the instance
 * takes no new task, and each service task on it is replaced elsewhere by
 * its service's pipeline, then stopped; standalone tasks stay.
 *
 * @module
 */
import type { ValidDrainRequest } from '../model/validation/validateDrainRequest';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { DrainPlan, MoveStep } from './DrainPlan';
import { DryRun } from './DryRun';
import { moveTasksOff, taskMover } from './moveTasksOff';

/**
 * Plans the drain of one instance, as a dry run on the cluster's state:
 * everything it starts, stops or drains is undone, and the generator
 * restored, before it returns.
 *
 * @param state - the cluster's state
 * @param engine - the engine that places on it
 * @param instance - the instance to drain, registered
 * @param valid - the request, validated
 * @returns the plan, frozen
 */
export function planDrain(state: ClusterState, engine: PlacementEngine, instance: InstanceRecord, valid: ValidDrainRequest): DrainPlan {
  const mover = taskMover(state, engine, valid.services, false);
  return DryRun.run(state, (run) => {
    const status = instance.status;
    run.drain(instance);
    const { starts, stops, left } = moveTasksOff(mover, run, instance);
    const steps: MoveStep[] = [Object.freeze({ action: 'drain', instanceId: instance.id, status }), ...starts, ...stops];
    return Object.freeze({
      instanceId: instance.id,
      complete: left.every((task) => task.why.code === 'standalone'),
      steps: Object.freeze(steps),
      moved: starts.length,
      left: Object.freeze([...left]),
      untrackedTasks: instance.untrackedTasks,
    });
  });
}
