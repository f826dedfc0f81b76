/**
 * Engine names, as options of a cluster or a simulation run.
 *
 * @module
 */
import type { EngineName } from '../EngineName';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectString } from './fields';

const ENGINES: readonly EngineName[] = ['reference', 'indexed'];

/**
 * Validates an engine name.
 *
 * @param value - the untrusted name
 * @param path - where it is, such as `options.engine`
 * @returns the engine
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `invalid_option` when it is not `reference` or `indexed`
 */
export function validateEngine(value: unknown, path: string): EngineName {
  const text = expectString(value, path);
  const engine = ENGINES.find((known) => known === text);
  if (engine === undefined) throw new PlacementInputError('invalid_option', path, `Use the engine 'reference' or 'indexed' instead of ${quote(text)}.`);
  return engine;
}
