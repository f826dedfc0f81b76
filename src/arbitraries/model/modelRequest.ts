/**
 * A request as the placement model resolves it, written from the semantics
 * of ECS placement and not from the engine: the group, the count, the
 * task's needs as the checks read them, the constraints and the chain.
 *
 * @module
 */
import { binpackResource } from '../../model/binpackResource';
import type { PlacementRequest, RequestConstraint } from '../../model/PlacementRequest';
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
  /** Its family and revision, which task selectors read. */
  readonly family: string | undefined;
  readonly revision: number | undefined;
}

/**
 * Which of a group's tasks a spread, spreadLimit or atMost counts: those of
 * this family, when given, and of this revision, when given.
 */
export interface ModelSelector {
  readonly family: string | undefined;
  readonly revision: number | undefined;
}

/**
 * A binding constraint. `groups` are the task groups counted besides the
 * request's own; a memberOf knows whether its expression reads only
 * attributes, since only those decide which domains are eligible.
 */
export type ModelConstraint =
  | { readonly kind: 'memberOf'; readonly expression: string; readonly query: QueryNode; readonly attributesOnly: boolean }
  | { readonly kind: 'distinctInstance'; readonly groups: readonly string[] }
  | {
    readonly kind: 'spreadLimit';
    readonly field: string;
    readonly maxSkew: number;
    readonly minDomains: number;
    readonly domains: readonly string[] | undefined;
    readonly selector: ModelSelector | undefined;
  }
  | { readonly kind: 'atMost'; readonly field: string; readonly count: number; readonly groups: readonly string[]; readonly selector: ModelSelector | undefined };

/** One `prefer` of a chain: its expression, parsed, and its weight. */
export interface ModelPreference {
  readonly expression: string;
  readonly query: QueryNode;
  readonly weight: number;
}

/**
 * A strategy; `custom` stands for a caller's own Strategy object, which the
 * model cannot rank; `prefer` for every preference of the chain together. A
 * spread with a `selector` counts only the group's tasks it selects.
 */
export type ModelStrategy =
  | { readonly kind: 'binpack'; readonly field: string }
  | { readonly kind: 'spread'; readonly field: string; readonly selector?: ModelSelector }
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
    family: task.family,
    revision: task.revision,
  };
}

/** A selector as the model reads it; none when not given. */
function selectorOf(given: { readonly family?: string; readonly revision?: number } | undefined): ModelSelector | undefined {
  return given === undefined ? undefined : { family: given.family, revision: given.revision };
}

/** Whether a selector (none: every task) counts a task of this family and revision. */
export function selects(selector: ModelSelector | undefined, family: string | undefined, revision: number | undefined): boolean {
  if (selector === undefined) return true;
  return (selector.family === undefined || selector.family === family) && (selector.revision === undefined || selector.revision === revision);
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
  const selector = selectorOf(strategy.taskSelector);
  return selector === undefined ? { kind: strategy.type, field: strategy.field ?? '' } : { kind: strategy.type, field: strategy.field ?? '', selector };
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

/** Whether an expression reads nothing but attributes: every condition's subject is `attribute:NAME`. */
function attributesOnly(node: QueryNode): boolean {
  switch (node.kind) {
    case 'condition':
      return node.subject.name === 'attribute';
    case 'not':
      return attributesOnly(node.operand);
    case 'and':
    case 'or':
      return node.operands.every(attributesOnly);
  }
}

/** A memberOf constraint as the model checks it. */
export function memberOfConstraint(expression: string): ModelConstraint {
  const query = parsed(expression);
  return { kind: 'memberOf', expression, query, attributesOnly: attributesOnly(query) };
}

/** A request's constraint as the model checks it, with the defaults the library documents filled in. */
function modelConstraint(constraint: RequestConstraint): ModelConstraint {
  switch (constraint.type) {
    case 'memberOf':
      return memberOfConstraint(constraint.expression);
    case 'distinctInstance':
      return { kind: 'distinctInstance', groups: constraint.groups ?? [] };
    case 'spreadLimit':
      return {
        kind: 'spreadLimit', field: constraint.field, maxSkew: constraint.maxSkew, minDomains: constraint.minDomains ?? 1, domains: constraint.domains,
        selector: selectorOf(constraint.taskSelector),
      };
    case 'atMost':
      return { kind: 'atMost', field: constraint.field, count: constraint.count, groups: constraint.groups ?? [], selector: selectorOf(constraint.taskSelector) };
  }
}

/**
 * Whether a constraint reads the tasks of other instances than the one it
 * checks: a spreadLimit (its emptiest domain), an atMost over an attribute
 * (the tasks of the whole domain). A task placed then changes the verdict
 * on other instances too.
 */
export function readsOtherInstances(constraint: ModelConstraint): boolean {
  return constraint.kind === 'spreadLimit' || (constraint.kind === 'atMost' && constraint.field !== 'instanceId');
}

/** Resolves what the engine resolves: group, count, defaults and constraints. */
export function modelRequest(request: PlacementRequest): ModelRequest {
  return {
    group: groupOf(request),
    count: request.count ?? 1,
    task: modelTask(request.task),
    constraints: [
      ...(request.task.placementConstraints ?? []).map((constraint) => memberOfConstraint(constraint.expression)),
      ...(request.placementConstraints ?? []).map(modelConstraint),
    ],
    strategies: modelStrategies(request),
  };
}

/** How a strategy reads in violation details. */
export function strategyName(strategy: ModelStrategy): string {
  switch (strategy.kind) {
    case 'binpack':
      return `binpack(${strategy.field})`;
    case 'spread':
      return strategy.selector === undefined ? `spread(${strategy.field})` : `spread(${strategy.field}, ${selectorName(strategy.selector)})`;
    case 'random':
      return 'random';
    case 'prefer':
      return `prefer(${strategy.preferences.map(({ expression, weight }) => `${expression} weight ${weight}`).join('; ')})`;
    case 'custom':
      return strategy.name;
  }
}

/** How a selector reads in messages: `family web revision 8`. */
function selectorName(selector: ModelSelector): string {
  return [selector.family === undefined ? '' : `family ${selector.family}`, selector.revision === undefined ? '' : `revision ${selector.revision}`].filter((part) => part !== '').join(' ');
}
