/**
 * Placement requests: ECS's RunTask and CreateService fields, checked and
 * turned into a {@link ValidRequest}.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidConstraint, ValidRequest } from '../ValidRequest';
import { optionalField, readObject, requireField } from './fields';
import { keyPath } from './paths';
import { resolveGroup } from './resolveGroup';
import { validateConstraints } from './validateConstraints';
import { validateCount } from './validateCount';
import { validateName } from './validateName';
import { validateStrategies } from './validateStrategies';
import { validateTaskSpec } from './validateTaskSpec';

const KEYS = ['task', 'count', 'service', 'group', 'placementStrategy', 'placementConstraints'] as const;

/**
 * Validates a placement request.
 *
 * @remarks
 * The group is `service:<service>` for a service, else the request's
 * `group`, else `family:<task.family>`, and `family:default` for a task
 * without a family. The constraints are the task definition's memberOf
 * constraints first, then the request's, in order.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request; `count` defaults to 1
 * @throws {@link PlacementInputError} for any fault, with its path, such as
 *   `invalid_strategy_field` at `request.placementStrategy[0].field`, or
 *   `conflicting_group` at `request.group` when both `service` and `group` are given
 */
export function validatePlacementRequest(value: unknown, path = 'request'): ValidRequest {
  const fields = readObject(value, path, KEYS);
  const { task, memberOf: taskConstraints } = validateTaskSpec(requireField(fields, 'task', path), keyPath(path, 'task'));
  const count = optionalField(fields, 'count', path, validateCount) ?? 1;
  const service = optionalField(fields, 'service', path, (given, at) => validateName(given, at, 'service'));
  const group = optionalField(fields, 'group', path, (given, at) => validateName(given, at, 'group'));
  if (service !== undefined && group !== undefined) {
    throw new PlacementInputError('conflicting_group', keyPath(path, 'group'), `Remove the group: a service's tasks are always in the group service:${service}.`);
  }
  const strategies = optionalField(fields, 'placementStrategy', path, validateStrategies) ?? [];
  const requestConstraints = optionalField(fields, 'placementConstraints', path, (given, at) =>
    validateConstraints(given, at, { allowDistinctInstance: true, alreadyCounted: taskConstraints.length })) ?? [];
  const constraints: ValidConstraint[] = taskConstraints.map(({ expression, query }) => ({ type: 'memberOf', expression, query }));
  for (const constraint of requestConstraints) constraints.push(constraint);
  const resolved = resolveGroup({ service, group, family: task.family });
  // Literals rather than a conditional spread, which is slow on this path that every request takes.
  return service === undefined
    ? { task, count, group: resolved, strategies, constraints }
    : { task, count, group: resolved, service, strategies, constraints };
}
