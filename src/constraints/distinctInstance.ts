/**
 * distinctInstance: no two tasks of the group on one instance.
 *
 * @module
 */
import type { Rejection } from '../model/Rejection';
import type { Constraint } from './Constraint';

/** The last rejection made, reused while the group stays the same: engines check many instances in a row. */
let last: Rejection & { readonly code: 'distinct_instance' } = { code: 'distinct_instance', group: '' };

function rejectionFor(group: string): Rejection {
  if (last.group !== group) last = Object.freeze({ code: 'distinct_instance', group });
  return last;
}

const DISTINCT_INSTANCE: Constraint = Object.freeze({
  name: 'distinctInstance',
  dependsOn: 'instance',
  check: (instance, { group }) => ((instance.taskGroups.get(group) ?? 0) === 0 ? undefined : rejectionFor(group)),
} satisfies Constraint);

/** Constraints over more groups, by their list: requests alike share one, and with it what the engine learned. */
const withGroups = new WeakMap<readonly string[], Constraint>();

/**
 * A distinctInstance constraint. It counts every task of the group whose
 * desired status is RUNNING, including those placed earlier in the same
 * request, and with `groups`, every task of those groups too.
 *
 * @param groups - groups whose tasks count as the request's own (an extension beside ECS)
 * @returns a constraint that rejects instances already running a task of
 *   the group or of one of `groups` (ECS's alone is always the same frozen value)
 */
export function distinctInstance(groups: readonly string[] = []): Constraint {
  if (groups.length === 0) return DISTINCT_INSTANCE;
  let constraint = withGroups.get(groups);
  if (constraint === undefined) {
    constraint = Object.freeze({
      name: `distinctInstance(groups ${groups.join(' ')})`,
      dependsOn: 'instance',
      check: (instance, { group }) => {
        if ((instance.taskGroups.get(group) ?? 0) > 0) return rejectionFor(group);
        for (const other of groups) if ((instance.taskGroups.get(other) ?? 0) > 0) return rejectionFor(other);
        return undefined;
      },
    } satisfies Constraint);
    withGroups.set(groups, constraint);
  }
  return constraint;
}
