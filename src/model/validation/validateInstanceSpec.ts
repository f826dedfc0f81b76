/**
 * Instance specs: what a user registers, turned into a {@link NormalizedInstance}.
 *
 * @module
 */
import type { NormalizedInstance } from '../NormalizedInstance';
import { PlacementInputError } from '../PlacementInputError';
import type { PortLists } from '../TaskRequirements';
import { validateName } from './validateName';
import { expectBoolean, expectNumber, optionalField, readEntries, readObject, requireField, type Fields, unreadableInput } from './fields';
import { keyPath } from './paths';
import { reuseFrozen } from './reuseFrozen';
import { validateAgentVersion } from './validateAgentVersion';
import { validateAttributes } from './validateAttributes';
import { validateDate } from './validateDate';
import { validateId } from './validateId';
import { EMPTY_PORTS, validateReservedPorts, validateTaskPorts } from './validatePorts';
import { validateResources } from './validateResources';
import { validateStatus } from './validateStatus';
import { validateUntrackedTasks } from './validateUntrackedTasks';

const KEYS = ['id', 'ec2InstanceId', 'resources', 'reservedPorts', 'attributes', 'status', 'agentConnected', 'agentVersion', 'registeredAt', 'untrackedTasks'] as const;
/** An instance as {@link Cluster.snapshot} reports it: its registered resources under another name, and what its tasks use. */
const SNAPSHOT_KEYS = [
  'id', 'ec2InstanceId', 'registeredResources', 'remainingResources', 'reservedPorts', 'portsInUse', 'attributes', 'status', 'agentConnected',
  'agentVersion', 'registeredAt', 'runningTasksCount', 'untrackedTasks', 'taskGroups',
] as const;
const MAX_ID_LENGTH = 1600;
const MAX_EC2_ID_LENGTH = 255;
const EMPTY_ATTRIBUTES: ReadonlyMap<string, string | null> = new Map();
const sharedResources = new WeakMap<object, Readonly<Record<string, number>>>();
const sharedPorts = new WeakMap<object, NormalizedInstance['reservedPorts']>();
const sharedAttributes = new WeakMap<object, ReadonlyMap<string, string | null>>();

/**
 * Validates an instance spec and fills in its defaults: status `ACTIVE`,
 * agent connected, no reserved ports, no attributes, no untracked tasks.
 *
 * @param value - the untrusted spec
 * @param path - how the caller names it, such as `instances[3]` or `instance`
 * @returns the normalized instance: resources registered as 0 kept, reserved
 *   ports sorted, attributes as a Map in the given order, `registeredAt` in
 *   milliseconds since the epoch, `untrackedTasks` only when above 0.
 *   Resources, ports and attributes normalized
 *   from frozen objects are shared with earlier specs made from the same
 *   objects, and every one of them must be treated as read-only.
 * @throws {@link PlacementInputError} for any fault, with its path, such as
 *   `invalid_resource` at `instances[3].resources.cpu`, or `invalid_count`
 *   for untracked tasks that are not a whole number of at least 0
 */
export function validateInstanceSpec(value: unknown, path: string): NormalizedInstance {
  try {
    return validateInstance(readObject(value, path, KEYS), path, 'resources');
  } catch (error) {
    throw unreadableInput(error, path);
  }
}

/**
 * Validates an instance as a snapshot reports it ({@link InstanceInfo}):
 * the fields of a spec, with `registeredResources` for `resources`, and what
 * its tasks use, which restoring checks against the tasks restored.
 *
 * @param value - the untrusted instance, known to have `registeredResources`
 * @param path - how the caller names it, such as `options.instances[3]`
 * @returns the normalized instance, and the recorded use as given (each field checked for its type only)
 * @throws {@link PlacementInputError} for any fault, with its path
 */
export function validateInstanceSnapshot(value: unknown, path: string): { readonly instance: NormalizedInstance; readonly recorded: RecordedUse } {
  const fields = readObject(value, path, SNAPSHOT_KEYS);
  return {
    instance: validateInstance(fields, path, 'registeredResources'),
    recorded: {
      remainingResources: optionalField(fields, 'remainingResources', path, (given, at) => validateResources(given, at, { required: [], dropZero: false, share: false })),
      portsInUse: optionalField(fields, 'portsInUse', path, validateTaskPorts),
      runningTasksCount: optionalField(fields, 'runningTasksCount', path, expectCount),
      taskGroups: optionalField(fields, 'taskGroups', path, validateTaskGroups),
    },
  };
}

/** What a snapshot says an instance's tasks use; each field is absent when not given. */
export interface RecordedUse {
  readonly remainingResources: Readonly<Record<string, number>> | undefined;
  readonly portsInUse: PortLists | undefined;
  readonly runningTasksCount: number | undefined;
  readonly taskGroups: ReadonlyMap<string, number> | undefined;
}

function validateInstance(fields: Fields<(typeof KEYS)[number] | 'registeredResources'>, path: string, resourcesKey: 'resources' | 'registeredResources'): NormalizedInstance {
  const id = validateId(requireField(fields, 'id', path), keyPath(path, 'id'), MAX_ID_LENGTH);
  const ec2InstanceId = optionalField(fields, 'ec2InstanceId', path, (given, at) => validateId(given, at, MAX_EC2_ID_LENGTH));
  const givenResources = requireField(fields, resourcesKey, path);
  const resources = reuseFrozen(sharedResources, givenResources, () =>
    validateResources(givenResources, keyPath(path, resourcesKey), { required: ['cpu', 'memory'], dropZero: false, share: true }));
  const reservedPorts = optionalField(fields, 'reservedPorts', path, (given, at) =>
    reuseFrozen(sharedPorts, given, () => validateReservedPorts(given, at))) ?? EMPTY_PORTS;
  const attributes = optionalField(fields, 'attributes', path, (given, at) =>
    reuseFrozen(sharedAttributes, given, () => validateAttributes(given, at))) ?? EMPTY_ATTRIBUTES;
  const status = optionalField(fields, 'status', path, validateStatus) ?? 'ACTIVE';
  const agentConnected = optionalField(fields, 'agentConnected', path, expectBoolean) ?? true;
  const agentVersion = optionalField(fields, 'agentVersion', path, validateAgentVersion);
  const registeredAt = optionalField(fields, 'registeredAt', path, validateDate);
  const untrackedTasks = optionalField(fields, 'untrackedTasks', path, validateUntrackedTasks) ?? 0;
  // Assigned one by one rather than spread: spreads are slow, and a fleet registers a million of these.
  const instance: { -readonly [K in keyof NormalizedInstance]: NormalizedInstance[K] } = { id, resources, reservedPorts, attributes, status, agentConnected };
  if (ec2InstanceId !== undefined) instance.ec2InstanceId = ec2InstanceId;
  if (agentVersion !== undefined) instance.agentVersion = agentVersion;
  if (registeredAt !== undefined) instance.registeredAt = registeredAt;
  if (untrackedTasks > 0) instance.untrackedTasks = untrackedTasks;
  return instance;
}

function expectCount(value: unknown, path: string): number {
  const count = expectNumber(value, path);
  if (!Number.isSafeInteger(count) || count < 0) throw new PlacementInputError('inconsistent_snapshot', path, 'A task count is a whole number of at least 0.');
  return count;
}

function validateTaskGroups(value: unknown, path: string): ReadonlyMap<string, number> {
  const groups = new Map<string, number>();
  for (const [group, count] of readEntries(value, path)) {
    const groupPath = keyPath(path, group);
    groups.set(validateName(group, groupPath, 'group'), expectCount(count, groupPath));
  }
  return groups;
}
