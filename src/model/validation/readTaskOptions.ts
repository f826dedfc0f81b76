/**
 * The options that say whose tasks a question about one task is: its
 * service or group, and its constraints. `capacity` and `placeDaemon` read
 * them alike.
 *
 * @module
 */
import type { TaskRequirements } from '../TaskRequirements';
import type { ValidConstraint, ValidRequest } from '../ValidRequest';
import { optionalField, type Fields } from './fields';
import { refuseGroupBesideService, resolveGroup } from './resolveGroup';
import { validateConstraints } from './validateConstraints';
import { validateName } from './validateName';

/**
 * Reads `service`, `group` and `placementConstraints` from options already
 * read as an object at `options`, into the request of one task.
 *
 * @param fields - the options' fields
 * @param task - the task, checked
 * @param memberOf - the task definition's constraints, which come first and count towards the 10
 * @param refine - a further check of the constraints, at their path
 * @returns one task's request, with no strategies
 * @throws {@link PlacementInputError} as `place` does for the constraints,
 *   `invalid_name` and `conflicting_group`
 */
export function readTaskOptions(
  fields: Fields<'service' | 'group' | 'placementConstraints'>,
  task: TaskRequirements,
  memberOf: readonly ValidConstraint[],
  refine: (constraints: ValidConstraint[], path: string) => ValidConstraint[] = (constraints) => constraints,
): ValidRequest {
  const service = optionalField(fields, 'service', 'options', (given, at) => validateName(given, at, 'service'));
  const group = optionalField(fields, 'group', 'options', (given, at) => validateName(given, at, 'group'));
  refuseGroupBesideService(service, group, 'options.group');
  const constraints = optionalField(fields, 'placementConstraints', 'options', (list, at) =>
    refine(validateConstraints(list, at, { allowDistinctInstance: true, alreadyCounted: memberOf.length }), at)) ?? [];
  const base = { task, count: 1, group: resolveGroup({ service, group, family: task.family }), strategies: [], constraints: [...memberOf, ...constraints], stable: false };
  return service === undefined ? base : { ...base, service };
}
