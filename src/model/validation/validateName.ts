/**
 * Names: task definition families, services and task groups.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { expectString } from './fields';
import { unprintableProblem } from './unprintable';

/** What a name names. */
export type NameKind = 'family' | 'service' | 'group';

/** ECS's rule for family and service names. */
const ECS_NAME = /^[A-Za-z0-9_-]{1,255}$/;
const MAX_GROUP_LENGTH = 255;

/**
 * Validates a family, service or group name. Families and services follow
 * ECS's rule (1 to 255 letters, digits, `-` or `_`); ECS documents no
 * characters for groups, so a group is any 1 to 255 characters without
 * control characters or whitespace at either end.
 *
 * @param value - the untrusted name
 * @param path - where it is, such as `request.service`
 * @param kind - what it names
 * @returns the name
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `invalid_name` when it breaks the rule for its kind
 */
export function validateName(value: unknown, path: string, kind: NameKind): string {
  const name = expectString(value, path);
  if (kind !== 'group') {
    if (!ECS_NAME.test(name)) throw new PlacementInputError('invalid_name', path, `Write the ${kind} name with 1 to 255 letters, digits, '-' or '_', as ECS requires.`);
    return name;
  }
  if (name.length === 0 || name.length > MAX_GROUP_LENGTH) {
    throw new PlacementInputError('invalid_name', path, `Give a group of 1 to ${MAX_GROUP_LENGTH} characters; this one has ${name.length}.`);
  }
  const problem = unprintableProblem(name, 'group');
  if (problem !== undefined) throw new PlacementInputError('invalid_name', path, problem);
  if (/^\s|\s$/.test(name)) throw new PlacementInputError('invalid_name', path, 'Remove the whitespace at the start or end of this group.');
  return name;
}
