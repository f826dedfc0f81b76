/**
 * Consolidation: which instances can be emptied by moving their tasks to the
 * others, found by a greedy search, each instance emptied as a drain would
 * empty it under stricter rules.
 *
 * @module
 */
import type { ValidConsolidationRequest } from '../model/validation/validateConsolidationRequest';
import type { PlacementEngine } from '../placement/PlacementEngine';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { ConsolidationPlan, InstanceNotFreed, NotFreedReason } from './ConsolidationPlan';
import type { MoveStep } from './DrainPlan';
import { DryRun } from './DryRun';
import { moveTasksOff, taskMover, type Moves, type TaskMover } from './moveTasksOff';

/**
 * Plans a consolidation, as a dry run on the cluster's state: everything it
 * starts, stops or drains is undone, and the generator restored, before it
 * returns.
 *
 * @remarks
 * Finding the fewest moves that empty the most instances is NP-hard (bin
 * packing is a special case), so this is a greedy heuristic. The ACTIVE
 * instances with tracked tasks only, not kept, are tried in order of fewest
 * tasks, then least memory reserved, then least cpu reserved, then latest
 * registered. One is emptied only if every task on it moves (see
 * {@link moveTasksOff} for the rules); its moves are then kept, and the
 * instances that received them are not emptied later (their tasks would move
 * twice). The search stops taking instances once the next one's tasks would
 * pass `maxMoves`. Costs one placement per task tried.
 *
 * @param state - the cluster's state
 * @param engine - the engine that places on it
 * @param valid - the request, validated, its `keep` ids registered
 * @returns the plan, frozen
 */
export function planConsolidation(state: ClusterState, engine: PlacementEngine, valid: ValidConsolidationRequest): ConsolidationPlan {
  const mover = taskMover(state, engine, valid.services, true);
  const before = state.instances().filter(busy).length;
  return DryRun.run(state, (run) => {
    const notFreed: InstanceNotFreed[] = [];
    const candidates: InstanceRecord[] = [];
    for (const instance of state.instances()) {
      if (!busy(instance)) continue;
      const why = ruledOut(instance, valid);
      if (why === undefined) candidates.push(instance);
      else notFreed.push(Object.freeze({ instanceId: instance.id, why: Object.freeze(why) }));
    }
    candidates.sort(emptiestFirst);
    const progress: Progress = { steps: [], freed: [], receivers: new Set(), moves: 0 };
    for (const instance of candidates) {
      const why = tryToEmpty(mover, run, progress, instance, valid.maxMoves);
      if (why !== undefined) notFreed.push(Object.freeze({ instanceId: instance.id, why: Object.freeze(why) }));
    }
    return Object.freeze({
      steps: Object.freeze(progress.steps),
      moves: progress.moves,
      instancesFreed: Object.freeze(progress.freed),
      instancesWithTasks: Object.freeze({ before, after: state.instances().filter(busy).length }),
      notFreed: Object.freeze(notFreed),
    });
  });
}

/** What the plan has done so far. */
interface Progress {
  readonly steps: MoveStep[];
  readonly freed: string[];
  /** Instances that received moved tasks: emptying them would move those tasks twice. */
  readonly receivers: Set<string>;
  moves: number;
}

function busy(instance: InstanceRecord): boolean {
  return instance.runningTasksCount > 0;
}

/**
 * Empties one instance, or says why not: all of its tasks move, each
 * through its group's pipeline, or none does (the attempt is undone, the
 * draws from the generator too).
 */
function tryToEmpty(mover: TaskMover, run: DryRun, progress: Progress, instance: InstanceRecord, maxMoves: number): NotFreedReason | undefined {
  if (progress.receivers.has(instance.id)) return { code: 'received_tasks' };
  const tasks = instance.runningTasksCount;
  if (progress.moves + tasks > maxMoves) return { code: 'max_moves', tasks, movesLeft: maxMoves - progress.moves };
  for (let task = instance.firstTask; task !== undefined; task = task.nextOnInstance) {
    // Known without placing anything, so no attempt is made.
    if (!mover.groups.has(task.group)) return { code: 'task_left', task: Object.freeze({ taskId: task.taskId, group: task.group, why: Object.freeze({ code: 'undescribed' as const }) }) };
  }
  const status = instance.status;
  const attempt = mover.state.tentatively((): Moves => {
    run.drain(instance);
    return moveTasksOff(mover, run, instance);
  }, (result) => result.left.length === 0);
  const stuck = attempt.left[0];
  if (stuck !== undefined) {
    run.undrain(instance);
    return { code: 'task_left', task: stuck };
  }
  progress.steps.push(Object.freeze({ action: 'drain', instanceId: instance.id, status }), ...attempt.starts, ...attempt.stops);
  for (const start of attempt.starts) progress.receivers.add(start.instanceId);
  progress.freed.push(instance.id);
  progress.moves += attempt.starts.length;
  return undefined;
}

/** Why an instance with tasks is not tried at all, if it is not. */
function ruledOut(instance: InstanceRecord, valid: ValidConsolidationRequest): NotFreedReason | undefined {
  if (valid.keep.has(instance.id)) return { code: 'keep' };
  if (instance.status !== 'ACTIVE') return { code: 'not_active', status: instance.status };
  if (instance.untrackedTasks > 0) return { code: 'untracked_tasks', count: instance.untrackedTasks };
  return undefined;
}

/** Fewest tasks, then least memory reserved, then least cpu reserved, then latest registered. */
function emptiestFirst(a: InstanceRecord, b: InstanceRecord): number {
  return a.runningTasksCount - b.runningTasksCount
    || reserved(a, 'memory') - reserved(b, 'memory')
    || reserved(a, 'cpu') - reserved(b, 'cpu')
    || b.registrationOrder - a.registrationOrder;
}

function reserved(instance: InstanceRecord, resource: string): number {
  return (instance.registeredResources[resource] ?? 0) - (instance.remainingResources[resource] ?? 0);
}
