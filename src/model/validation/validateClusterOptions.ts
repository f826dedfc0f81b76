/**
 * The options of a new {@link Cluster}.
 *
 * @module
 */
import type { EngineName } from '../EngineName';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectArray, expectNumber, isRecord, optionalField, readObject, type Fields, unreadableInput } from './fields';
import { indexPath, keyPath, validateElement } from './paths';
import { validateEngine } from './validateEngine';
import type { RestoredInstance } from './checkRestoredTasks';
import { validateInstanceSnapshot, validateInstanceSpec } from './validateInstanceSpec';
import { validateRunningTask } from './validateRunningTask';
import { validateSeed } from './validateSeed';
import type { TaskInfo } from '../TaskInfo';

/** Validated cluster options, with defaults filled in. */
export interface ValidClusterOptions {
  /** The instances to register, in order, with what a snapshot says their tasks use. */
  readonly instances: RestoredInstance[];
  /** The running tasks to restore on them, in placement order, each checked on its own: `checkRestoredTasks` checks them against the instances while they are restored. */
  readonly tasks: TaskInfo[];
  /** The number in the first new task's id. */
  readonly nextTaskNumber: number;
  /** The seed of the random generator. */
  readonly seed: number;
  /** The engine to run. */
  readonly engine: EngineName;
}

const PATH = 'options';
const KEYS = ['instances', 'tasks', 'nextTaskNumber', 'seed', 'engine'] as const;

/**
 * Validates the options of a new cluster. `undefined` stands for no options.
 *
 * @param value - the untrusted options
 * @remarks
 * An instance is an {@link InstanceSpec}, or an {@link InstanceInfo} as
 * {@link Cluster.snapshot} reports it (recognised by `registeredResources`),
 * so that `new Cluster({ ...cluster.snapshot(), seed })` restores a cluster;
 * what a snapshot says an instance's tasks use must then be what the tasks
 * given add up to.
 *
 * @param value - the untrusted options
 * @returns the options: no instances or tasks, seed 1 and the `indexed` engine by default
 * @throws {@link PlacementInputError} with paths under `options`: any fault of
 *   an instance (`options.instances[2].id`) or task (`options.tasks[4].group`),
 *   `duplicate_instance` at the later of two instances with one id,
 *   `invalid_option` for a seed that is
 *   not a safe integer, a next task number that is not a positive one, or an
 *   unknown engine
 */
export function validateClusterOptions(value: unknown): ValidClusterOptions {
  try {
    const fields: Fields<(typeof KEYS)[number]> = value === undefined ? {} : readObject(value, PATH, KEYS);
    const restored = optionalField(fields, 'instances', PATH, validateInstances) ?? [];
    const tasks = optionalField(fields, 'tasks', PATH, validateRunningTasks) ?? [];
    return {
      instances: restored,
      tasks,
      nextTaskNumber: optionalField(fields, 'nextTaskNumber', PATH, validateTaskNumber) ?? 1,
      seed: optionalField(fields, 'seed', PATH, validateSeed) ?? 1,
      engine: optionalField(fields, 'engine', PATH, validateEngine) ?? 'indexed',
    };
  } catch (error) {
    throw unreadableInput(error, 'options');
  }
}

function validateInstances(value: unknown, path: string): RestoredInstance[] {
  const list = expectArray(value, path);
  const instances: RestoredInstance[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index += 1) {
    const restored = validateElement(validateInstance, list[index], path, index);
    if (seen.has(restored.instance.id)) {
      throw new PlacementInputError('duplicate_instance', keyPath(indexPath(path, index), 'id'), `Give this instance another id: ${quote(restored.instance.id)} is already used by an earlier instance.`);
    }
    seen.add(restored.instance.id);
    instances.push(restored);
  }
  return instances;
}

/** An instance as a spec gives it, or as a snapshot reports it (with `registeredResources`). */
function validateInstance(given: unknown, path: string): RestoredInstance {
  if (isRecord(given) && 'registeredResources' in given) return validateInstanceSnapshot(given, path);
  return { instance: validateInstanceSpec(given, path), recorded: undefined };
}

function validateTaskNumber(value: unknown, path: string): number {
  const number = expectNumber(value, path);
  if (!Number.isSafeInteger(number) || number < 1) throw new PlacementInputError('invalid_option', path, 'Give the next task number as a whole number of at least 1, as a snapshot gives it.');
  return number;
}

function validateRunningTasks(value: unknown, path: string): TaskInfo[] {
  const list = expectArray(value, path);
  // An index loop rather than map, which would skip the holes of a sparse array unchecked.
  const tasks: TaskInfo[] = [];
  for (let index = 0; index < list.length; index += 1) tasks.push(validateElement(validateRunningTask, list[index], path, index));
  return tasks;
}
