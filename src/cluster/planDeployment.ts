/**
 * ECS's rolling update, planned round by round: start new tasks up to the
 * upper limit, then stop old ones down to the lower limit, until the service
 * runs its desired count of new tasks.
 *
 * @module
 */
import type { DeploymentRequest } from '../model/DeploymentRequest';
import { PlacementInputError } from '../model/PlacementInputError';
import type { PlacementRequest } from '../model/PlacementRequest';
import type { Strategy } from '../model/Strategy';
import type { ValidDeploymentRequest } from '../model/validation/validateDeploymentRequest';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { PlacementFailure } from '../placement/PlacementResult';
import { planPlacement } from '../placement/planPlacement';
import type { SeededRandom } from '../random/SeededRandom';
import type { ClusterState } from '../state/ClusterState';
import type { TaskRecord } from '../state/TaskRecord';
import { chooseTasksToStop, serviceStopChain } from './chooseTasksToStop';
import type { DeploymentBlock, DeploymentPlan, DeploymentRound, DeploymentStep } from './DeploymentPlan';

/**
 * Plans a rolling deployment as a dry run on the cluster's state: the tasks
 * it starts and stops along the way are undone, and the generator restored,
 * before it returns.
 *
 * @param state - the cluster's state
 * @param engine - the engine that places on it
 * @param request - the request as the caller gave it (the starts' request is built from it)
 * @param valid - the same request, validated
 * @returns the plan, frozen
 * @throws {@link PlacementInputError} `unknown_task` for an id of `from` or
 *   `protectedTasks` that is not a running task (of the service, for
 *   `from`), and what a caller's strategy throws
 */
export function planDeployment(
  state: ClusterState, engine: PlacementEngine, request: DeploymentRequest, valid: ValidDeploymentRequest,
): DeploymentPlan {
  const group = `service:${valid.service}`;
  const old = oldTasks(state, group, valid);
  for (const [taskId, path] of valid.protectedTasks) {
    if (state.task(taskId) === undefined) throw new PlacementInputError('unknown_task', path, `No running task has id ${taskId}.`);
  }
  let outside = 0;
  for (const task of state.tasks()) if (task.group === group) outside += 1;
  outside -= old.length;
  const { desiredCount, minimumHealthyPercent, maximumPercent } = valid;
  // Percentages are whole numbers, so these products are exact below 2^53, and beyond it the limit is far above any count.
  const lowerLimit = Math.ceil((desiredCount * minimumHealthyPercent) / 100);
  const upperLimit = Math.floor((desiredCount * maximumPercent) / 100);
  const deployment: Deployment = {
    old, newTasks: 0, desiredCount, lowerLimit, upperLimit, group,
    protectedTasks: new Set(valid.protectedTasks.keys()),
    stopChain: serviceStopChain(valid.to.strategies),
    // Choosing a task to stop must not move the generator the starts draw from, or applying the steps would place elsewhere.
    stopRandom: state.random.clone(),
  };
  const before = old.length;
  const { steps, rounds, blocked } = state.dryRun(() => run(state, engine, startRequest(request), deployment));
  const plan = {
    service: valid.service,
    status: blocked === undefined ? 'complete' as const : 'blocked' as const,
    desiredCount, minimumHealthyPercent, maximumPercent, lowerLimit, upperLimit,
    oldTasks: before, outside,
    steps: Object.freeze(steps), rounds: Object.freeze(rounds),
    after: Object.freeze({ oldTasks: deployment.old.length, newTasks: deployment.newTasks }),
  };
  return Object.freeze(blocked === undefined ? plan : { ...plan, blocked });
}

/** The deployment as the plan works on it. */
interface Deployment {
  /** The old deployment's tasks still running, in placement order. */
  old: TaskRecord[];
  newTasks: number;
  readonly desiredCount: number;
  readonly lowerLimit: number;
  readonly upperLimit: number;
  readonly group: string;
  readonly protectedTasks: ReadonlySet<string>;
  readonly stopChain: readonly Strategy[];
  readonly stopRandom: SeededRandom;
}

/** The old deployment's tasks, in placement order: those of `from`, else every running task of the service. */
function oldTasks(state: ClusterState, group: string, valid: ValidDeploymentRequest): TaskRecord[] {
  const { from } = valid;
  if (from === undefined) return [...state.tasks()].filter((task) => task.group === group);
  const chosen = new Set<TaskRecord>();
  for (const [taskId, path] of from) {
    const task = state.task(taskId);
    if (task === undefined) throw new PlacementInputError('unknown_task', path, `No running task has id ${taskId}.`);
    if (task.group !== group) {
      throw new PlacementInputError('unknown_task', path, `Task ${taskId} is not a task of service ${valid.service}: its group is ${task.group}, not ${group}.`);
    }
    chosen.add(task);
  }
  // The chooser of stops reads placement order (ties go to the newest), whatever order `from` gave.
  return [...state.tasks()].filter((task) => chosen.has(task));
}

/** The new revision as a request of one task of the service, frozen: every start shares it. */
function startRequest(request: DeploymentRequest): PlacementRequest {
  const { service, to: { task, placementStrategy, placementConstraints } } = request;
  return Object.freeze({
    service, task, count: 1,
    ...(placementStrategy === undefined ? {} : { placementStrategy }),
    ...(placementConstraints === undefined ? {} : { placementConstraints }),
  });
}

/**
 * Rounds until the service runs its desired count of new tasks and no old
 * one, or until a round can make no step. Each round starts new tasks while
 * the running ones stay within the upper limit, each placed by the pipeline
 * on the state as the steps before left it; then, the new tasks running and
 * healthy, it stops old tasks while the healthy ones stay within the lower
 * limit, each the one a scale-in of the service would stop among the old
 * tasks.
 */
function run(
  state: ClusterState, engine: PlacementEngine, request: PlacementRequest, deployment: Deployment,
): { steps: DeploymentStep[]; rounds: DeploymentRound[]; blocked: DeploymentBlock | undefined } {
  const plan = planPlacement(validatePlacementRequest(request));
  const steps: DeploymentStep[] = [];
  const rounds: DeploymentRound[] = [];
  for (let round = 1; deployment.old.length > 0 || deployment.newTasks < deployment.desiredCount; round += 1) {
    let started = 0;
    let failure: PlacementFailure | undefined;
    while (deployment.newTasks < deployment.desiredCount && deployment.old.length + deployment.newTasks < deployment.upperLimit) {
      const result = engine.place(plan);
      const placement = result.placements[0];
      if (placement === undefined) {
        failure = result.failures[0];
        break;
      }
      deployment.newTasks += 1;
      started += 1;
      steps.push(Object.freeze({ action: 'start', round, instanceId: placement.instanceId, taskId: placement.taskId, request }));
    }
    const running = deployment.old.length + deployment.newTasks;
    const stoppable = deployment.old.filter((task) => !deployment.protectedTasks.has(task.taskId)).length;
    const count = Math.min(stoppable, running - deployment.lowerLimit);
    const stopped = count > 0 ? stop(state, deployment, count, round, steps) : 0;
    if (started === 0 && stopped === 0) return { steps, rounds, blocked: blockedBy(deployment, failure, stoppable) };
    rounds.push(Object.freeze({ round, started, stopped, running, healthy: running - stopped, oldTasks: deployment.old.length, newTasks: deployment.newTasks }));
  }
  return { steps, rounds, blocked: undefined };
}

/** Stops `count` old tasks, chosen as a scale-in of the service would choose them among the old ones. */
function stop(state: ClusterState, deployment: Deployment, count: number, round: number, steps: DeploymentStep[]): number {
  const choice = chooseTasksToStop({ group: deployment.group, count, strategies: deployment.stopChain, tasks: deployment.old, protectedTasks: deployment.protectedTasks }, deployment.stopRandom);
  const chosen = new Set<string>();
  for (const { taskId, instanceId } of choice.tasks) {
    const task = state.task(taskId);
    // The chooser picks among the old tasks, which run until this loop stops them.
    if (task === undefined) continue;
    state.stopTask(task);
    chosen.add(taskId);
    steps.push(Object.freeze({ action: 'stop', round, instanceId, taskId }));
  }
  deployment.old = deployment.old.filter((task) => !chosen.has(task.taskId));
  return chosen.size;
}

/**
 * Why a round could make no step: a start that found no room, else old
 * tasks that only protection keeps, else the limits themselves.
 */
function blockedBy(deployment: Deployment, failure: PlacementFailure | undefined, stoppable: number): DeploymentBlock {
  if (failure !== undefined) {
    const { reason, instanceId, rejection } = failure;
    return Object.freeze({
      code: 'no_room', missing: deployment.desiredCount - deployment.newTasks, reason,
      ...(instanceId === undefined ? {} : { instanceId }),
      ...(rejection === undefined ? {} : { rejection }),
    });
  }
  if (stoppable === 0 && deployment.old.length > 0) {
    return Object.freeze({ code: 'protected_tasks', tasks: Object.freeze(deployment.old.map((task) => task.taskId)) });
  }
  const running = deployment.old.length + deployment.newTasks;
  return Object.freeze({ code: 'limits', running, upperLimit: deployment.upperLimit, healthy: running, lowerLimit: deployment.lowerLimit });
}
