/**
 * The short notation of strategies and constraints that explanations print
 * (`spread(attribute:ecs.availability-zone),binpack(memory)`), read back into
 * ECS's objects, for command lines and forms.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import type { PlacementConstraint, PlacementStrategy } from '../model/PlacementRequest';
import { validateConstraints } from '../model/validation/validateConstraints';
import { validateStrategies } from '../model/validation/validateStrategies';
import { rethrowAt } from './json';
import { refuseExtensionStrategies } from './refuseExtensionStrategies';

const ITEM = /^\s*([A-Za-z]+)\s*(?:\((.*)\))?\s*$/s;

/**
 * Reads a comma-separated list of strategies: `binpack(FIELD)`,
 * `spread(FIELD)` and `random`, such as
 * `spread(attribute:ecs.availability-zone),binpack(memory)`.
 *
 * @param text - the notation
 * @returns the strategies, checked by the library's rules (at most 5, known
 *   fields)
 * @throws {@link task-placement!PlacementInputError} `invalid_notation` for text that does
 *   not read, and the library's codes (`unknown_strategy_type`,
 *   `invalid_strategy_field`, `too_many_strategies`) with the position of the
 *   faulty strategy as path, such as `[1]`
 */
export function parseStrategyNotation(text: string): PlacementStrategy[] {
  if (text.trim() === '') throw notation('', 'expected at least one strategy, such as binpack(memory) or random');
  const strategies = text.split(',').map((item, index): PlacementStrategy => {
    const match = ITEM.exec(item);
    if (match === null) throw notation(`[${index}]`, `expected type(field) or random, got ${JSON.stringify(item.trim())}`);
    const [, type, field] = match;
    if (type === 'random' && field !== undefined) throw notation(`[${index}]`, 'expected random without a field');
    if (type !== 'random' && (field === undefined || field.trim() === '')) throw notation(`[${index}]`, `expected a field in parentheses, such as ${type}(memory)`);
    return { type: type as PlacementStrategy['type'], ...(field === undefined ? {} : { field: field.trim() }) };
  });
  refuseExtensionStrategies(strategies, '');
  validateStrategies(strategies, '');
  return strategies;
}

/**
 * Reads one constraint: `distinctInstance` or `memberOf(EXPRESSION)`, such
 * as `memberOf(attribute:ecs.instance-type =~ t3.*)`. The expression is
 * everything between the first `(` and the last `)`.
 *
 * @param text - the notation
 * @returns the constraint, its expression parsed
 * @throws {@link task-placement!PlacementInputError} `invalid_notation` for text that does
 *   not read, `empty_expression` or `invalid_expression` (whose `cause` is
 *   the {@link task-placement!QueryError}) for a bad expression
 */
export function parseConstraintNotation(text: string): PlacementConstraint {
  const trimmed = text.trim();
  if (trimmed === 'distinctInstance') return { type: 'distinctInstance' };
  const match = /^memberOf\s*\((.*)\)$/s.exec(trimmed);
  if (match === null) throw notation('', `expected distinctInstance or memberOf(EXPRESSION), got ${JSON.stringify(trimmed)}`);
  const constraint: PlacementConstraint = { type: 'memberOf', expression: (match[1] ?? '').trim() };
  rethrowAt('', () => validateConstraints([constraint], '', { allowDistinctInstance: true, alreadyCounted: 0 }));
  return constraint;
}

function notation(path: string, summary: string): PlacementInputError {
  return new PlacementInputError('invalid_notation', path, summary);
}
