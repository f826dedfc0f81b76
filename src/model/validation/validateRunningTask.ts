/**
 * Running tasks to restore: the tasks of a {@link Cluster.snapshot}.
 *
 * @module
 */
import type { TaskInfo } from '../TaskInfo';
import type { PortLists } from '../TaskRequirements';
import { optionalField, readObject, requireField } from './fields';
import { keyPath } from './paths';
import { reuseFrozen } from './reuseFrozen';
import { validateId } from './validateId';
import { validateName } from './validateName';
import { EMPTY_PORTS, validateTaskPorts } from './validatePorts';
import { validateResources } from './validateResources';
import { validateRevision } from './validateRevision';

const KEYS = ['taskId', 'instanceId', 'group', 'family', 'revision', 'resources', 'ports'] as const;
const MAX_ID_LENGTH = 1600;
/** What was validated from frozen resources and ports: a snapshot's tasks of one kind share them, and restoring 300,000 tasks then checks a few. */
const frozenResources = new WeakMap<object, Readonly<Record<string, number>>>();
const frozenPorts = new WeakMap<object, PortLists>();

/**
 * Validates one running task as a snapshot reports it. Whether its instance
 * exists and has room for it is checked with the other tasks, by
 * {@link validateClusterOptions}.
 *
 * @param value - the untrusted task
 * @param path - how the caller names it, such as `options.tasks[3]`
 * @returns the task: resources of 0 and dynamic ports dropped
 * @throws {@link PlacementInputError} for any fault of the task itself, with its path
 */
export function validateRunningTask(value: unknown, path: string): TaskInfo {
  const fields = readObject(value, path, KEYS);
  const taskId = validateId(requireField(fields, 'taskId', path), keyPath(path, 'taskId'), MAX_ID_LENGTH);
  const instanceId = validateId(requireField(fields, 'instanceId', path), keyPath(path, 'instanceId'), MAX_ID_LENGTH);
  const group = validateName(requireField(fields, 'group', path), keyPath(path, 'group'), 'group');
  const family = optionalField(fields, 'family', path, (given, at) => validateName(given, at, 'family'));
  const revision = optionalField(fields, 'revision', path, validateRevision);
  const givenResources = requireField(fields, 'resources', path);
  const resources = reuseFrozen(frozenResources, givenResources, () => validateResources(givenResources, keyPath(path, 'resources'), { required: [], dropZero: true, share: true }));
  const ports = optionalField(fields, 'ports', path, (given, at) => reuseFrozen(frozenPorts, given, () => validateTaskPorts(given, at))) ?? EMPTY_PORTS;
  const task: { -readonly [K in keyof TaskInfo]: TaskInfo[K] } = { taskId, instanceId, group, resources, ports };
  if (family !== undefined) task.family = family;
  if (revision !== undefined) task.revision = revision;
  return task;
}
