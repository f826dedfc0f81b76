/**
 * Consolidation requests, checked.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import { expectArray, expectNumber, expectString, optionalField, readObject, requireField, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { MAX_COUNT } from './validateCount';
import { validateServicePlacements, type ValidServicePlacement } from './validateServicePlacements';

const KEYS = ['services', 'keep', 'maxMoves'] as const;

/** A {@link ConsolidationRequest} after validation. */
export interface ValidConsolidationRequest {
  /** How each described group places its tasks, by group. */
  readonly services: ReadonlyMap<string, ValidServicePlacement>;
  /** The instances never emptied, each with the path it was given at (not yet known to be registered: the cluster checks). */
  readonly keep: ReadonlyMap<string, string>;
  /** The most moves; `Infinity` when the request sets no limit. */
  readonly maxMoves: number;
}

/**
 * Validates a consolidation request.
 *
 * @param value - the untrusted request
 * @param path - how the caller names it
 * @returns the valid request
 * @throws {@link PlacementInputError} for any fault, with its path:
 *   `invalid_type`, `unknown_field`, `missing_field` without `services`,
 *   `invalid_count` for a `maxMoves` that is not a whole number from 0 to
 *   10,000,000, `too_many_constraints` for a group with 10 constraints
 *   (consolidation adds one), and what `services` is refused with
 */
export function validateConsolidationRequest(value: unknown, path = 'request'): ValidConsolidationRequest {
  try {
    const fields = readObject(value, path, KEYS);
    const services = validateServicePlacements(requireField(fields, 'services', path), keyPath(path, 'services'), 1);
    const keep = new Map<string, string>();
    optionalField(fields, 'keep', path, (list, at) => {
      const ids = expectArray(list, at);
      for (let index = 0; index < ids.length; index += 1) {
        const idPath = indexPath(at, index);
        const id = expectString(ids[index], idPath);
        if (!keep.has(id)) keep.set(id, idPath);
      }
    });
    const maxMoves = optionalField(fields, 'maxMoves', path, validateMaxMoves) ?? Number.POSITIVE_INFINITY;
    return { services, keep, maxMoves };
  } catch (error) {
    throw unreadableInput(error, path);
  }
}

function validateMaxMoves(value: unknown, path: string): number {
  const moves = expectNumber(value, path);
  if (!Number.isInteger(moves) || moves < 0 || moves > MAX_COUNT) {
    throw new PlacementInputError('invalid_count', path, 'Give maxMoves as a whole number of moves from 0 to 10,000,000, or leave it out for no limit.');
  }
  return moves;
}
