/**
 * Capacity providers: the one each container instance belongs to, and the
 * ones a request's `capacityProviderStrategy` names, as a constraint
 * placement honours.
 *
 * @module
 */
import type { MemberOfConstraint } from '../model/TaskSpec';
import { indexPath, keyPath } from '../model/validation/paths';
import { QUERY_LIMITS } from '../query/queryLimits';
import { ecsError, expected, optional, readArray, readRecord, readString, readWholeNumber, required } from './json';
import { refuseUnknownFields } from './refuseUnknownFields';

/**
 * The attribute under which the ECS readers record the capacity provider a
 * container instance belongs to (its `capacityProviderName`), so that
 * placement can tell the providers' instances apart.
 *
 * @remarks
 * ECS keeps the provider beside the instance's attributes, not among them:
 * its built-in attributes are `ecs.*` and none names a provider. This name
 * is the library's own, so that it cannot be taken for one of ECS's; it
 * may be used in queries (`attribute:task-placement.capacity-provider ==
 * prod-asg`) like any attribute. An instance whose provider's name is
 * longer than an attribute value may be (128 characters) does not carry it.
 */
export const CAPACITY_PROVIDER_ATTRIBUTE = 'task-placement.capacity-provider';

/** ECS's rule for a capacity provider's name (CreateCapacityProvider). */
const PROVIDER_NAME = /^[A-Za-z0-9_-]{1,255}$/;
/** The longest value an attribute may have, and so the longest provider name the library records. */
const MAX_RECORDED_NAME = 128;
/** ECS's limit on the providers of one strategy. */
const MAX_PROVIDERS = 20;
const MAX_WEIGHT = 1000;
const MAX_BASE = 100_000;
const FARGATE_PROVIDERS: readonly string[] = ['FARGATE', 'FARGATE_SPOT'];
const ITEM_FIELDS: readonly string[] = ['capacityProvider', 'weight', 'base'];

/**
 * Reads a container instance's `capacityProviderName`.
 *
 * @param value - the value in the document
 * @param path - its path
 * @returns the name
 * @throws {@link index!PlacementInputError} `invalid_ecs_json` for a name ECS would not give a provider
 */
export function readCapacityProviderName(value: unknown, path: string): string {
  const name = readString(value, path);
  if (!PROVIDER_NAME.test(name)) throw expected('a capacity provider name (1 to 255 letters, digits, _ and -)', value, path);
  return name;
}

/**
 * The attributes an instance of a capacity provider carries for it: the
 * provider's name under {@link CAPACITY_PROVIDER_ATTRIBUTE}, when it fits.
 *
 * @param name - the instance's capacity provider, from {@link readCapacityProviderName}
 * @returns the attribute to add, or none
 */
export function capacityProviderAttributes(name: string | undefined): Readonly<Record<string, string>> {
  return name === undefined || name.length > MAX_RECORDED_NAME ? {} : { [CAPACITY_PROVIDER_ATTRIBUTE]: name };
}

/**
 * Reads a request's `capacityProviderStrategy`: the providers whose
 * instances may take its tasks.
 *
 * @remarks
 * Only the set of providers is honoured, not how ECS shares tasks among
 * them: `weight` and `base` are read (0 to 1,000 and 0 to 100,000) but
 * not modelled. A provider that ECS would never give a task is left out:
 * with several providers, one of weight 0 and base 0 ("any capacity
 * providers with a weight of 0 can't be used to place tasks", though a
 * base is placed); and several providers all of weight 0 are refused, as
 * ECS fails the call. Fargate's providers are refused
 * (`unsupported_ecs_feature`): they have no container instances.
 *
 * @param value - the strategy in the request
 * @param path - its path
 * @returns the providers' names, each once; `undefined` for an empty strategy,
 *   which names none (the cluster's default strategy then applies)
 * @throws {@link index!PlacementInputError} with the path of the first fault
 */
export function readCapacityProviderStrategy(value: unknown, path: string): string[] | undefined {
  const list = readArray(value, path);
  if (list.length === 0) return undefined;
  if (list.length > MAX_PROVIDERS) throw ecsError(path, `expected at most ${MAX_PROVIDERS} capacity providers, as ECS allows in a strategy, got ${list.length}`);
  const items = list.map((item, index) => readItem(item, indexPath(path, index)));
  if (items.length > 1 && items.every((item) => item.weight === 0)) {
    throw ecsError(path, 'expected a capacity provider of weight above 0: ECS fails a call whose strategy gives several providers all a weight of 0');
  }
  const usable = items.length === 1 ? items : items.filter((item) => item.weight > 0 || item.base > 0);
  return [...new Set(usable.map((item) => item.name))];
}

interface StrategyItem {
  readonly name: string;
  readonly weight: number;
  readonly base: number;
}

function readItem(value: unknown, path: string): StrategyItem {
  const item = readRecord(value, path);
  refuseUnknownFields(item, path, ITEM_FIELDS, 'a capacity provider strategy item');
  const namePath = keyPath(path, 'capacityProvider');
  const name = required(item, 'capacityProvider', path, readCapacityProviderName, 'an item names its capacity provider');
  if (FARGATE_PROVIDERS.includes(name)) {
    throw ecsError(namePath, `expected a capacity provider of container instances: ${name} runs tasks on Fargate, without container instances to choose from`, 'unsupported_ecs_feature');
  }
  if (name.length > MAX_RECORDED_NAME) {
    throw ecsError(namePath, `expected a capacity provider name of at most ${MAX_RECORDED_NAME} characters: the library tells a provider's instances by an attribute, whose values ECS limits to ${MAX_RECORDED_NAME}`, 'unsupported_ecs_feature');
  }
  return {
    name,
    weight: optional(item, 'weight', path, (given, at) => inRange(given, at, MAX_WEIGHT)) ?? 0,
    base: optional(item, 'base', path, (given, at) => inRange(given, at, MAX_BASE)) ?? 0,
  };
}

function inRange(value: unknown, path: string, max: number): number {
  const number = readWholeNumber(value, path);
  if (number > max) throw expected(`a whole number from 0 to ${max.toLocaleString('en-US')}`, value, path);
  return number;
}

/**
 * The constraint that keeps a request's tasks on the instances of the
 * providers it names: `attribute:task-placement.capacity-provider in [A, B]`.
 *
 * @param providers - from {@link readCapacityProviderStrategy}
 * @param path - the strategy's path, for the error
 * @returns the constraint
 * @throws {@link index!PlacementInputError} `unsupported_ecs_feature` when the
 *   expression would be longer than ECS allows a memberOf expression
 */
export function capacityProviderConstraint(providers: readonly string[], path: string): MemberOfConstraint {
  const expression = `attribute:${CAPACITY_PROVIDER_ATTRIBUTE} in [${providers.join(', ')}]`;
  if (expression.length > QUERY_LIMITS.maxLength) {
    throw ecsError(path, `expected capacity providers whose names make a memberOf expression of at most ${QUERY_LIMITS.maxLength} characters, as the library honours them by one; name fewer, or shorter ones`, 'unsupported_ecs_feature');
  }
  return { type: 'memberOf', expression };
}
