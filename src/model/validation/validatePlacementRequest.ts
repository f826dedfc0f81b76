/**
 * Placement requests: ECS's RunTask and CreateService fields, checked and
 * turned into a {@link ValidRequest}.
 *
 * @module
 */
import type { ValidConstraint, ValidRequest, ValidStrategy } from '../ValidRequest';
import { expectArray, optionalField, readObject, requireField, unreadableInput } from './fields';
import { keyPath } from './paths';
import { refuseGroupBesideService, resolveGroup } from './resolveGroup';
import { checkConstraintCount, validateConstraints } from './validateConstraints';
import { reuseIfFrozen } from './reuseFrozen';
import { validateCapacityProviderStrategy } from './validateCapacityProviderStrategy';
import { validateCount } from './validateCount';
import { validateName } from './validateName';
import { validateStrategies } from './validateStrategies';
import { NO_CONSTRAINTS, validateTaskSpec, type ValidTaskSpec } from './validateTaskSpec';

const KEYS = ['task', 'count', 'service', 'group', 'placementStrategy', 'placementConstraints', 'capacityProviderStrategy'] as const;
const frozenTasks = new WeakMap<object, ValidTaskSpec>();
const frozenChains = new WeakMap<object, readonly ValidStrategy[]>();
const frozenConstraints = new WeakMap<object, readonly ValidConstraint[]>();

/**
 * Validates a placement request.
 *
 * @remarks
 * A task, strategy list or constraint list that is frozen (all the way
 * down) is validated the first time it is seen only: it cannot have changed
 * since. The group is `service:<service>` for a service, else the request's
 * `group`, else `family:<task.family>`, and `family:default` for a task
 * without a family. The constraints are the task definition's memberOf
 * constraints first, then the request's, in order. A capacity provider
 * strategy is checked by {@link validateCapacityProviderStrategy}; it does
 * not count against the 10 constraints.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request; `count` defaults to 1
 * @throws {@link PlacementInputError} for any fault, with its path, such as
 *   `invalid_strategy_field` at `request.placementStrategy[0].field`, or
 *   `conflicting_group` at `request.group` when both `service` and `group` are given
 */
export function validatePlacementRequest(value: unknown, path = 'request'): ValidRequest {
  try {
    const fields = readObject(value, path, KEYS);
    const given = requireField(fields, 'task', path);
    // A task definition is nested three levels deep (task, constraints, constraint).
    const validTask = reuseIfFrozen(frozenTasks, given, () => validateTaskSpec(given, keyPath(path, 'task')), 3);
    const { task, memberOf: taskConstraints } = validTask.value;
    const count = optionalField(fields, 'count', path, validateCount) ?? 1;
    const service = optionalField(fields, 'service', path, (given, at) => validateName(given, at, 'service'));
    const group = optionalField(fields, 'group', path, (given, at) => validateName(given, at, 'group'));
    refuseGroupBesideService(service, group, keyPath(path, 'group'));
    const chain = optionalField(fields, 'placementStrategy', path, (list, at) => reuseIfFrozen(frozenChains, list, () => validateStrategies(list, at))) ?? NO_CHAIN;
    const requestConstraints = optionalField(fields, 'placementConstraints', path, (list, at) => {
      checkConstraintCount(expectArray(list, at).length, taskConstraints.length, at);
      return reuseIfFrozen(frozenConstraints, list, () => validateConstraints(list, at, { allowDistinctInstance: true, alreadyCounted: 0 }));
    }) ?? NO_REQUEST_CONSTRAINTS;
    const stable = validTask.frozen && chain.frozen && requestConstraints.frozen;
    const constraints = joined(taskConstraints, requestConstraints.value, stable);
    const resolved = resolveGroup({ service, group, family: task.family });
    const strategies = chain.value;
    const providers = optionalField(fields, 'capacityProviderStrategy', path, validateCapacityProviderStrategy);
    // Literals rather than a conditional spread, which is slow on this path that every request takes.
    const valid: ValidRequest = service === undefined
      ? { task, count, group: resolved, strategies, constraints, stable }
      : { task, count, group: resolved, service, strategies, constraints, stable };
    return providers === undefined ? valid : { ...valid, capacityProviderStrategy: providers };
  } catch (error) {
    throw unreadableInput(error, path);
  }
}

const NO_CHAIN = Object.freeze({ value: Object.freeze([]) as readonly ValidStrategy[], frozen: true });
const NO_REQUEST_CONSTRAINTS = Object.freeze({ value: NO_CONSTRAINTS, frozen: true });
const joinedLists = new WeakMap<readonly ValidConstraint[], WeakMap<readonly ValidConstraint[], readonly ValidConstraint[]>>();

/** The task definition's constraints then the request's, as the same list for the same two lists when both are kept. */
function joined(first: readonly ValidConstraint[], second: readonly ValidConstraint[], keep: boolean): readonly ValidConstraint[] {
  if (second.length === 0) return first;
  if (first.length === 0) return second;
  if (!keep) return [...first, ...second];
  let bySecond = joinedLists.get(first);
  if (bySecond === undefined) joinedLists.set(first, (bySecond = new WeakMap()));
  let both = bySecond.get(second);
  if (both === undefined) bySecond.set(second, (both = Object.freeze([...first, ...second])));
  return both;
}
