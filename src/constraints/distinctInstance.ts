/**
 * distinctInstance: no two tasks of the group on one instance.
 *
 * @module
 */
import type { Constraint } from './Constraint';

/**
 * A distinctInstance constraint. It counts every task of the group whose
 * desired status is RUNNING, including those placed earlier in the same
 * request.
 *
 * @returns a constraint that rejects instances already running a task of the group
 */
export function distinctInstance(): Constraint {
  return {
    name: 'distinctInstance',
    check: (instance, { group }) => ((instance.taskGroups.get(group) ?? 0) > 0 ? { code: 'distinct_instance', group } : undefined),
  };
}
