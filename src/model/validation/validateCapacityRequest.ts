/**
 * A task and the options of a capacity question.
 *
 * @module
 */
import { ATTRIBUTE_NAME } from '../../query/subjects';
import { PlacementInputError } from '../PlacementInputError';
import type { ValidConstraint, ValidRequest } from '../ValidRequest';
import { describeValue } from './describeValue';
import { expectString, optionalField, readObject, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { readTaskOptions } from './readTaskOptions';
import { validateTaskSpec } from './validateTaskSpec';

const KEYS = ['service', 'group', 'placementConstraints', 'attribute'] as const;
const DEFAULT_ATTRIBUTE = 'ecs.availability-zone';

/** A capacity question, checked: one copy's request and the attribute to count by. */
export interface ValidCapacityRequest {
  readonly request: ValidRequest;
  readonly attribute: string;
}

/**
 * Validates `capacity`'s task and options into the request of one copy.
 *
 * @param task - the untrusted task spec
 * @param options - the untrusted options (undefined for none)
 * @returns one copy's request (no strategies: they choose among instances, and every instance is counted) and the attribute
 * @throws {@link PlacementInputError} as `place` does for the task (at
 *   `task`) and the constraints (at `options.placementConstraints`;
 *   `constraint_not_allowed` for spreadLimit, and atMost over an attribute),
 *   `conflicting_group` for both a service and a group, `invalid_attribute`
 *   for an attribute that is not an attribute name, and `invalid_resource`
 *   for a task that reserves nothing, whose copies have no limit
 */
export function validateCapacityRequest(task: unknown, options: unknown): ValidCapacityRequest {
  const { task: requirements, memberOf } = validateTaskSpec(task, 'task');
  if (Object.keys(requirements.resources).length === 0) {
    throw new PlacementInputError('invalid_resource', 'task.resources', 'Give the task at least one resource above 0: copies that reserve nothing have no limit to count.');
  }
  try {
    const fields = readObject(options ?? {}, 'options', KEYS);
    const request = readTaskOptions(fields, requirements, memberOf, refuseDomainConstraints);
    const attribute = optionalField(fields, 'attribute', 'options', (given, at) => {
      const name = expectString(given, at);
      if (!ATTRIBUTE_NAME.test(name)) throw new PlacementInputError('invalid_attribute', at, `Name the attribute to count by as an attribute name, such as 'ecs.availability-zone', not ${describeValue(name)}.`);
      return name;
    }) ?? DEFAULT_ATTRIBUTE;
    return { request, attribute };
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}

/**
 * Capacity counts instance by instance, which holds while each instance's
 * checks read only that instance; spreadLimit and atMost over an attribute
 * tie the instances of a domain together.
 */
function refuseDomainConstraints(constraints: ValidConstraint[], path: string): ValidConstraint[] {
  const index = constraints.findIndex((constraint) => constraint.type === 'spreadLimit' || (constraint.type === 'atMost' && constraint.field !== 'instanceId'));
  if (index < 0) return constraints;
  throw new PlacementInputError(
    'constraint_not_allowed', keyPath(indexPath(path, index), 'type'),
    'Count capacity without spreadLimit or atMost over an attribute: they tie the instances of a domain together, and capacity counts instance by instance. Place with explain() to see where copies would go.',
  );
}
