/**
 * Task selectors of spread, spreadLimit and atMost.
 *
 * @module
 */
import { PlacementInputError, type PlacementInputErrorCode } from '../PlacementInputError';
import type { TaskSelector } from '../TaskSelector';
import { optionalField, readObject } from './fields';
import { validateName } from './validateName';
import { validateRevision } from './validateRevision';

const KEYS = ['family', 'revision'] as const;

/**
 * Validates a task selector: a family, a revision, or both.
 *
 * @param value - the untrusted selector
 * @param path - where it is, such as `request.placementStrategy[0].taskSelector`
 * @param emptyCode - the code for a selector that selects by nothing: the
 *   field code of what holds it (`invalid_strategy_field` or `invalid_constraint_field`)
 * @returns the selector, frozen, with only the keys given
 * @throws {@link PlacementInputError} `invalid_type`, `unknown_field`,
 *   `invalid_name` (the family), `invalid_revision`, or `emptyCode` when it
 *   gives neither a family nor a revision
 */
export function validateTaskSelector(value: unknown, path: string, emptyCode: PlacementInputErrorCode): TaskSelector {
  const fields = readObject(value, path, KEYS);
  const family = optionalField(fields, 'family', path, (given, at) => validateName(given, at, 'family'));
  const revision = optionalField(fields, 'revision', path, validateRevision);
  if (family === undefined && revision === undefined) {
    throw new PlacementInputError(emptyCode, path, 'Give the task selector a family, a revision or both, such as { revision: 8 }; to count every task of the group, leave the selector out.');
  }
  if (family === undefined) return Object.freeze({ revision: revision as number });
  return Object.freeze(revision === undefined ? { family } : { family, revision });
}
