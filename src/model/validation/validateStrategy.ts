/**
 * One placement strategy: an ECS spec `{ type, field? }` or a caller's own
 * {@link Strategy} object.
 *
 * @module
 */
import { ATTRIBUTE_NAME } from '../../query/subjects';
import { binpackResource } from '../binpackResource';
import { PACK_SCORERS, type PackScorer } from '../PackStrategy';
import { PlacementInputError } from '../PlacementInputError';
import { MAX_PREFER_WEIGHT, MIN_PREFER_WEIGHT } from '../PreferStrategy';
import type { Strategy } from '../Strategy';
import type { ValidStrategy } from '../ValidRequest';
import { isAttributeField } from '../fieldAttribute';
import { describeValue, quote } from './describeValue';
import { expectArray, expectNumber, expectString, isRecord, optionalField, readObject, requireField, type Fields } from './fields';
import { indexPath, keyPath } from './paths';
import { validateExpression } from './validateExpression';
import { resourceNameProblem } from './validateResources';
import { validateTaskSelector } from './validateTaskSelector';

const SPEC_KEYS = ['type', 'field', 'taskSelector'] as const;
const PACK_KEYS = ['type', 'resources', 'scorer', 'weights'] as const;
const PREFER_KEYS = ['type', 'expression', 'weight'] as const;
/** Enough for every resource a fleet is likely to register; a longer list is more likely a mistake. */
const MAX_PACK_RESOURCES = 8;

/**
 * Validates one strategy.
 *
 * @param value - the untrusted strategy
 * @param path - where it is, such as `request.placementStrategy[0]`
 * @returns the spec with its field (binpack's `cpu` or `memory` in lower case,
 *   however the request wrote it, as ECS reads them in any case), a `pack`
 *   spec with its weights filled in (1 each by default), a `prefer` spec
 *   with its expression parsed, or the caller's object itself
 * @throws {@link PlacementInputError} `invalid_type`, `unknown_field`,
 *   `missing_field`, `unknown_strategy_type`, `invalid_strategy_field` (for
 *   `pack`: a resource that is not a resource name or is named twice, none
 *   or more than 8, an unknown scorer, a weight not above 0 and finite, or
 *   not one weight per resource; for `prefer`: a weight that is not a whole
 *   number from -100 to 100; a spread's `taskSelector` that selects by
 *   nothing, or a task selector on another strategy), `invalid_name` or
 *   `invalid_revision` for a selector's family or revision, `empty_expression` or `invalid_expression`
 *   for a `prefer` expression, or `invalid_strategy` for a caller's
 *   strategy without a name, with an unknown `dependsOn`, or without the
 *   function or attribute its kind needs
 */
export function validateStrategy(value: unknown, path: string): ValidStrategy {
  if (!isRecord(value)) {
    throw new PlacementInputError('invalid_type', path, `Give a strategy such as { type: 'binpack', field: 'memory' } or a Strategy object, not ${describeValue(value)}.`);
  }
  // `in`, not own keys: a strategy written as a class has its members on its prototype.
  if ('rank' in value || 'key' in value || 'dependsOn' in value || ('name' in value && !('type' in value))) return checkCustomStrategy(value, path);
  if (value['type'] === 'pack') return packSpec(readObject(value, path, PACK_KEYS), path);
  if (value['type'] === 'prefer') return preferSpec(readObject(value, path, PREFER_KEYS), path);
  const fields = readObject(value, path, SPEC_KEYS);
  const type = expectString(requireField(fields, 'type', path), keyPath(path, 'type'));
  switch (type) {
    case 'spread': {
      const field = spreadField(fields, path);
      const taskSelector = optionalField(fields, 'taskSelector', path, (given, at) => validateTaskSelector(given, at, 'invalid_strategy_field'));
      return taskSelector === undefined ? { type, field } : { type, field, taskSelector };
    }
    case 'binpack':
    case 'random':
      if (fields.taskSelector !== undefined) {
        throw new PlacementInputError('invalid_strategy_field', keyPath(path, 'taskSelector'), `Remove the task selector: only spread counts tasks, and ${type} counts none.`);
      }
      if (type === 'binpack') return { type, field: binpackField(fields, path) };
      if (fields.field !== undefined) throw new PlacementInputError('invalid_strategy_field', keyPath(path, 'field'), 'Remove the field: random takes none.');
      return { type };
    default:
      throw new PlacementInputError('unknown_strategy_type', keyPath(path, 'type'), `Use the strategy type 'binpack', 'spread' or 'random' (ECS's), or 'pack' or 'prefer' (this library's), instead of ${quote(type)}.`);
  }
}

/** The pack extension: its resources, each once and each a resource name; its scorer; a positive weight per resource. */
function packSpec(fields: Fields<(typeof PACK_KEYS)[number]>, path: string): ValidStrategy {
  const resourcesPath = keyPath(path, 'resources');
  // Array.from rather than map, which would skip the holes of a sparse array unchecked.
  const resources = Array.from(expectArray(requireField(fields, 'resources', path), resourcesPath), (given, index) => {
    const at = indexPath(resourcesPath, index);
    const resource = expectString(given, at);
    const problem = resourceNameProblem(resource);
    if (problem !== undefined) throw new PlacementInputError('invalid_strategy_field', at, problem);
    return resource;
  });
  if (resources.length === 0 || resources.length > MAX_PACK_RESOURCES) {
    throw new PlacementInputError('invalid_strategy_field', resourcesPath, `Give pack 1 to ${MAX_PACK_RESOURCES} resource names to score, such as ['cpu', 'memory']; this lists ${resources.length}.`);
  }
  const repeated = resources.findIndex((resource, index) => resources.indexOf(resource) !== index);
  if (repeated >= 0) {
    throw new PlacementInputError('invalid_strategy_field', indexPath(resourcesPath, repeated), `Name ${quote(resources[repeated] as string)} once; give it a weight to count it more.`);
  }
  const scorerPath = keyPath(path, 'scorer');
  const scorer = expectString(requireField(fields, 'scorer', path), scorerPath);
  if (!(PACK_SCORERS as readonly string[]).includes(scorer)) {
    throw new PlacementInputError('invalid_strategy_field', scorerPath, `Use one of the scorers ${PACK_SCORERS.slice(0, -1).map((name) => `'${name}'`).join(', ')} or '${PACK_SCORERS[PACK_SCORERS.length - 1] as string}', not ${quote(scorer)}.`);
  }
  const weights = fields.weights === undefined ? resources.map(() => 1) : packWeights(fields.weights, keyPath(path, 'weights'), resources.length);
  return { type: 'pack', resources: Object.freeze(resources), scorer: scorer as PackScorer, weights: Object.freeze(weights) };
}

function packWeights(value: unknown, path: string, count: number): number[] {
  const weights = Array.from(expectArray(value, path), (given, index) => {
    const at = indexPath(path, index);
    const weight = expectNumber(given, at);
    if (!(weight > 0 && Number.isFinite(weight))) throw new PlacementInputError('invalid_strategy_field', at, `Give each weight as a finite number above 0, not ${String(weight)}.`);
    return weight;
  });
  if (weights.length !== count) {
    throw new PlacementInputError('invalid_strategy_field', path, `Give one weight per resource, ${count} in the order of resources; this lists ${weights.length}.`);
  }
  return weights;
}

/** The prefer extension: an expression that parses, and a whole weight from -100 to 100. */
function preferSpec(fields: Fields<(typeof PREFER_KEYS)[number]>, path: string): ValidStrategy {
  const { expression, query } = validateExpression(requireField(fields, 'expression', path), keyPath(path, 'expression'), 'prefer');
  const weightPath = keyPath(path, 'weight');
  const weight = expectNumber(requireField(fields, 'weight', path), weightPath);
  if (!Number.isInteger(weight) || weight < MIN_PREFER_WEIGHT || weight > MAX_PREFER_WEIGHT) {
    throw new PlacementInputError('invalid_strategy_field', weightPath, `Give prefer a weight that is a whole number from ${MIN_PREFER_WEIGHT} to ${MAX_PREFER_WEIGHT}, not ${String(weight)}.`);
  }
  // -0 is 0: a weight's sign never shows in a key.
  return { type: 'prefer', expression, query, weight: weight === 0 ? 0 : weight };
}

/** What each kind of caller's strategy must have besides its name. */
const NEEDS: Readonly<Record<string, { readonly member: string; readonly what: string } | undefined>> = {
  instance: { member: 'key', what: 'a key function of the instance' },
  anything: { member: 'rank', what: 'a rank function' },
};

function checkCustomStrategy(value: Readonly<Record<string, unknown>>, path: string): Strategy {
  const { name } = value;
  const dependsOn = value['dependsOn'] ?? 'anything';
  if (typeof name !== 'string' || name === '') {
    throw new PlacementInputError('invalid_strategy', keyPath(path, 'name'), 'Give the custom strategy a non-empty name; explanations show it.');
  }
  if (dependsOn === 'groupTasks') {
    const attribute = value['bucketAttribute'];
    if (attribute !== undefined && (typeof attribute !== 'string' || !ATTRIBUTE_NAME.test(attribute))) {
      throw new PlacementInputError('invalid_strategy', keyPath(path, 'bucketAttribute'), `Give the attribute to bucket by as an attribute name, or leave it out to count per instance; not ${describeValue(attribute)}.`);
    }
    if (value['taskSelector'] !== undefined) validateTaskSelector(value['taskSelector'], keyPath(path, 'taskSelector'), 'invalid_strategy');
    return value as unknown as Strategy;
  }
  if (dependsOn === 'draw') return value as unknown as Strategy;
  const needs = typeof dependsOn === 'string' ? NEEDS[dependsOn] : undefined;
  if (needs === undefined) {
    throw new PlacementInputError('invalid_strategy', keyPath(path, 'dependsOn'), `Say what the strategy's key depends on with 'instance', 'groupTasks', 'draw' or 'anything' (the default), not ${describeValue(dependsOn)}.`);
  }
  if (typeof value[needs.member] !== 'function') {
    throw new PlacementInputError('invalid_strategy', keyPath(path, needs.member), `Give the custom strategy ${needs.what}, not ${describeValue(value[needs.member])}.`);
  }
  return value as unknown as Strategy;
}

/** ECS binpacks on cpu and memory in any case; the library's other resources have one spelling, so the strategy's name is the same however the request wrote it. */
function binpackField(fields: Fields<'type' | 'field' | 'taskSelector'>, path: string): string {
  const fieldPath = keyPath(path, 'field');
  if (fields.field === undefined) throw new PlacementInputError('invalid_strategy_field', fieldPath, "binpack needs a resource name, such as 'memory' or 'cpu'.");
  const field = binpackResource(expectString(fields.field, fieldPath));
  if (field.toLowerCase() === 'gpu' && field !== 'gpu') {
    throw new PlacementInputError('invalid_strategy_field', fieldPath, `Write ${quote(field)} as 'gpu': ECS binpacks on cpu and memory only (in any case), and binpack on gpu is this library's, spelt in lower case.`);
  }
  const problem = resourceNameProblem(field);
  if (problem !== undefined) throw new PlacementInputError('invalid_strategy_field', fieldPath, problem);
  return field;
}

function spreadField(fields: Fields<'type' | 'field' | 'taskSelector'>, path: string): string {
  const fieldPath = keyPath(path, 'field');
  const forms = "'instanceId', 'host' or 'attribute:NAME' (such as 'attribute:ecs.availability-zone')";
  if (fields.field === undefined) throw new PlacementInputError('invalid_strategy_field', fieldPath, `spread needs a field: ${forms}.`);
  const field = expectString(fields.field, fieldPath);
  if (field === 'instanceId' || field === 'host') return field;
  if (isAttributeField(field)) return field;
  throw new PlacementInputError('invalid_strategy_field', fieldPath, `Spread by ${forms}, not ${quote(field)}.`);
}
