/**
 * The options of a new {@link Cluster}.
 *
 * @module
 */
import type { EngineName } from '../../placement/PlacementEngine';
import type { NormalizedInstance } from '../NormalizedInstance';
import { PlacementInputError } from '../PlacementInputError';
import { quote } from './describeValue';
import { expectArray, optionalField, readObject, type Fields } from './fields';
import { indexPath, keyPath } from './paths';
import { validateEngine } from './validateEngine';
import { validateInstanceSpec } from './validateInstanceSpec';
import { validateSeed } from './validateSeed';

/** Validated cluster options, with defaults filled in. */
export interface ValidClusterOptions {
  /** The instances to register, in order. */
  readonly instances: NormalizedInstance[];
  /** The seed of the random generator. */
  readonly seed: number;
  /** The engine to run. */
  readonly engine: EngineName;
}

const PATH = 'options';
const KEYS = ['instances', 'seed', 'engine'] as const;

/**
 * Validates the options of a new cluster. `undefined` stands for no options.
 *
 * @param value - the untrusted options
 * @returns the options: no instances, seed 1 and the `indexed` engine by default
 * @throws {@link PlacementInputError} with paths under `options`: any fault of
 *   an instance (`options.instances[2].id`), `duplicate_instance` at the later
 *   of two instances with one id, `invalid_option` for a seed that is not a
 *   safe integer or an unknown engine
 */
export function validateClusterOptions(value: unknown): ValidClusterOptions {
  const fields: Fields<(typeof KEYS)[number]> = value === undefined ? {} : readObject(value, PATH, KEYS);
  return {
    instances: optionalField(fields, 'instances', PATH, validateInstances) ?? [],
    seed: optionalField(fields, 'seed', PATH, validateSeed) ?? 1,
    engine: optionalField(fields, 'engine', PATH, validateEngine) ?? 'indexed',
  };
}

function validateInstances(value: unknown, path: string): NormalizedInstance[] {
  const list = expectArray(value, path);
  const instances: NormalizedInstance[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index += 1) {
    const instancePath = indexPath(path, index);
    const instance = validateInstanceSpec(list[index], instancePath);
    if (seen.has(instance.id)) {
      throw new PlacementInputError('duplicate_instance', keyPath(instancePath, 'id'), `Give this instance another id: ${quote(instance.id)} is already used by an earlier instance.`);
    }
    seen.add(instance.id);
    instances.push(instance);
  }
  return instances;
}
