/**
 * Run options, checked.
 *
 * @module
 */
import { optionalField, readObject } from '../../model/validation/fields';
import { validateEngine } from '../../model/validation/validateEngine';
import { PlacementInputError } from '../../model/PlacementInputError';
import type { RunOptions } from '../run/RunOptions';

const KEYS = ['engine', 'now', 'heapUsed', 'onProgress'] as const;

/**
 * Validates the options of a run.
 *
 * @param value - the untrusted options
 * @param path - how to name them in errors
 * @returns the options given
 * @throws `PlacementInputError` `unknown_field`, `invalid_type` for a
 *   clock, gauge or progress callback that is not a function,
 *   `invalid_option` for an unknown engine
 */
export function validateRunOptions(value: unknown, path: string): RunOptions {
  const fields = readObject(value, path, KEYS);
  const engine = optionalField(fields, 'engine', path, validateEngine);
  const now = optionalField(fields, 'now', path, expectFunction<() => number>);
  const heapUsed = optionalField(fields, 'heapUsed', path, expectFunction<() => number>);
  const onProgress = optionalField(fields, 'onProgress', path, expectFunction<NonNullable<RunOptions['onProgress']>>);
  return {
    ...(engine === undefined ? {} : { engine }),
    ...(now === undefined ? {} : { now }),
    ...(heapUsed === undefined ? {} : { heapUsed }),
    ...(onProgress === undefined ? {} : { onProgress }),
  };
}

function expectFunction<F>(value: unknown, path: string): F {
  if (typeof value !== 'function') throw new PlacementInputError('invalid_type', path, 'Give a function here.');
  return value as F;
}
