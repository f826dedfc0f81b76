/**
 * A task and the options of a daemon placement.
 *
 * @module
 */
import type { ValidRequest } from '../ValidRequest';
import { optionalField, readObject, unreadableInput } from './fields';
import { refuseGroupBesideService, resolveGroup } from './resolveGroup';
import { validateConstraints } from './validateConstraints';
import { validateName } from './validateName';
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
    const fields = readObject(options ?? {}, 'options', KEYS);
    const service = optionalField(fields, 'service', 'options', (given, at) => validateName(given, at, 'service'));
    const group = optionalField(fields, 'group', 'options', (given, at) => validateName(given, at, 'group'));
    refuseGroupBesideService(service, group, 'options.group');
    const constraints = optionalField(fields, 'placementConstraints', 'options', (list, at) =>
      validateConstraints(list, at, { allowDistinctInstance: true, alreadyCounted: memberOf.length })) ?? [];
    const base = { task: requirements, count: 1, group: resolveGroup({ service, group, family: requirements.family }), strategies: [], constraints: [...memberOf, ...constraints], stable: false };
    return service === undefined ? base : { ...base, service };
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}
