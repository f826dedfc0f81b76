/**
 * The state after a placement against the state before: the project's own
 * law on top of the public checker, for the engines' tests.
 */
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { PlacementResult } from '../../src/placement/PlacementResult';
import { checkSnapshot } from '../../src/arbitraries/check/checkSnapshot';
import { otherViolation, type PlacementViolation } from '../../src/arbitraries/check/PlacementViolation';
import { canonical } from '../../src/arbitraries/check/rejectionWords';
import { modelRequest } from '../../src/arbitraries/model/modelRequest';

/**
 * Checks the state after a placement against the state before: the tasks
 * running are those from before and one per placement, each new task with
 * the request's group, family and revision, its non-zero resources and its static
 * ports; no instance changed but for what its tasks hold; and the state
 * keeps its books (see checkSnapshot). Both extra laws report as `bookkeeping`.
 */
export function checkAfter(before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult, after: ClusterSnapshot): PlacementViolation[] {
  const resolved = modelRequest(request);
  const expected = [
    ...before.tasks,
    ...result.placements.map(({ taskId, instanceId }) => ({
      taskId,
      instanceId,
      group: resolved.group,
      ...(request.task.family === undefined ? {} : { family: request.task.family }),
      ...(request.task.revision === undefined ? {} : { revision: request.task.revision }),
      resources: Object.fromEntries(resolved.task.resources),
      ports: { tcp: resolved.task.tcp, udp: resolved.task.udp },
    })),
  ];
  const violations = checkSnapshot(after).map((violation) => ({ ...violation, message: `after the request: ${violation.message}` }));
  const step = result.placements.length;
  if (canonical(after.tasks) !== canonical(expected)) {
    violations.push(otherViolation('bookkeeping', step, `the tasks after are ${canonical(after.tasks)}, expected ${canonical(expected)}`));
  }
  const registered = (snapshot: ClusterSnapshot): string =>
    canonical(snapshot.instances.map(({ remainingResources: _r, portsInUse: _p, runningTasksCount: _c, taskGroups: _g, ...rest }) => rest));
  if (registered(after) !== registered(before)) {
    violations.push(otherViolation('bookkeeping', step, `the instances changed beyond what their tasks hold: ${registered(after)}`));
  }
  return violations;
}
