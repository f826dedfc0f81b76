/**
 * The strategy list of a request.
 *
 * @module
 */
import { PlacementInputError } from '../PlacementInputError';
import type { ValidStrategy } from '../ValidRequest';
import { expectArray } from './fields';
import { indexPath } from './paths';
import { validateStrategy } from './validateStrategy';

/** ECS's limit on strategies per task or service. */
const MAX_STRATEGIES = 5;

/**
 * Validates a strategy list.
 *
 * @param value - the untrusted array
 * @param path - where it is, such as `request.placementStrategy`
 * @returns the strategies in order (possibly none)
 * @throws {@link PlacementInputError} `invalid_type` when the value is not an
 *   array, `too_many_strategies` for more than 5, and whatever
 *   {@link validateStrategy} throws for an element
 */
export function validateStrategies(value: unknown, path: string): ValidStrategy[] {
  const list = expectArray(value, path);
  if (list.length > MAX_STRATEGIES) {
    throw new PlacementInputError('too_many_strategies', path, `Give at most ${MAX_STRATEGIES} strategies, as ECS allows; this lists ${list.length}.`);
  }
  // An index loop rather than map, which would skip the holes of a sparse array unchecked.
  const strategies: ValidStrategy[] = [];
  for (let index = 0; index < list.length; index += 1) strategies.push(validateStrategy(list[index], indexPath(path, index)));
  return strategies;
}
