/**
 * Placement constraint lists, of a task definition or of a request.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidConstraint } from '../ValidRequest';
import { quote } from './describeValue';
import { expectArray, expectString, readObject, requireField } from './fields';
import { indexPath, keyPath } from './paths';
import { validateExpression } from './validateExpression';

/** ECS's limit on constraints per task, the task definition's and the request's together. */
export const MAX_CONSTRAINTS = 10;

/** Where a constraint list is and what it may hold. */
export interface ConstraintRules {
  /** False for a task definition, where ECS refuses distinctInstance. */
  readonly allowDistinctInstance: boolean;
  /** Constraints already counted against the limit (the task definition's, for a request). */
  readonly alreadyCounted: number;
}

const KEYS = ['type', 'expression'] as const;

/**
 * Validates a constraint list.
 *
 * @param value - the untrusted array
 * @param path - where it is, such as `request.placementConstraints`
 * @param rules - whether distinctInstance is allowed, and how many constraints count already
 * @returns the constraints in order, memberOf expressions parsed
 * @throws {@link PlacementInputError} `invalid_type`, `too_many_constraints`
 *   when the list and those already counted exceed 10, and for an element
 *   `unknown_field`, `missing_field`, `unknown_constraint_type`,
 *   `constraint_not_allowed`, `unexpected_expression`, `empty_expression` or
 *   `invalid_expression`
 */
export function validateConstraints(value: unknown, path: string, rules: ConstraintRules): ValidConstraint[] {
  const list = expectArray(value, path);
  checkConstraintCount(list.length, rules.alreadyCounted, path);
  // An index loop rather than map, which would skip the holes of a sparse array unchecked.
  const constraints: ValidConstraint[] = [];
  for (let index = 0; index < list.length; index += 1) constraints.push(validateConstraint(list[index], indexPath(path, index), rules.allowDistinctInstance));
  return constraints;
}

function validateConstraint(value: unknown, path: string, allowDistinctInstance: boolean): ValidConstraint {
  const fields = readObject(value, path, KEYS);
  const typePath = keyPath(path, 'type');
  const type = expectString(requireField(fields, 'type', path), typePath);
  if (type === 'memberOf') {
    return { type, ...validateExpression(requireField(fields, 'expression', path), keyPath(path, 'expression')) };
  }
  if (type === 'distinctInstance') {
    if (!allowDistinctInstance) {
      throw new PlacementInputError('constraint_not_allowed', typePath, 'Move distinctInstance to the request: ECS does not support it in a task definition.');
    }
    if (fields.expression !== undefined) {
      throw new PlacementInputError('unexpected_expression', keyPath(path, 'expression'), 'Remove the expression: distinctInstance takes none.');
    }
    return { type };
  }
  throw new PlacementInputError('unknown_constraint_type', typePath, `Use the constraint type 'memberOf' or 'distinctInstance' instead of ${quote(type)}.`);
}

/**
 * Checks ECS's limit of 10 constraints, the task definition's and the
 * request's together.
 *
 * @param count - constraints in the list at `path`
 * @param alreadyCounted - constraints counted before it
 * @param path - where the list is
 * @throws {@link PlacementInputError} `too_many_constraints`
 */
export function checkConstraintCount(count: number, alreadyCounted: number, path: string): void {
  if (count + alreadyCounted <= MAX_CONSTRAINTS) return;
  const counted = alreadyCounted === 0 ? '' : `, counting the task definition's ${alreadyCounted}`;
  throw new PlacementInputError('too_many_constraints', path, `Give at most ${MAX_CONSTRAINTS} placement constraints${counted}, as ECS allows; there are ${count + alreadyCounted}.`);
}
