/**
 * Instance identifiers: the container instance id and the EC2 instance id.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { expectString } from './fields';
import { unprintableProblem } from './unprintable';

/**
 * Validates an identifier.
 *
 * @param value - the untrusted id
 * @param path - where it is, such as `instances[3].id`
 * @param maxLength - the longest id allowed (1600 for an instance id, room
 *   for an ARN; 255 for an EC2 instance id)
 * @returns the id
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `invalid_id` when it is empty, too long, starts or ends with whitespace,
 *   or holds a control character or half a surrogate pair
 */
export function validateId(value: unknown, path: string, maxLength: number): string {
  const id = expectString(value, path);
  if (id === '') throw new PlacementInputError('invalid_id', path, 'Give a non-empty id.');
  if (id.length > maxLength) throw new PlacementInputError('invalid_id', path, `Shorten this id to at most ${maxLength} characters; it has ${id.length}.`);
  // An id with stray whitespace looks equal to the real one in every listing.
  if (/^\s|\s$/.test(id)) throw new PlacementInputError('invalid_id', path, 'Remove the whitespace at the start or end of this id.');
  const problem = unprintableProblem(id, 'id');
  if (problem !== undefined) throw new PlacementInputError('invalid_id', path, problem);
  return id;
}
