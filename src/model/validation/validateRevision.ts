/**
 * Task definition revisions: ECS numbers a family's revisions from 1.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { describeValue } from './describeValue';
import { expectNumber } from './fields';

/**
 * Validates a task definition revision.
 *
 * @param value - the untrusted revision
 * @param path - where it is, such as `request.task.revision`
 * @returns the revision
 * @throws {@link PlacementInputError} `invalid_type` when it is not a number,
 *   `invalid_revision` when it is not a whole number of at least 1
 */
export function validateRevision(value: unknown, path: string): number {
  const revision = expectNumber(value, path);
  if (Number.isSafeInteger(revision) && revision >= 1) return revision;
  throw new PlacementInputError('invalid_revision', path, `Give the task definition revision as a whole number of at least 1 (the 8 of web:8), not ${describeValue(revision)}.`);
}
