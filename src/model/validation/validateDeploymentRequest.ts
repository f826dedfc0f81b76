/**
 * Rolling deployment requests, checked.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidRequest } from '../ValidRequest';
import { expectArray, expectNumber, expectString, optionalField, readObject, requireField, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { MAX_COUNT } from './validateCount';
import { validateName } from './validateName';
import { validatePlacementRequest } from './validatePlacementRequest';

const KEYS = ['service', 'to', 'from', 'desiredCount', 'minimumHealthyPercent', 'maximumPercent', 'protectedTasks'] as const;
const REVISION_KEYS = ['task', 'placementStrategy', 'placementConstraints'] as const;

/** ECS's defaults for a service of the REPLICA scheduling strategy. */
const DEFAULT_MINIMUM_HEALTHY_PERCENT = 100;
const DEFAULT_MAXIMUM_PERCENT = 200;

/** A {@link DeploymentRequest} after validation. */
export interface ValidDeploymentRequest {
  readonly service: string;
  /** The new revision as a placement request of one task of the service. */
  readonly to: ValidRequest & { readonly service: string };
  /** The old deployment's task ids, each with the path it was given at; absent for every running task of the service. */
  readonly from?: ReadonlyMap<string, string>;
  readonly desiredCount: number;
  readonly minimumHealthyPercent: number;
  readonly maximumPercent: number;
  /** The protected task ids, each with the path it was given at. */
  readonly protectedTasks: ReadonlyMap<string, string>;
}

/**
 * Validates a rolling deployment request. Whether the ids name running tasks
 * of the service is the cluster's to check.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request, the percentages' defaults filled in
 * @throws {@link PlacementInputError} for any fault, with its path:
 *   `missing_field` without `service`, `to` or `desiredCount`,
 *   `unknown_field` for a `count`, `service` or `group` in `to`,
 *   `invalid_count` for a `desiredCount` that is not a whole number from 0
 *   to 10,000,000, `invalid_percent` for a `minimumHealthyPercent` that is
 *   not a whole number from 0 to 100 or a `maximumPercent` that is not one of
 *   at least 100, `duplicate_task` for an id given twice in `from`, and what
 *   a placement request is refused with
 */
export function validateDeploymentRequest(value: unknown, path = 'request'): ValidDeploymentRequest {
  try {
    const fields = readObject(value, path, KEYS);
    const service = validateName(requireField(fields, 'service', path), keyPath(path, 'service'), 'service');
    const toPath = keyPath(path, 'to');
    const revision = readObject(requireField(fields, 'to', path), toPath, REVISION_KEYS);
    const to = validatePlacementRequest({ ...revision, service }, toPath) as ValidRequest & { readonly service: string };
    const desiredCount = validateDesiredCount(requireField(fields, 'desiredCount', path), keyPath(path, 'desiredCount'));
    const minimumHealthyPercent = optionalField(fields, 'minimumHealthyPercent', path, (given, at) => validatePercent(given, at, 0, 100))
      ?? DEFAULT_MINIMUM_HEALTHY_PERCENT;
    const maximumPercent = optionalField(fields, 'maximumPercent', path, (given, at) => validatePercent(given, at, 100, Number.MAX_SAFE_INTEGER))
      ?? DEFAULT_MAXIMUM_PERCENT;
    const from = optionalField(fields, 'from', path, (given, at) => taskIds(given, at, true));
    const protectedTasks = optionalField(fields, 'protectedTasks', path, (given, at) => taskIds(given, at, false)) ?? new Map<string, string>();
    const valid = { service, to, desiredCount, minimumHealthyPercent, maximumPercent, protectedTasks };
    return from === undefined ? valid : { ...valid, from };
  } catch (error) {
    throw unreadableInput(error, path);
  }
}

function validateDesiredCount(value: unknown, path: string): number {
  const count = expectNumber(value, path);
  if (!Number.isInteger(count) || count < 0 || count > MAX_COUNT) {
    throw new PlacementInputError('invalid_count', path, 'Give the desired count as a whole number of tasks from 0 to 10,000,000.');
  }
  return count;
}

/**
 * A percentage of the desired count. A minimum above 100 would ask for more
 * healthy tasks than desired, a maximum below 100 could never run them all;
 * ECS documents no upper bound.
 */
function validatePercent(value: unknown, path: string, min: number, max: number): number {
  const percent = expectNumber(value, path);
  if (!Number.isSafeInteger(percent) || percent < min || percent > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
    throw new PlacementInputError('invalid_percent', path, `Give a whole number ${range}, a percentage of the desired count.`);
  }
  return percent;
}

/** Task ids, each with its path; `unique` refuses one given twice. */
function taskIds(value: unknown, path: string, unique: boolean): Map<string, string> {
  const list = expectArray(value, path);
  const ids = new Map<string, string>();
  // An index loop rather than forEach, which would skip the holes of a sparse array unchecked.
  for (let index = 0; index < list.length; index += 1) {
    const at = indexPath(path, index);
    const id = expectString(list[index], at);
    if (unique && ids.has(id)) throw new PlacementInputError('duplicate_task', at, `Task ${id} is named twice; name each task once.`);
    if (!ids.has(id)) ids.set(id, at);
  }
  return ids;
}
