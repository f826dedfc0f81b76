/**
 * Capacity providers: the one each container instance belongs to, and a
 * request's `capacityProviderStrategy`, read into the core's
 * {@link task-placement!PlacementRequest.capacityProviderStrategy}.
 *
 * @module
 */
import type { CapacityProviderStrategyItem } from '../model/CapacityProviderStrategyItem';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../model/capacityProviderAttribute';
import { isCapacityProviderName, MAX_CARRIED_PROVIDER_NAME } from '../model/isCapacityProviderName';
import {
  MAX_CAPACITY_PROVIDER_BASE, MAX_CAPACITY_PROVIDER_WEIGHT, MAX_CAPACITY_PROVIDERS,
} from '../model/validation/validateCapacityProviderStrategy';
import { indexPath, keyPath } from '../model/validation/paths';
import { ecsError, expected, optional, readArray, readRecord, readString, readWholeNumber, required } from './json';
import { refuseUnknownFields } from './refuseUnknownFields';

const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];
const ITEM_FIELDS: readonly string[] = ['capacityProvider', 'weight', 'base'];

/**
 * Reads a container instance's `capacityProviderName`.
 *
 * @param value - the value in the document
 * @param path - its path
 * @returns the name
 * @throws {@link task-placement!PlacementInputError} `invalid_ecs_json` for a name ECS would not give a provider
 */
export function readCapacityProviderName(value: unknown, path: string): string {
  const name = readString(value, path);
  if (!isCapacityProviderName(name)) throw expected('a capacity provider name (1 to 255 letters, digits, _ and -)', value, path);
  return name;
}

/**
 * The attributes an instance of a capacity provider carries for it: the
 * provider's name under {@link task-placement!CAPACITY_PROVIDER_ATTRIBUTE}, when it fits.
 *
 * @param name - the instance's capacity provider, from {@link readCapacityProviderName}
 * @returns the attribute to add, or none
 */
export function capacityProviderAttributes(name: string | undefined): Readonly<Record<string, string>> {
  return name === undefined || name.length > MAX_CARRIED_PROVIDER_NAME ? {} : { [CAPACITY_PROVIDER_ATTRIBUTE]: name };
}

/**
 * Reads a request's `capacityProviderStrategy`: the providers that share its
 * tasks, with their `base` and `weight`.
 *
 * @remarks
 * The items are passed to the core as written (a `weight` or `base` left
 * out stays out: both are 0 then, as in ECS); `Cluster.place` shares the
 * tasks by them (see the Capacity provider strategies section of
 * docs/lifecycle.md). Read here with the document's paths: `weight` from 0
 * to 1,000, `base` from 0 to 100,000, at most 20 providers, and several
 * providers all of weight 0 refused, as ECS fails the call; the core's
 * rules (each provider once, one base) follow. Fargate's providers are
 * refused (`unsupported_ecs_feature`): they have no container instances.
 *
 * @param value - the strategy in the request
 * @param path - its path
 * @returns the items; `undefined` for an empty strategy, which names none
 *   (the cluster's default strategy then applies)
 * @throws {@link task-placement!PlacementInputError} with the path of the first fault
 */
export function readCapacityProviderStrategy(value: unknown, path: string): CapacityProviderStrategyItem[] | undefined {
  const list = readArray(value, path);
  if (list.length === 0) return undefined;
  if (list.length > MAX_CAPACITY_PROVIDERS) {
    throw ecsError(path, `expected at most ${MAX_CAPACITY_PROVIDERS} capacity providers, as ECS allows in a strategy, got ${list.length}`);
  }
  const items = list.map((item, index) => readItem(item, indexPath(path, index)));
  if (items.length > 1 && items.every((item) => (item.weight ?? 0) === 0)) {
    throw ecsError(path, 'expected a capacity provider of weight above 0: ECS fails a call whose strategy gives several providers all a weight of 0');
  }
  return items;
}

function readItem(value: unknown, path: string): CapacityProviderStrategyItem {
  const item = readRecord(value, path);
  refuseUnknownFields(item, path, ITEM_FIELDS, 'a capacity provider strategy item');
  const namePath = keyPath(path, 'capacityProvider');
  const name = required(item, 'capacityProvider', path, readCapacityProviderName, 'an item names its capacity provider');
  if (FARGATE_PROVIDERS.includes(name)) {
    throw ecsError(namePath, `expected a capacity provider of container instances: ${name} runs tasks on Fargate, without container instances to choose from`, 'unsupported_ecs_feature');
  }
  if (name.length > MAX_CARRIED_PROVIDER_NAME) {
    throw ecsError(namePath, `expected a capacity provider name of at most ${MAX_CARRIED_PROVIDER_NAME} characters: the library tells a provider's instances by an attribute, whose values ECS limits to ${MAX_CARRIED_PROVIDER_NAME}`, 'unsupported_ecs_feature');
  }
  const weight = optional(item, 'weight', path, (given, at) => inRange(given, at, MAX_CAPACITY_PROVIDER_WEIGHT));
  const base = optional(item, 'base', path, (given, at) => inRange(given, at, MAX_CAPACITY_PROVIDER_BASE));
  return { capacityProvider: name, ...(base === undefined ? {} : { base }), ...(weight === undefined ? {} : { weight }) };
}

function inRange(value: unknown, path: string, max: number): number {
  const number = readWholeNumber(value, path);
  if (number > max) throw expected(`a whole number from 0 to ${max.toLocaleString('en-US')}`, value, path);
  return number;
}
