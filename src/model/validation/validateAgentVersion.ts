/**
 * Container agent versions.
 *
 * @module
 */
import { parseVersion } from '../../query/parseVersion';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectString } from './fields';

/**
 * Validates an agent version, so that `agentVersion` queries can compare it.
 *
 * @param value - the untrusted version
 * @param path - where it is, such as `instance.agentVersion`
 * @returns the version text
 * @throws {@link PlacementInputError} `invalid_type` when it is not a string,
 *   `invalid_version` when it is not dotted numbers such as `1.70.2`
 */
export function validateAgentVersion(value: unknown, path: string): string {
  const text = expectString(value, path);
  if (parseVersion(text) === undefined) {
    throw new PlacementInputError('invalid_version', path, `Write the version ${quote(text)} as dotted numbers, such as '1.70.2'.`);
  }
  return text;
}
