/**
 * A request's capacity provider strategy, checked with ECS's rules.
 *
 * @module
 */
import { isCapacityProviderName, MAX_CARRIED_PROVIDER_NAME } from '../isCapacityProviderName';
import { PlacementInputError } from '../PlacementInputError';
import type { ValidCapacityProviderItem } from '../ValidRequest';
import { describeValue } from './describeValue';
import { expectArray, expectNumber, expectString, optionalField, readObject, requireField } from './fields';
import { indexPath, keyPath } from './paths';

/** ECS's limit on the providers of one strategy (CapacityProviderStrategyItem, since 2024; 6 before). */
export const MAX_CAPACITY_PROVIDERS = 20;
/** The highest `weight` ECS takes. */
export const MAX_CAPACITY_PROVIDER_WEIGHT = 1000;
/** The highest `base` ECS takes. */
export const MAX_CAPACITY_PROVIDER_BASE = 100_000;
const KEYS = ['capacityProvider', 'base', 'weight'] as const;

/**
 * Validates a capacity provider strategy with ECS's rules: 1 to 20
 * providers, each named once as ECS names them, `weight` a whole number
 * from 0 to 1,000 and `base` from 0 to 100,000 (both 0 when not given), at
 * most one provider with a base above 0, and with several providers at
 * least one of weight above 0 (ECS fails a call whose providers all weigh
 * 0).
 *
 * @param value - the untrusted strategy
 * @param path - where it is, such as `request.capacityProviderStrategy`
 * @returns the providers in order, base and weight filled in, frozen
 * @throws {@link PlacementInputError} `invalid_type`, `unknown_field` or
 *   `missing_field` for a malformed item, `invalid_name` for a name ECS
 *   would not give a provider (or one longer than the 128 characters an
 *   instance's attribute value holds), and
 *   `invalid_capacity_provider_strategy` for a rule above, at the path of
 *   the value that breaks it
 */
export function validateCapacityProviderStrategy(value: unknown, path: string): readonly ValidCapacityProviderItem[] {
  const list = expectArray(value, path);
  if (list.length === 0 || list.length > MAX_CAPACITY_PROVIDERS) {
    throw strategyError(path, `Name 1 to ${MAX_CAPACITY_PROVIDERS} capacity providers, as ECS allows in a strategy; there are ${list.length}. Leave the field out to place on every instance.`);
  }
  const items: ValidCapacityProviderItem[] = [];
  // An index loop rather than map, which would skip the holes of a sparse array unchecked.
  for (let index = 0; index < list.length; index += 1) {
    const itemPath = indexPath(path, index);
    const item = validateItem(list[index], itemPath);
    if (items.some((earlier) => earlier.capacityProvider === item.capacityProvider)) {
      throw strategyError(keyPath(itemPath, 'capacityProvider'), `Name each capacity provider once: ${item.capacityProvider} is already in the strategy; merge the two items.`);
    }
    const based = items.find((earlier) => earlier.base > 0);
    if (item.base > 0 && based !== undefined) {
      throw strategyError(keyPath(itemPath, 'base'), `Give a base to one capacity provider only, as ECS requires: ${based.capacityProvider} already has one.`);
    }
    items.push(Object.freeze(item));
  }
  if (items.length > 1 && items.every((item) => item.weight === 0)) {
    throw strategyError(path, 'Give at least one capacity provider a weight above 0: ECS fails a call whose strategy gives several providers all a weight of 0.');
  }
  return Object.freeze(items);
}

function validateItem(value: unknown, path: string): ValidCapacityProviderItem {
  const fields = readObject(value, path, KEYS);
  const namePath = keyPath(path, 'capacityProvider');
  const name = expectString(requireField(fields, 'capacityProvider', path), namePath);
  if (!isCapacityProviderName(name)) {
    throw new PlacementInputError('invalid_name', namePath, "Write the capacity provider's name with 1 to 255 letters, digits, '-' or '_', as ECS requires.");
  }
  if (name.length > MAX_CARRIED_PROVIDER_NAME) {
    throw new PlacementInputError(
      'invalid_name', namePath,
      `Name a capacity provider of at most ${MAX_CARRIED_PROVIDER_NAME} characters: instances carry their provider as an attribute value, which ECS limits to ${MAX_CARRIED_PROVIDER_NAME}.`,
    );
  }
  return {
    capacityProvider: name,
    base: optionalField(fields, 'base', path, (given, at) => wholeNumber(given, at, MAX_CAPACITY_PROVIDER_BASE, 'base')) ?? 0,
    weight: optionalField(fields, 'weight', path, (given, at) => wholeNumber(given, at, MAX_CAPACITY_PROVIDER_WEIGHT, 'weight')) ?? 0,
  };
}

function wholeNumber(value: unknown, path: string, max: number, field: 'base' | 'weight'): number {
  const number = expectNumber(value, path);
  if (!Number.isInteger(number) || number < 0 || number > max) {
    throw strategyError(path, `Give a ${field} that is a whole number from 0 to ${max.toLocaleString('en-US')}, as ECS requires; got ${describeNumber(number)}.`);
  }
  return number;
}

function describeNumber(number: number): string {
  return Number.isFinite(number) ? String(number) : describeValue(number);
}

function strategyError(path: string, summary: string): PlacementInputError {
  return new PlacementInputError('invalid_capacity_provider_strategy', path, summary);
}
