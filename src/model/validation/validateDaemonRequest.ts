/**
 * A task and the options of a daemon placement.
 *
 * @module
 */
import type { ValidRequest } from '../ValidRequest';
import { readObject, unreadableInput } from './fields';
import { readTaskOptions } from './readTaskOptions';
import { validateTaskSpec } from './validateTaskSpec';

const KEYS = ['service', 'group', 'placementConstraints'] as const;

/**
 * Validates `placeDaemon`'s task and options into the request of one of
 * the daemon's tasks.
 *
 * @remarks
 * Unlike a capacity question, the task may reserve nothing: a daemon is one
 * task an instance whatever it reserves.
 *
 * @param task - the untrusted task spec
 * @param options - the untrusted options (undefined for none)
 * @returns one task's request, with no strategies (a daemon chooses no
 *   instance: it takes every one it can) and the task definition's memberOf
 *   constraints first, then the options'
 * @throws {@link PlacementInputError} as `place` does for the task (at
 *   `task`) and the constraints (at `options.placementConstraints`;
 *   distinctInstance is allowed, and implied), `conflicting_group` for both
 *   a service and a group, and `unknown_field` for any other option
 */
export function validateDaemonRequest(task: unknown, options: unknown): ValidRequest {
  const { task: requirements, memberOf } = validateTaskSpec(task, 'task');
  try {
    return readTaskOptions(readObject(options ?? {}, 'options', KEYS), requirements, memberOf);
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}
