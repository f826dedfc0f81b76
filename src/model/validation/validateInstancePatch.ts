/**
 * Instance patches: the changes {@link Cluster.updateInstance} applies.
 *
 * @module
 */
import type { NormalizedPatch } from '../NormalizedInstance';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectBoolean, optionalField, readObject, unreadableInput } from './fields';
import { indexPath, keyPath } from './paths';
import { validateAgentVersion } from './validateAgentVersion';
import { validateAttributeNames, validateAttributes } from './validateAttributes';
import { validateStatus } from './validateStatus';
import { validateUntrackedTasks } from './validateUntrackedTasks';

const KEYS = ['status', 'agentConnected', 'agentVersion', 'attributes', 'removeAttributes', 'untrackedTasks'] as const;

/**
 * Validates an instance patch. Each field follows the rule of the same field
 * of an instance spec; an empty patch is valid and changes nothing.
 *
 * @param value - the untrusted patch
 * @param path - how the caller names it, such as `patch`
 * @returns the patch with only the fields given; `attributes` as a Map in the
 *   given order, `removeAttributes` in the given order without repeats
 * @throws {@link PlacementInputError} for any fault, with its path, such as
 *   `invalid_attribute` at `patch.removeAttributes[0]`
 */
export function validateInstancePatch(value: unknown, path: string): NormalizedPatch {
  try {
    const fields = readObject(value, path, KEYS);
    const status = optionalField(fields, 'status', path, validateStatus);
    const agentConnected = optionalField(fields, 'agentConnected', path, expectBoolean);
    const agentVersion = optionalField(fields, 'agentVersion', path, validateAgentVersion);
    const attributes = optionalField(fields, 'attributes', path, validateAttributes);
    const removeAttributes = optionalField(fields, 'removeAttributes', path, validateAttributeNames);
    const untrackedTasks = optionalField(fields, 'untrackedTasks', path, validateUntrackedTasks);
    const both = removeAttributes?.findIndex((name) => attributes?.has(name)) ?? -1;
    if (both >= 0) {
      const name = removeAttributes?.[both] ?? '';
      throw new PlacementInputError('invalid_attribute', indexPath(keyPath(path, 'removeAttributes'), both), `The patch both sets and removes ${quote(name)}; keep one of the two.`);
    }
    const patch: { -readonly [K in keyof NormalizedPatch]: NormalizedPatch[K] } = {};
    if (status !== undefined) patch.status = status;
    if (agentConnected !== undefined) patch.agentConnected = agentConnected;
    if (agentVersion !== undefined) patch.agentVersion = agentVersion;
    if (attributes !== undefined) patch.attributes = attributes;
    if (removeAttributes !== undefined) patch.removeAttributes = removeAttributes;
    if (untrackedTasks !== undefined) patch.untrackedTasks = untrackedTasks;
    return patch;
  } catch (error) {
    throw unreadableInput(error, path);
  }
}
