/**
 * Faults in the user's input, attributed to the file or option they came from.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { UsageError } from './CliIo';
import { visible } from './visible';

/**
 * Runs a reader of one input and names the input in its error, so that
 * `containerInstances[3].registeredResources[1].integerValue: expected a number`
 * says which of several files (or which option) it is about.
 *
 * @param source - the input's file, or the option that gave it
 * @param read - the reader
 * @returns what `read` returns
 * @throws {@link UsageError} for a {@link PlacementInputError} of `read`
 */
export function reportedAt<T>(source: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof PlacementInputError) throw new UsageError(`${visible(source)}: ${error.message}`);
    throw error;
  }
}
