/**
 * Instance specs: what a user registers, turned into a {@link NormalizedInstance}.
 *
 * @module
 */
import type { NormalizedInstance } from '../NormalizedInstance';
import { expectBoolean, optionalField, readObject, requireField } from './fields';
import { keyPath } from './paths';
import { reuseFrozen } from './reuseFrozen';
import { validateAgentVersion } from './validateAgentVersion';
import { validateAttributes } from './validateAttributes';
import { validateDate } from './validateDate';
import { validateId } from './validateId';
import { EMPTY_PORTS, validateReservedPorts } from './validatePorts';
import { validateResources } from './validateResources';
import { validateStatus } from './validateStatus';

const KEYS = ['id', 'ec2InstanceId', 'resources', 'reservedPorts', 'attributes', 'status', 'agentConnected', 'agentVersion', 'registeredAt'] as const;
const MAX_ID_LENGTH = 1600;
const MAX_EC2_ID_LENGTH = 255;
const EMPTY_ATTRIBUTES: ReadonlyMap<string, string | null> = new Map();
const sharedResources = new WeakMap<object, Readonly<Record<string, number>>>();
const sharedPorts = new WeakMap<object, NormalizedInstance['reservedPorts']>();
const sharedAttributes = new WeakMap<object, ReadonlyMap<string, string | null>>();

/**
 * Validates an instance spec and fills in its defaults: status `ACTIVE`,
 * agent connected, no reserved ports, no attributes.
 *
 * @param value - the untrusted spec
 * @param path - how the caller names it, such as `instances[3]` or `instance`
 * @returns the normalized instance: resources registered as 0 kept, reserved
 *   ports sorted, attributes as a Map in the given order, `registeredAt` in
 *   milliseconds since the epoch. Resources, ports and attributes normalized
 *   from frozen objects are shared with earlier specs made from the same
 *   objects, and every one of them must be treated as read-only.
 * @throws {@link PlacementInputError} for any fault, with its path, such as
 *   `invalid_resource` at `instances[3].resources.cpu`
 */
export function validateInstanceSpec(value: unknown, path: string): NormalizedInstance {
  const fields = readObject(value, path, KEYS);
  const id = validateId(requireField(fields, 'id', path), keyPath(path, 'id'), MAX_ID_LENGTH);
  const ec2InstanceId = optionalField(fields, 'ec2InstanceId', path, (given, at) => validateId(given, at, MAX_EC2_ID_LENGTH));
  const givenResources = requireField(fields, 'resources', path);
  const resources = reuseFrozen(sharedResources, givenResources, () =>
    validateResources(givenResources, keyPath(path, 'resources'), { required: ['cpu', 'memory'], dropZero: false }));
  const reservedPorts = optionalField(fields, 'reservedPorts', path, (given, at) =>
    reuseFrozen(sharedPorts, given, () => validateReservedPorts(given, at))) ?? EMPTY_PORTS;
  const attributes = optionalField(fields, 'attributes', path, (given, at) =>
    reuseFrozen(sharedAttributes, given, () => validateAttributes(given, at))) ?? EMPTY_ATTRIBUTES;
  const status = optionalField(fields, 'status', path, validateStatus) ?? 'ACTIVE';
  const agentConnected = optionalField(fields, 'agentConnected', path, expectBoolean) ?? true;
  const agentVersion = optionalField(fields, 'agentVersion', path, validateAgentVersion);
  const registeredAt = optionalField(fields, 'registeredAt', path, validateDate);
  return {
    id,
    ...(ec2InstanceId === undefined ? {} : { ec2InstanceId }),
    resources,
    reservedPorts,
    attributes,
    status,
    agentConnected,
    ...(agentVersion === undefined ? {} : { agentVersion }),
    ...(registeredAt === undefined ? {} : { registeredAt }),
  };
}
