/**
 * Task specs: the placement-relevant part of a task definition.
 *
 * @module
 */
import type { TaskRequirements } from '../TaskRequirements';
import { optionalField, readObject, requireField, unreadableInput } from './fields';
import { keyPath } from './paths';
import { NO_REQUIREMENTS, validateRequiredAttributes } from './validateAttributes';
import { validateConstraints } from './validateConstraints';
import type { ValidConstraint } from '../ValidRequest';
import { validateName } from './validateName';
import { EMPTY_PORTS, validateTaskPorts } from './validatePorts';
import { validateResources } from './validateResources';
import { validateRevision } from './validateRevision';

/** A validated task spec: its requirements, and its memberOf constraints parsed. */
export interface ValidTaskSpec {
  /** What every placement check reads. */
  readonly task: TaskRequirements;
  /** The task definition's memberOf constraints, in order. */
  readonly memberOf: readonly ValidConstraint[];
}

const KEYS = ['family', 'revision', 'resources', 'ports', 'requiresAttributes', 'placementConstraints'] as const;
/** No constraints: one frozen list shared by every task that has none, so that requests alike share what is built from it. */
export const NO_CONSTRAINTS: readonly ValidConstraint[] = Object.freeze([]);

/**
 * Validates a task spec.
 *
 * @param value - the untrusted spec
 * @param path - how the caller names it, such as `request.task`
 * @returns the requirements (resources of 0 and dynamic ports dropped,
 *   required attributes as `{ name, value? }` without repeats) and the
 *   parsed memberOf constraints
 * @throws {@link PlacementInputError} for any fault, with its path; a
 *   distinctInstance constraint here is `constraint_not_allowed`, as in ECS
 */
export function validateTaskSpec(value: unknown, path: string): ValidTaskSpec {
  try {
    const fields = readObject(value, path, KEYS);
    const family = optionalField(fields, 'family', path, (given, at) => validateName(given, at, 'family'));
    const revision = optionalField(fields, 'revision', path, validateRevision);
    const resources = validateResources(requireField(fields, 'resources', path), keyPath(path, 'resources'), { required: [], dropZero: true, share: true });
    const ports = optionalField(fields, 'ports', path, validateTaskPorts) ?? EMPTY_PORTS;
    const requiresAttributes = optionalField(fields, 'requiresAttributes', path, validateRequiredAttributes) ?? NO_REQUIREMENTS;
    const constraints = optionalField(fields, 'placementConstraints', path, (given, at) =>
      validateConstraints(given, at, { allowDistinctInstance: false, alreadyCounted: 0 })) ?? [];
    const memberOf = constraints.length === 0 ? NO_CONSTRAINTS : Object.freeze(constraints);
    const task: { -readonly [K in keyof TaskRequirements]: TaskRequirements[K] } = { resources, ports, requiresAttributes };
    if (family !== undefined) task.family = family;
    if (revision !== undefined) task.revision = revision;
    return { task, memberOf };
  } catch (error) {
    throw unreadableInput(error, path);
  }
}
