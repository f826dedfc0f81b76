/**
 * The options of a deregistration.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { readObject, unreadableInput } from './fields';

const KEYS = ['force'] as const;

/**
 * Validates the options of `deregisterInstance`.
 *
 * @param value - the untrusted options
 * @returns whether to stop the instance's tasks with it
 * @throws {@link PlacementInputError} `invalid_type` when the options are not
 *   an object, `unknown_field` for a key other than `force` (a misspelt
 *   `force` would otherwise deregister nothing, silently), `invalid_option`
 *   when `force` is not a boolean
 */
export function validateDeregisterOptions(value: unknown): boolean {
  try {
    const fields = readObject(value, 'options', KEYS);
    const force = fields.force ?? false;
    if (typeof force !== 'boolean') throw new PlacementInputError('invalid_option', 'options.force', 'Pass { force: true } or { force: false }.');
    return force;
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}
