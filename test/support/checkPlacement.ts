/**
 * The placement checker: replays a result on the independent model and lists
 * every law of design §2 it breaks.
 */
import type { ClusterSnapshot } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { PlacementFailure, PlacementResult } from '../../src/placement/PlacementResult';
import type { Rejection } from '../../src/placement/Rejection';
import { checkSnapshot } from './checkSnapshot';
import {
  modelRequest,
  replayPlacements,
  strategyName,
  type ModelCluster,
  type ModelInstance,
  type ModelOutcome,
  type ModelRequest,
  type ReplayStep,
} from './placementModel';
import type { Violation } from './Violation';

export { formatViolations, type Violation } from './Violation';

/** ECS's words for a cluster without instances. */
export const NO_INSTANCES = 'No Container Instances were found in your cluster.';

/**
 * Checks that `result` is what placing `request` on the cluster `before`
 * must give.
 *
 * @remarks
 * For each placement in order: the instance could take the task (eligible,
 * attributes, resources, ports, constraints), it was among the best under
 * each strategy of the chain, and it was the earliest registered of those
 * left. The chain is checked up to its first `random` or custom Strategy
 * object: a random choice may be any candidate left by then, and a custom
 * strategy is opaque to the checker, so neither it, nor what follows it, nor
 * the final tie is checked. Then, for the failures: no instance could take
 * the task, the reason and rejection are those of the closest matching
 * instance, the diagnosis counts every instance by its first failed check,
 * and placements and failures add up to the request's count.
 *
 * @param before - `cluster.snapshot()` just before `cluster.place(request)`
 * @param request - the request, as valid input
 * @param result - what `place` returned
 * @returns the broken laws, empty when the result is right
 */
export function checkPlacement(before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult): Violation[] {
  const violations: Violation[] = [...checkSnapshot(before)];
  const model = replayPlacements(before, request, result.placements, (step) => violations.push(...checkStep(step)));
  violations.push(...checkTaskIds(before, result));
  const resolved = modelRequest(request);
  const placed = result.placements.length;
  if (placed + result.failures.length !== resolved.count) {
    violations.push({ law: 'count', step: placed, detail: `${placed} placements and ${result.failures.length} failures for a request of ${resolved.count} tasks` });
  }
  // Nothing changes once a task fails, so every failure is decided on the state after the placements.
  result.failures.forEach((failure, index) => violations.push(...checkFailure(model, resolved, failure, placed + index)));
  return violations;
}

function checkTaskIds(before: ClusterSnapshot, result: PlacementResult): Violation[] {
  const used = new Set(before.tasks.map((task) => task.taskId));
  const violations: Violation[] = [];
  result.placements.forEach(({ taskId }, step) => {
    if (used.has(taskId)) violations.push({ law: 'taskIds', step, detail: `task id ${taskId} is already taken` });
    used.add(taskId);
  });
  return violations;
}

function checkStep({ step, model, request, candidates, instanceId, chosen }: ReplayStep): Violation[] {
  if (chosen === undefined) return [{ law: 'unknownInstance', step, detail: `placed on ${instanceId}, which is not registered` }];
  const { rejection } = model.check(chosen, request);
  if (rejection !== undefined) return [{ law: lawOf(rejection), step, detail: `placed on ${chosen.id}, which ${explainRejection(rejection)}` }];
  const narrowing = model.narrow(candidates, request.strategies, request.group);
  for (const { strategy, best, kept } of narrowing.stages) {
    if (!kept.includes(chosen) && (strategy.kind === 'binpack' || strategy.kind === 'spread')) {
      const key = model.key(strategy, chosen, request.group);
      return [{
        law: strategy.kind,
        step,
        detail: `placed on ${chosen.id} with ${strategyName(strategy)} key ${key}, but ${ids(kept)} had key ${best} (group ${request.group}; candidates ${ids(candidates)})`,
      }];
    }
  }
  const earliest = narrowing.survivors[0];
  if (narrowing.stoppedAt === undefined && earliest !== undefined && earliest !== chosen) {
    return [{ law: 'finalTie', step, detail: `placed on ${chosen.id}, but ${earliest.id} tied with it and registered earlier (tied: ${ids(narrowing.survivors)})` }];
  }
  return [];
}

function checkFailure(model: ModelCluster, request: ModelRequest, failure: PlacementFailure, step: number): Violation[] {
  const outcomes = model.outcomes(request);
  const feasible = outcomes.filter((outcome) => outcome.rejection === undefined);
  // With an instance that could take the task there is no closest match to compare with.
  if (feasible.length > 0) {
    return [{ law: 'failure', step, detail: `failed with ${failure.reason}, but ${ids(feasible.map((outcome) => outcome.instance))} could take the task` }];
  }
  return [...checkReason(outcomes, failure, step), ...checkDiagnosis(outcomes, failure, step)];
}

/** The closest matching instance passed the most checks; on a tie, the earliest registered. */
function closestOf(outcomes: readonly ModelOutcome[]): ModelOutcome | undefined {
  let closest: ModelOutcome | undefined;
  for (const outcome of outcomes) if (closest === undefined || outcome.passed > closest.passed) closest = outcome;
  return closest;
}

function checkReason(outcomes: readonly ModelOutcome[], failure: PlacementFailure, step: number): Violation[] {
  const closest = closestOf(outcomes);
  if (closest === undefined) {
    return failure.reason === NO_INSTANCES && failure.instanceId === undefined
      ? []
      : [{ law: 'failureReason', step, detail: `the cluster has no instances, yet the failure names ${failure.instanceId ?? 'no instance'} with ${failure.reason}` }];
  }
  const violations: Violation[] = [];
  const passedBy = (id: string | undefined): string => String(outcomes.find((outcome) => outcome.instance.id === id)?.passed ?? 'no');
  if (failure.instanceId !== closest.instance.id) {
    violations.push({
      law: 'closestInstance',
      step,
      detail: `names ${failure.instanceId ?? 'no instance'} (${passedBy(failure.instanceId)} checks passed), but ${closest.instance.id} passed ${closest.passed} and is the earliest registered to do so`,
    });
  }
  const rejection = closest.rejection as Rejection;
  if (failure.reason !== ecsReason(rejection) || canonical(failure.rejection) !== canonical(rejection)) {
    violations.push({
      law: 'failureReason',
      step,
      detail: `gives ${failure.reason} ${canonical(failure.rejection)}, but ${closest.instance.id} ${explainRejection(rejection)}: ${ecsReason(rejection)} ${canonical(rejection)}`,
    });
  }
  return violations;
}

function checkDiagnosis(outcomes: readonly ModelOutcome[], failure: PlacementFailure, step: number): Violation[] {
  const { diagnosis } = failure;
  const violations: Violation[] = [];
  const counted = diagnosis.rejected.reduce((sum, entry) => sum + entry.count, 0) + diagnosis.available;
  if (diagnosis.instances !== outcomes.length || counted !== outcomes.length || diagnosis.available !== 0) {
    violations.push({
      law: 'diagnosis',
      step,
      detail: `counts ${diagnosis.instances} instances, ${diagnosis.available} available and ${counted - diagnosis.available} rejected, for ${outcomes.length} instances none of which is available`,
    });
  }
  const expected = tally(outcomes.map((outcome) => outcome.rejection as Rejection));
  const reported = new Map<string, number>();
  for (const entry of diagnosis.rejected) {
    const key = `${entry.code} ${entry.reason} ${entry.resolvable ? 'resolvable' : 'final'}`;
    reported.set(key, (reported.get(key) ?? 0) + entry.count);
  }
  if (describeTally(reported) !== describeTally(expected)) {
    violations.push({ law: 'diagnosis', step, detail: `counts ${describeTally(reported)}, but the instances' first failed checks are ${describeTally(expected)}` });
  }
  return violations;
}

/** Counts rejections by kind, ECS reason and whether freeing capacity could help. */
function tally(rejections: readonly Rejection[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rejection of rejections) {
    const key = `${rejection.code} ${ecsReason(rejection)} ${resolvable(rejection) ? 'resolvable' : 'final'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function describeTally(counts: ReadonlyMap<string, number>): string {
  const entries = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => `${count} ${key}`);
  return entries.length === 0 ? 'none' : entries.join(', ');
}

/** Stopping tasks could help only an exhausted resource or a port a task holds. */
export function resolvable(rejection: Rejection): boolean {
  return rejection.code === 'insufficient_resource' || (rejection.code === 'port_in_use' && !rejection.reserved);
}

/** The failure reason ECS gives for a rejection. */
export function ecsReason(rejection: Rejection): string {
  switch (rejection.code) {
    case 'not_active':
    case 'agent_disconnected':
      return 'AGENT';
    case 'missing_attribute':
      return 'ATTRIBUTE';
    case 'insufficient_resource':
      return `RESOURCE:${rejection.resource.toUpperCase()}`;
    case 'port_in_use':
      return rejection.protocol === 'tcp' ? 'RESOURCE:PORTS' : 'RESOURCE:PORTS_UDP';
    case 'member_of':
      return 'MemberOf placement constraint unsatisfied.';
    case 'distinct_instance':
      return 'DistinctInstance placement constraint unsatisfied.';
  }
}

/** The law a placement on an instance with this rejection breaks. */
function lawOf(rejection: Rejection): string {
  switch (rejection.code) {
    case 'not_active':
    case 'agent_disconnected':
      return 'eligibility';
    case 'missing_attribute':
      return 'requiredAttributes';
    case 'insufficient_resource':
      return 'resources';
    case 'port_in_use':
      return 'ports';
    case 'member_of':
      return 'memberOf';
    case 'distinct_instance':
      return 'distinctInstance';
  }
}

function explainRejection(rejection: Rejection): string {
  switch (rejection.code) {
    case 'not_active':
      return `is ${rejection.status}`;
    case 'agent_disconnected':
      return 'has a disconnected agent';
    case 'missing_attribute':
      return `lacks the attribute ${rejection.attribute}`;
    case 'insufficient_resource':
      return `has ${rejection.remaining} ${rejection.resource} left, but the task needs ${rejection.requested}`;
    case 'port_in_use':
      return `has ${rejection.protocol} port ${rejection.port} ${rejection.reserved ? 'reserved by the agent' : 'bound by a task'}`;
    case 'member_of':
      return `does not satisfy memberOf(${rejection.expression})`;
    case 'distinct_instance':
      return `already runs a task of ${rejection.group}`;
  }
}

function ids(instances: readonly ModelInstance[]): string {
  return instances.length === 0 ? 'none' : instances.map((instance) => instance.id).join(', ');
}

/** JSON with sorted keys, so that equal rejections print equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field !== null && typeof field === 'object' && !Array.isArray(field)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => (a < b ? -1 : 1)))
      : field) ?? 'none';
}

/**
 * Checks the state after a placement against the state before: the tasks
 * running are those from before and one per placement, each new task with
 * the request's group and family, its non-zero resources and its static
 * ports; no instance changed but for what its tasks hold; and the state
 * keeps its books (see {@link checkSnapshot}).
 *
 * @param before - `cluster.snapshot()` just before `cluster.place(request)`
 * @param request - the request
 * @param result - what `place` returned
 * @param after - `cluster.snapshot()` just after
 * @returns the broken laws
 */
export function checkAfter(before: ClusterSnapshot, request: PlacementRequest, result: PlacementResult, after: ClusterSnapshot): Violation[] {
  const resolved = modelRequest(request);
  const expected = [
    ...before.tasks,
    ...result.placements.map(({ taskId, instanceId }) => ({
      taskId,
      instanceId,
      group: resolved.group,
      ...(request.task.family === undefined ? {} : { family: request.task.family }),
      resources: Object.fromEntries(resolved.task.resources),
      ports: { tcp: resolved.task.tcp, udp: resolved.task.udp },
    })),
  ];
  const violations = checkSnapshot(after).map((violation) => ({ ...violation, detail: `after the request: ${violation.detail}` }));
  if (canonical(after.tasks) !== canonical(expected)) {
    violations.push({ law: 'startedTasks', step: result.placements.length, detail: `the tasks after are ${canonical(after.tasks)}, expected ${canonical(expected)}` });
  }
  const registered = (snapshot: ClusterSnapshot): string =>
    canonical(snapshot.instances.map(({ remainingResources: _r, portsInUse: _p, runningTasksCount: _c, taskGroups: _g, ...rest }) => rest));
  if (registered(after) !== registered(before)) {
    violations.push({ law: 'instancesChanged', step: result.placements.length, detail: `the instances changed beyond what their tasks hold: ${registered(after)}` });
  }
  return violations;
}
