/**
 * A request as the placement model resolves it, written from the semantics
 * of ECS placement and not from the engine: the group, the count, the
 * task's needs as the checks read them, the constraints and the chain.
 *
 * @module
 */
import { binpackResource } from '../../model/binpackResource';
import type { PlacementRequest } from '../../model/PlacementRequest';
import type { PreferStrategy } from '../../model/PreferStrategy';
import type { QueryNode } from '../../query/ast';
import { parseQuery } from '../../query/parseQuery';
import { binpackFieldOf } from '../../strategies/binpack';
import { random } from '../../strategies/random';
import { spreadFieldOf } from '../../strategies/spread';

/** A task's needs as the checks read them: zero amounts and dynamic ports gone. */
interface ModelTask {
  /** Resource to amount above 0, in check order: cpu, memory, gpu, then the others by name. */
  readonly resources: readonly (readonly [string, number])[];
  readonly tcp: readonly number[];
  readonly udp: readonly number[];
  /** Each required attribute once: a name, and the value it must have when the task says one. */
  readonly requiresAttributes: readonly { readonly name: string; readonly value: string | undefined }[];
}

/** A binding constraint. */
export type ModelConstraint = { readonly kind: 'memberOf'; readonly expression: string; readonly query: QueryNode } | { readonly kind: 'distinctInstance' };

/** One `prefer` of a chain: its expression, parsed, and its weight. */
export interface ModelPreference {
  readonly expression: string;
  readonly query: QueryNode;
  readonly weight: number;
}

/**
 * A strategy; `custom` stands for a caller's own Strategy object, which the
 * model cannot rank; `prefer` for every preference of the chain together.
 */
export type ModelStrategy =
  | { readonly kind: 'binpack'; readonly field: string }
  | { readonly kind: 'spread'; readonly field: string }
  | { readonly kind: 'random' }
  | { readonly kind: 'prefer'; readonly preferences: readonly ModelPreference[] }
  | { readonly kind: 'custom'; readonly name: string };

/** A request as the model places it. */
export interface ModelRequest {
  readonly group: string;
  readonly count: number;
  readonly task: ModelTask;
  /** The task definition's memberOf constraints first, then the request's. */
  readonly constraints: readonly ModelConstraint[];
  /** ECS's defaults when the request gives none. */
  readonly strategies: readonly ModelStrategy[];
}

const BUILT_IN_RESOURCES = ['cpu', 'memory', 'gpu'];
/** Parsed expressions, reused across checks; generated expressions are many, so the cache starts over when full. */
const queries = new Map<string, QueryNode>();
const MAX_CACHED_QUERIES = 1000;

function parsed(expression: string): QueryNode {
  let query = queries.get(expression);
  if (query === undefined) {
    if (queries.size >= MAX_CACHED_QUERIES) queries.clear();
    query = parseQuery(expression);
    queries.set(expression, query);
  }
  return query;
}

/** The group ECS gives the request's tasks. */
export function groupOf(request: PlacementRequest): string {
  if (request.service !== undefined) return `service:${request.service}`;
  if (request.group !== undefined) return request.group;
  return `family:${request.task.family ?? 'default'}`;
}

function modelTask(task: PlacementRequest['task']): ModelTask {
  const amounts = Object.entries(task.resources).filter((entry): entry is [string, number] => entry[1] !== undefined && entry[1] > 0);
  const builtIn = BUILT_IN_RESOURCES.flatMap((name) => amounts.filter(([resource]) => resource === name));
  const custom = amounts.filter(([resource]) => !BUILT_IN_RESOURCES.includes(resource)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    resources: [...builtIn, ...custom],
    tcp: (task.ports?.tcp ?? []).filter((port) => port !== 0),
    udp: (task.ports?.udp ?? []).filter((port) => port !== 0),
    requiresAttributes: requirements(task.requiresAttributes ?? []),
  };
}

/** A name alone and `{ name }` are one requirement; repeats count once. */
function requirements(given: readonly (string | { readonly name: string; readonly value?: string })[]): ModelTask['requiresAttributes'] {
  const byKey = new Map<string, { readonly name: string; readonly value: string | undefined }>();
  for (const entry of given) {
    const requirement = typeof entry === 'string' ? { name: entry, value: undefined } : { name: entry.name, value: entry.value };
    byKey.set(JSON.stringify([requirement.name, requirement.value ?? null]), requirement);
  }
  return [...byKey.values()];
}

/**
 * The chain as the model ranks it. Every `prefer` of the chain is one
 * strategy, where the first of them stands, ranking by the weights summed;
 * a chain of preferences alone is followed by ECS's default chain.
 */
function modelStrategies(request: PlacementRequest): ModelStrategy[] {
  const given = request.placementStrategy ?? [];
  const defaults: ModelStrategy[] = request.service === undefined
    ? [{ kind: 'random' }]
    : [{ kind: 'spread', field: 'attribute:ecs.availability-zone' }, { kind: 'spread', field: 'instanceId' }];
  if (given.length === 0) return defaults;
  const preferences: ModelPreference[] = [];
  const chain: ModelStrategy[] = [];
  for (const strategy of given) {
    if (isPrefer(strategy)) {
      if (preferences.length === 0) chain.push({ kind: 'prefer', preferences });
      preferences.push({ expression: strategy.expression, query: parsed(strategy.expression), weight: strategy.weight });
    } else {
      chain.push(modelStrategy(strategy));
    }
  }
  return preferences.length > 0 && chain.length === 1 ? [...chain, ...defaults] : chain;
}

/** A strategy as a request may give it. */
type GivenStrategy = NonNullable<PlacementRequest['placementStrategy']>[number];

function isPrefer(strategy: GivenStrategy): strategy is PreferStrategy {
  return 'type' in strategy && strategy.type === 'prefer';
}

function modelStrategy(strategy: Exclude<GivenStrategy, PreferStrategy>): ModelStrategy {
  if ('name' in strategy) return builtInValue(strategy) ?? { kind: 'custom', name: strategy.name };
  if (strategy.type === 'random') return { kind: 'random' };
  // The model does not rank by pack's scores: from there on, any survivor is an acceptable choice, as after a caller's own strategy.
  if (strategy.type === 'pack') return { kind: 'custom', name: `pack(${strategy.scorer})` };
  if (strategy.type === 'binpack') return { kind: 'binpack', field: binpackResource(strategy.field ?? '') };
  return { kind: strategy.type, field: strategy.field ?? '' };
}

/**
 * The exported `binpack()`, `spread()` and `random()` values mean what their
 * JSON forms mean, so the model ranks them as it ranks those. Their fields
 * are taken as given: `binpack('Memory')` packs a resource named `Memory`,
 * whereas the JSON form reads its field in any case.
 */
function builtInValue(strategy: object): ModelStrategy | undefined {
  if (strategy === random()) return { kind: 'random' };
  const packed = binpackFieldOf(strategy);
  if (packed !== undefined) return { kind: 'binpack', field: packed };
  const spreadOver = spreadFieldOf(strategy);
  return spreadOver === undefined ? undefined : { kind: 'spread', field: spreadOver };
}

/** Resolves what the engine resolves: group, count, defaults and constraints. */
export function modelRequest(request: PlacementRequest): ModelRequest {
  const memberOf = (expression: string): ModelConstraint => ({ kind: 'memberOf', expression, query: parsed(expression) });
  return {
    group: groupOf(request),
    count: request.count ?? 1,
    task: modelTask(request.task),
    constraints: [
      ...(request.task.placementConstraints ?? []).map((constraint) => memberOf(constraint.expression)),
      ...(request.placementConstraints ?? []).map((constraint) =>
        constraint.type === 'memberOf' ? memberOf(constraint.expression) : ({ kind: 'distinctInstance' } as const)),
    ],
    strategies: modelStrategies(request),
  };
}

/** How a strategy reads in violation details. */
export function strategyName(strategy: ModelStrategy): string {
  switch (strategy.kind) {
    case 'binpack':
    case 'spread':
      return `${strategy.kind}(${strategy.field})`;
    case 'random':
      return 'random';
    case 'prefer':
      return `prefer(${strategy.preferences.map(({ expression, weight }) => `${expression} weight ${weight}`).join('; ')})`;
    case 'custom':
      return strategy.name;
  }
}
