/**
 * Daemon placement: one task of a group on every instance that can take
 * one, as ECS's DAEMON scheduling strategy runs a service.
 *
 * The instances are taken in registration order. One that already runs a
 * task of the group is left as it is. Every other one is checked by the
 * placement pipeline (status and agent, required attributes, resources,
 * ports and the port limit, the constraints) as the cluster stands at that
 * moment, and, when it passes, gets a task at once, before the next
 * instance is checked. No strategy ranks anything and the generator is not
 * drawn from: the daemon takes every instance it can, so there is nothing
 * to choose.
 *
 * A task changes only its own instance, and ECS's constraints read only the
 * instance they check, so one pass is enough for them. A constraint that
 * reads the group's tasks on other instances (spreadLimit, atMost over an
 * attribute) is checked with a census of the cluster taken as it stands
 * before each check (retaken only after a task starts), and may let in an
 * instance it refused earlier in the pass once later instances have their
 * task; so with such a constraint, while a pass places a task, the
 * instances it skipped are checked again, in registration order, until a
 * pass places none. Then every instance either runs a task of the group or
 * fails a check on the cluster as it is, so placing the daemon again
 * places nothing. A pass costs one check an instance, and with such a
 * constraint one census (a pass over the fleet) per task started.
 *
 * @module
 */
import { ecsReason, isResolvable } from '../model/Rejection';
import { checkInstance } from '../placement/checkInstance';
import type { PlacementPlan } from '../placement/planPlacement';
import { withCensus } from '../placement/withCensus';
import type { Placement } from '../placement/PlacementResult';
import type { ClusterState } from '../state/ClusterState';
import type { InstanceRecord } from '../state/InstanceRecord';
import type { DaemonPlacementResult, DaemonSkip } from './DaemonPlacementResult';

/**
 * Places a daemon: a task on every instance that runs none of its group and
 * passes the checks, in registration order, each started before the next
 * instance is checked.
 *
 * @param state - the cluster
 * @param plan - the plan of one of the daemon's tasks
 * @returns the tasks started, the instances that ran one already, and why each other instance got none
 */
export function placeDaemon(state: ClusterState, plan: PlacementPlan): DaemonPlacementResult {
  const placements: Placement[] = [];
  const alreadyRunning: string[] = [];
  let waiting: InstanceRecord[] = [];
  for (const record of state.instances()) {
    if ((record.taskGroups.get(plan.group) ?? 0) > 0) alreadyRunning.push(record.id);
    else waiting.push(record);
  }
  // Only a constraint that reads other instances can let in an instance a pass refused.
  const readsOthers = plan.constraints.some(({ dependsOn }) => dependsOn !== 'attributes' && dependsOn !== 'instance');
  let skipped: DaemonSkip[];
  let placed: boolean;
  do {
    placed = false;
    const refused: InstanceRecord[] = [];
    skipped = [];
    // The plan with the census of its domain constraints as the cluster stands: the plan itself when it has none.
    let checks: PlacementPlan | undefined;
    for (const record of waiting) {
      checks ??= withCensus(plan, state.instances());
      const { rejection } = checkInstance(record, checks);
      if (rejection === undefined) {
        const task = state.startTask(record, plan.task, plan.group);
        placements.push({ taskId: task.taskId, instanceId: record.id });
        placed = true;
        if (checks !== plan) checks = undefined;
      } else {
        refused.push(record);
        skipped.push({ instanceId: record.id, rejection, reason: ecsReason(rejection), resolvable: isResolvable(rejection) });
      }
    }
    waiting = refused;
  } while (readsOthers && placed && waiting.length > 0);
  return { group: plan.group, placements, alreadyRunning, skipped };
}
