/**
 * Placement constraint lists, of a task definition or of a request.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidConstraint } from '../ValidRequest';
import { isAttributeField } from '../fieldAttribute';
import { describeValue, quote } from './describeValue';
import type { TaskSelector } from '../TaskSelector';
import { expectArray, expectNumber, expectString, isRecord, optionalField, readObject, requireField, type Fields } from './fields';
import { indexPath, keyPath } from './paths';
import { validateExpression } from './validateExpression';
import { validateName } from './validateName';
import { validateTaskSelector } from './validateTaskSelector';

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
const DISTINCT_KEYS = ['type', 'groups'] as const;
const SPREAD_LIMIT_KEYS = ['type', 'field', 'maxSkew', 'minDomains', 'domains', 'taskSelector'] as const;
const AT_MOST_KEYS = ['type', 'count', 'field', 'groups', 'taskSelector'] as const;
/** More groups or domains than this in one constraint is more likely a mistake than a fleet. */
const MAX_LIST = 100;

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
 *   `constraint_not_allowed` (anything but memberOf in a task definition),
 *   `unexpected_expression`, `empty_expression`, `invalid_expression`,
 *   `invalid_constraint_field` (a field, count, skew or list out of its
 *   range, or a `taskSelector` that selects by nothing), `invalid_name` (a
 *   group or a selector's family) or `invalid_revision` (a selector's revision)
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
  const typePath = keyPath(path, 'type');
  const type = isRecord(value) ? value['type'] : undefined;
  if (type === 'distinctInstance' || type === 'spreadLimit' || type === 'atMost') {
    if (!allowDistinctInstance) {
      const why = type === 'distinctInstance' ? 'ECS does not support it in a task definition' : 'a task definition holds only memberOf constraints';
      throw new PlacementInputError('constraint_not_allowed', typePath, `Move ${type} to the request: ${why}.`);
    }
    if (type === 'distinctInstance') return distinctInstanceSpec(value, path);
    return type === 'spreadLimit' ? spreadLimitSpec(value, path) : atMostSpec(value, path);
  }
  const fields = readObject(value, path, KEYS);
  const given = expectString(requireField(fields, 'type', path), typePath);
  if (given === 'memberOf') {
    return { type: given, ...validateExpression(requireField(fields, 'expression', path), keyPath(path, 'expression')) };
  }
  throw new PlacementInputError(
    'unknown_constraint_type', typePath,
    `Use the constraint type 'memberOf' or 'distinctInstance' (ECS's), or 'spreadLimit' or 'atMost' (this library's), instead of ${quote(given)}.`,
  );
}

function distinctInstanceSpec(value: unknown, path: string): ValidConstraint {
  if (isRecord(value) && value['expression'] !== undefined) {
    throw new PlacementInputError('unexpected_expression', keyPath(path, 'expression'), 'Remove the expression: distinctInstance takes none.');
  }
  const fields = readObject(value, path, DISTINCT_KEYS);
  return { type: 'distinctInstance', groups: optionalField(fields, 'groups', path, groupList) ?? [] };
}

function spreadLimitSpec(value: unknown, path: string): ValidConstraint {
  const fields = readObject(value, path, SPREAD_LIMIT_KEYS);
  const field = domainField(requireField(fields, 'field', path), keyPath(path, 'field'), 'spreadLimit');
  const maxSkew = wholeNumber(requireField(fields, 'maxSkew', path), keyPath(path, 'maxSkew'), 'maxSkew', 'the most tasks a domain may hold above the emptiest');
  const minDomains = optionalField(fields, 'minDomains', path, (given, at) => wholeNumber(given, at, 'minDomains', 'the domains below which the emptiest counts as holding none')) ?? 1;
  const domains = optionalField(fields, 'domains', path, (given, at) => {
    if (field === 'instanceId') throw new PlacementInputError('invalid_constraint_field', at, 'Remove domains, or spread over an attribute: the domains listed are values of the attribute.');
    return nameList(given, at, 'domain', (name, namePath) => {
      if (expectString(name, namePath).length === 0) throw new PlacementInputError('invalid_constraint_field', namePath, 'Give each domain as an attribute value of at least one character.');
      return name as string;
    });
  });
  return { type: 'spreadLimit', field, maxSkew, minDomains, domains, taskSelector: selectorOf(fields, path) };
}

function atMostSpec(value: unknown, path: string): ValidConstraint {
  const fields = readObject(value, path, AT_MOST_KEYS);
  const count = wholeNumber(requireField(fields, 'count', path), keyPath(path, 'count'), 'count', 'the most tasks a domain may hold');
  const field = domainField(requireField(fields, 'field', path), keyPath(path, 'field'), 'atMost');
  return { type: 'atMost', count, field, groups: optionalField(fields, 'groups', path, groupList) ?? [], taskSelector: selectorOf(fields, path) };
}

function selectorOf(fields: Fields<'taskSelector'>, path: string): TaskSelector | undefined {
  return optionalField(fields, 'taskSelector', path, (given, at) => validateTaskSelector(given, at, 'invalid_constraint_field'));
}

function domainField(value: unknown, path: string, type: string): string {
  const field = expectString(value, path);
  if (field === 'instanceId' || isAttributeField(field)) return field;
  throw new PlacementInputError('invalid_constraint_field', path, `Give ${type} the field 'instanceId' or 'attribute:NAME' (such as 'attribute:ecs.availability-zone'), not ${quote(field)}.`);
}

function wholeNumber(value: unknown, path: string, name: string, meaning: string): number {
  const number = expectNumber(value, path);
  if (Number.isSafeInteger(number) && number >= 1) return number;
  throw new PlacementInputError('invalid_constraint_field', path, `Give ${name}, ${meaning}, as a whole number of at least 1, not ${describeValue(number)}.`);
}

function groupList(value: unknown, path: string): readonly string[] {
  return nameList(value, path, 'group', (name, namePath) => validateName(name, namePath, 'group'));
}

/** A list of 1 to 100 distinct names, each checked by `check`. */
function nameList(value: unknown, path: string, what: string, check: (name: unknown, path: string) => string): readonly string[] {
  const list = expectArray(value, path);
  if (list.length === 0 || list.length > MAX_LIST) {
    throw new PlacementInputError('invalid_constraint_field', path, `List 1 to ${MAX_LIST} ${what}s, or leave the field out; this lists ${list.length}.`);
  }
  const names: string[] = [];
  for (let index = 0; index < list.length; index += 1) {
    const name = check(list[index], indexPath(path, index));
    if (names.includes(name)) throw new PlacementInputError('invalid_constraint_field', indexPath(path, index), `Name the ${what} ${quote(name)} once.`);
    names.push(name);
  }
  return Object.freeze(names);
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
