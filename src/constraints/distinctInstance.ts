/**
 * distinctInstance: no two tasks of the group on one instance.
 *
 * @module
 */
import type { Rejection } from '../model/Rejection';
import type { Constraint } from './Constraint';

/** The last rejection made, reused while the group stays the same: engines check many instances in a row. */
let last: Rejection & { readonly code: 'distinct_instance' } = { code: 'distinct_instance', group: '' };

const DISTINCT_INSTANCE: Constraint = Object.freeze({
  name: 'distinctInstance',
  dependsOn: 'instance',
  check: (instance, { group }) => {
    if ((instance.taskGroups.get(group) ?? 0) === 0) return undefined;
    if (last.group !== group) last = Object.freeze({ code: 'distinct_instance', group });
    return last;
  },
} satisfies Constraint);

/**
 * A distinctInstance constraint. It counts every task of the group whose
 * desired status is RUNNING, including those placed earlier in the same
 * request.
 *
 * @returns a constraint that rejects instances already running a task of the
 *   group (always the same frozen value)
 */
export function distinctInstance(): Constraint {
  return DISTINCT_INSTANCE;
}
