/**
 * Container agent versions.
 *
 * @module
 */
import { parseVersion } from '../../query/parseVersion';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectString } from './fields';
import { rememberValid } from './rememberValid';

/** Versions found valid lately: a fleet runs a few agent versions, and parsing one costs more than a look-up. */
const validVersions = new Set<string>();

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
  if (validVersions.has(text)) return text;
  if (parseVersion(text) === undefined) {
    throw new PlacementInputError('invalid_version', path, `Write the version ${quote(text)} as dotted numbers, such as '1.70.2'.`);
  }
  rememberValid(validVersions, text);
  return text;
}
