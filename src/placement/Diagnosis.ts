/**
 * The diagnosis: every instance counted by the first check that rejected it,
 * and the one-line summary people read.
 *
 * @module
 */
import type { CheckOutcome } from './checkInstance';
import { describeRejection } from './describeRejection';
import { ecsReason, isResolvable, type RejectionCode } from '../model/Rejection';

/**
 * Instances that failed at the same check, for the same cause.
 *
 * @category Results
 */
export interface DiagnosisEntry {
  /** The kind of rejection. */
  readonly code: RejectionCode;
  /** The ECS failure reason, such as `RESOURCE:MEMORY`. */
  readonly reason: string;
  /** The phrase after the count, such as `have insufficient memory`. */
  readonly description: string;
  /** How many instances. */
  readonly count: number;
  /** Whether freeing capacity on those instances could let the task in. */
  readonly resolvable: boolean;
}

/**
 * Why no instance (or how many instances) could take a task.
 *
 * @example
 * `0/1000 instances are available: 620 have insufficient memory, 300 did not match memberOf(attribute:ecs.instance-type =~ g4dn.*), 80 are DRAINING.`
 *
 * @category Results
 */
export interface Diagnosis {
  /** Instances considered: every registered instance. */
  readonly instances: number;
  /** Instances that could take the task. */
  readonly available: number;
  /** The rejected instances, grouped; most first, then by description. */
  readonly rejected: readonly DiagnosisEntry[];
  /** The one-line summary. */
  readonly summary: string;
}

/**
 * Counts instances by the first check that rejected them.
 *
 * @param outcomes - the check outcome of every instance
 * @returns the diagnosis, frozen all the way down
 */
export function diagnose(outcomes: readonly CheckOutcome[]): Diagnosis {
  const groups = new Map<string, { entry: Omit<DiagnosisEntry, 'count' | 'description'>; count: number; one: string; many: string }>();
  let available = 0;
  for (const { rejection } of outcomes) {
    if (rejection === undefined) {
      available += 1;
      continue;
    }
    const many = describeRejection(rejection, true);
    const group = groups.get(many);
    if (group !== undefined) group.count += 1;
    else {
      const entry = { code: rejection.code, reason: ecsReason(rejection), resolvable: isResolvable(rejection) };
      groups.set(many, { entry, count: 1, one: describeRejection(rejection, false), many });
    }
  }
  const rejected = [...groups.values()]
    .map(({ entry, count, one, many }) => Object.freeze({ ...entry, description: count === 1 ? one : many, count }))
    .sort((a, b) => b.count - a.count || (a.description < b.description ? -1 : a.description > b.description ? 1 : 0));
  // Frozen: every failed task of a request carries this one diagnosis, so no caller may change another's.
  return Object.freeze({ instances: outcomes.length, available, rejected: Object.freeze(rejected), summary: summarize(outcomes.length, available, rejected) });
}

function summarize(instances: number, available: number, rejected: readonly DiagnosisEntry[]): string {
  const head = `${available}/${instances} instances are available`;
  if (instances === 0) return `${head}: the cluster has no instances.`;
  if (rejected.length === 0) return `${head}.`;
  return `${head}: ${rejected.map((entry) => `${entry.count} ${entry.description}`).join(', ')}.`;
}
