/**
 * The laws of a failed task: no instance could take it, its reason is the
 * closest matching instance's, and its diagnosis counts every instance once.
 *
 * @module
 */
import type { PlacementFailure } from '../../placement/PlacementResult';
import type { Rejection } from '../../model/Rejection';
import type { ModelOutcome } from '../model/ModelCluster';
import type { ModelInstance } from '../model/ModelInstance';
import { otherViolation, type PlacementViolation } from './PlacementViolation';
import { canonical, expectedReason, expectedResolvable, explainRejection } from './rejectionWords';

/** ECS's words for a cluster without instances. */
const NO_INSTANCES = 'No Container Instances were found in your cluster.';

/** The ids of instances, for messages. */
export function ids(instances: readonly ModelInstance[]): string {
  return instances.length === 0 ? 'none' : instances.map((instance) => instance.id).join(', ');
}

/** Checks one failure against every instance's outcome on the model's state after the placements. */
export function checkFailure(outcomes: readonly ModelOutcome[], failure: PlacementFailure, step: number): PlacementViolation[] {
  const feasible = outcomes.filter((outcome) => outcome.rejection === undefined).map((outcome) => outcome.instance);
  // With an instance that could take the task there is no closest match to compare with.
  if (feasible.length > 0) {
    return [otherViolation('avoidableFailure', step, `failed with ${failure.reason}, but ${ids(feasible)} could take the task`, feasible.map((instance) => instance.id))];
  }
  return [...checkReason(outcomes, failure, step), ...checkDiagnosis(outcomes, failure, step)];
}

/** The closest matching instance passed the most checks; on a tie, the earliest registered. */
function closestOf(outcomes: readonly ModelOutcome[]): ModelOutcome | undefined {
  let closest: ModelOutcome | undefined;
  for (const outcome of outcomes) if (closest === undefined || outcome.passed > closest.passed) closest = outcome;
  return closest;
}

/**
 * Checks a failure's reason and instance against the closest matching of
 * the outcomes given: ECS's words for no instance at all when there is none.
 */
export function checkReason(outcomes: readonly ModelOutcome[], failure: PlacementFailure, step: number): PlacementViolation[] {
  const named = failure.instanceId === undefined ? [] : [failure.instanceId];
  const closest = closestOf(outcomes);
  if (closest === undefined) {
    if (failure.reason === NO_INSTANCES && failure.instanceId === undefined) return [];
    return [otherViolation('failureReason', step, `the cluster has no instances, yet the failure names ${failure.instanceId ?? 'no instance'} with ${failure.reason}`, named)];
  }
  const violations: PlacementViolation[] = [];
  const { id } = closest.instance;
  const passedBy = (instanceId: string | undefined): string => String(outcomes.find((outcome) => outcome.instance.id === instanceId)?.passed ?? 'no');
  if (failure.instanceId !== id) {
    const message = `names ${failure.instanceId ?? 'no instance'} (${passedBy(failure.instanceId)} checks passed), but ${id} passed ${closest.passed} and is the earliest registered to do so`;
    violations.push(otherViolation('closestInstance', step, message, [id, ...named]));
  }
  const rejection = closest.rejection as Rejection;
  if (failure.reason !== expectedReason(rejection) || canonical(failure.rejection) !== canonical(rejection)) {
    const message = `gives ${failure.reason} ${canonical(failure.rejection)}, but ${id} ${explainRejection(rejection)}: ${expectedReason(rejection)} ${canonical(rejection)}`;
    violations.push(otherViolation('failureReason', step, message, [id]));
  }
  return violations;
}

/** Checks that a failure's diagnosis counts every instance by its first failed check, none available. */
export function checkDiagnosis(outcomes: readonly ModelOutcome[], failure: PlacementFailure, step: number): PlacementViolation[] {
  const { diagnosis } = failure;
  const violations: PlacementViolation[] = [];
  const counted = diagnosis.rejected.reduce((sum, entry) => sum + entry.count, 0) + diagnosis.available;
  if (diagnosis.instances !== outcomes.length || counted !== outcomes.length || diagnosis.available !== 0) {
    const message = `counts ${diagnosis.instances} instances, ${diagnosis.available} available and ${counted - diagnosis.available} rejected, for ${outcomes.length} instances none of which is available`;
    violations.push(otherViolation('diagnosis', step, message));
  }
  const expected = tally(outcomes.map((outcome) => outcome.rejection as Rejection));
  const reported = new Map<string, number>();
  for (const entry of diagnosis.rejected) {
    const key = `${entry.code} ${entry.reason} ${entry.resolvable ? 'resolvable' : 'final'}`;
    reported.set(key, (reported.get(key) ?? 0) + entry.count);
  }
  if (describeTally(reported) !== describeTally(expected)) {
    violations.push(otherViolation('diagnosis', step, `counts ${describeTally(reported)}, but the instances' first failed checks are ${describeTally(expected)}`));
  }
  return violations;
}

/** Counts rejections by kind, ECS reason and whether freeing capacity could help. */
function tally(rejections: readonly Rejection[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rejection of rejections) {
    const key = `${rejection.code} ${expectedReason(rejection)} ${expectedResolvable(rejection) ? 'resolvable' : 'final'}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function describeTally(counts: ReadonlyMap<string, number>): string {
  const entries = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, count]) => `${count} ${key}`);
  return entries.length === 0 ? 'none' : entries.join(', ');
}
