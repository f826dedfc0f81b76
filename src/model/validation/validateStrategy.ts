/**
 * One placement strategy: an ECS spec `{ type, field? }` or a custom
 * {@link Strategy} object.
 *
 * @module
 */
import { ATTRIBUTE_NAME } from '../../query/subjects';
import { binpack } from '../../strategies/binpack';
import { random } from '../../strategies/random';
import { spread } from '../../strategies/spread';
import type { Strategy } from '../../strategies/Strategy';
import { PlacementInputError } from '../PlacementInputError';
import { describeValue, quote } from './describeValue';
import { expectString, isRecord, readObject, requireField, type Fields } from './fields';
import { keyPath } from './paths';
import { resourceNameProblem } from './validateResources';

const SPEC_KEYS = ['type', 'field'] as const;
const ATTRIBUTE_PREFIX = 'attribute:';

/**
 * Validates one strategy and builds it.
 *
 * @param value - the untrusted strategy
 * @param path - where it is, such as `request.placementStrategy[0]`
 * @returns the strategy: built with {@link binpack}, {@link spread} or
 *   {@link random} from a spec, or the custom object itself
 * @throws {@link PlacementInputError} `invalid_type`, `unknown_field`,
 *   `missing_field`, `unknown_strategy_type`, `invalid_strategy_field`, or
 *   `invalid_strategy` for a custom strategy without a name or `rank` function
 */
export function validateStrategy(value: unknown, path: string): Strategy {
  if (!isRecord(value)) {
    throw new PlacementInputError('invalid_type', path, `Give a strategy such as { type: 'binpack', field: 'memory' } or a Strategy object, not ${describeValue(value)}.`);
  }
  // `in`, not own keys: a strategy written as a class has `rank` on its prototype.
  if ('rank' in value || ('name' in value && !('type' in value))) return checkCustomStrategy(value, path);
  const fields = readObject(value, path, SPEC_KEYS);
  const type = expectString(requireField(fields, 'type', path), keyPath(path, 'type'));
  switch (type) {
    case 'binpack':
      return binpack(binpackField(fields, path));
    case 'spread':
      return spread(spreadField(fields, path));
    case 'random':
      if (fields.field !== undefined) throw new PlacementInputError('invalid_strategy_field', keyPath(path, 'field'), 'Remove the field: random takes none.');
      return random();
    default:
      throw new PlacementInputError('unknown_strategy_type', keyPath(path, 'type'), `Use the strategy type 'binpack', 'spread' or 'random' instead of ${quote(type)}.`);
  }
}

function checkCustomStrategy(value: Readonly<Record<string, unknown>>, path: string): Strategy {
  const { name, rank } = value;
  if (typeof name !== 'string' || name === '') {
    throw new PlacementInputError('invalid_strategy', keyPath(path, 'name'), 'Give the custom strategy a non-empty name; explanations show it.');
  }
  if (typeof rank !== 'function') {
    throw new PlacementInputError('invalid_strategy', keyPath(path, 'rank'), `Give the custom strategy a rank function, not ${describeValue(rank)}.`);
  }
  return value as unknown as Strategy;
}

function binpackField(fields: Fields<'type' | 'field'>, path: string): string {
  const fieldPath = keyPath(path, 'field');
  if (fields.field === undefined) throw new PlacementInputError('invalid_strategy_field', fieldPath, "binpack needs a resource name, such as 'memory' or 'cpu'.");
  const field = expectString(fields.field, fieldPath);
  const problem = resourceNameProblem(field);
  if (problem !== undefined) throw new PlacementInputError('invalid_strategy_field', fieldPath, problem);
  return field;
}

function spreadField(fields: Fields<'type' | 'field'>, path: string): string {
  const fieldPath = keyPath(path, 'field');
  const forms = "'instanceId', 'host' or 'attribute:NAME' (such as 'attribute:ecs.availability-zone')";
  if (fields.field === undefined) throw new PlacementInputError('invalid_strategy_field', fieldPath, `spread needs a field: ${forms}.`);
  const field = expectString(fields.field, fieldPath);
  if (field === 'instanceId' || field === 'host') return field;
  if (field.startsWith(ATTRIBUTE_PREFIX) && ATTRIBUTE_NAME.test(field.slice(ATTRIBUTE_PREFIX.length))) return field;
  throw new PlacementInputError('invalid_strategy_field', fieldPath, `Spread by ${forms}, not ${quote(field)}.`);
}
