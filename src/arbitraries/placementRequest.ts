/**
 * A placement request in ECS's own words: RunTask or CreateService fields.
 *
 * @module
 */
import * as fc from 'fast-check';
import type { PlacementRequest, PlacementStrategy, PlacementStrategyType, RequestConstraint } from '../model/PlacementRequest';
import type { TaskSpec } from '../model/TaskSpec';
import { constraintFrom, type ConstraintConstraints } from './constraint';
import { GROUPS, SERVICES } from './defaults';
import { resolveFleet, type FleetConstraints } from './fleet';
import { fleetVocabulary } from './internal/fleetVocabulary';
import type { ChainStrategy, GeneratedStrategy } from './GeneratedStrategy';
import { requestString } from './internal/accepted';
import { printRequest, withPrinter } from './internal/printers';
import { fail, inside, integer, list, ordered, rate, readFields, where, type Where } from './internal/readConstraints';
import { mostly, sometimes } from './internal/sometimes';
import type { QueryVocabulary } from './QueryConstraints';
import { strategyChainFrom, type StrategyChainConstraints } from './strategyChain';
import { taskFrom, type TaskConstraints } from './task';

/**
 * What {@link placementRequest} may generate. The type parameters are the
 * fields and types `strategies` lists, which the generated strategies' type
 * follows; they are inferred, never written.
 *
 * @typeParam B - the binpack fields `strategies` lists
 * @typeParam S - the spread fields `strategies` lists
 * @typeParam T - the strategy types `strategies` lists
 */
export interface PlacementRequestConstraints<B extends string = string, S extends string = string, T extends PlacementStrategyType = PlacementStrategyType> {
  /**
   * The task to place.
   * @defaultValue the defaults of {@link task}
   */
  readonly task?: TaskConstraints;
  /**
   * The fewest tasks a request places.
   * @defaultValue `1`
   */
  readonly minCount?: number;
  /**
   * The most tasks a request places.
   * @defaultValue `8`
   */
  readonly maxCount?: number;
  /**
   * The chance that a request leaves `count` out (it then places 1); only when `minCount` is 1.
   * @defaultValue `0.2`
   */
  readonly noCountRate?: number;
  /**
   * Services a request may belong to (group `service:NAME`).
   * @defaultValue `['web', 'api']`
   */
  readonly services?: readonly string[];
  /**
   * The chance that a request belongs to a service.
   * @defaultValue `0.4`
   */
  readonly serviceRate?: number;
  /**
   * Task groups a standalone request may name.
   * @defaultValue `['batch-jobs', 'nightly']`
   */
  readonly groups?: readonly string[];
  /**
   * The chance that a request names a group (else, without a service, its group is `family:<family>`).
   * @defaultValue `0.3`, or what `serviceRate` leaves when that is less
   */
  readonly groupRate?: number;
  /**
   * The `placementStrategy` chain; an empty one is left out, so ECS's defaults apply.
   * @defaultValue the defaults of {@link strategyChain}
   */
  readonly strategies?: StrategyChainConstraints<B, S, T>;
  /**
   * Each of the request's `placementConstraints`: ECS's by default, and the
   * library's spreadLimit, atMost and distinctInstance over groups when its
   * rates ask for them, over the fields of the fleet's attributes.
   * @defaultValue the defaults of {@link constraint}
   */
  readonly constraint?: ConstraintConstraints;
  /**
   * The chance that a request has `placementConstraints` of its own.
   * @defaultValue `0.3`
   */
  readonly constraintsRate?: number;
  /**
   * The most `placementConstraints` (with the task definition's, ECS allows 10).
   * @defaultValue `2`
   */
  readonly maxConstraints?: number;
  /**
   * The fleet the requests are for: generated memberOf expressions then
   * compare its zones, instance types, CPU architectures, custom attributes
   * and agent versions, so they hold on some of its instances and not on
   * others. Give the constraints given to {@link fleet}; {@link cluster}
   * gives its own fleet's.
   * @defaultValue the defaults of {@link fleet}
   */
  readonly fleet?: FleetConstraints;
}

/** Who a request's tasks belong to: a service, a named group, or neither (the family's group). */
export interface Grouping {
  /** The service. */
  readonly service?: string;
  /** The group of a standalone request. */
  readonly group?: string;
}

/** The parts a request is assembled from, each its own arbitrary; `undefined` from a part leaves the field out. */
export interface RequestParts {
  readonly task: fc.Arbitrary<TaskSpec>;
  readonly count: fc.Arbitrary<number | undefined>;
  readonly grouping: fc.Arbitrary<Grouping>;
  readonly strategies: fc.Arbitrary<readonly PlacementStrategy[] | undefined>;
  readonly constraints: fc.Arbitrary<readonly RequestConstraint[] | undefined>;
}

const KEYS = ['task', 'minCount', 'maxCount', 'noCountRate', 'services', 'serviceRate', 'groups', 'groupRate', 'strategies', 'constraint', 'constraintsRate', 'maxConstraints', 'fleet'];
/**
 * A request as {@link placementRequest} generates it: a
 * {@link PlacementRequest} whose strategies are always ECS's JSON ones, never
 * `Strategy` objects, so that a property may read each strategy's `type` and
 * `field` without narrowing first. It is a `PlacementRequest`, and `place`
 * takes it as it is.
 *
 * @typeParam Strategy - the strategies' type: {@link PlacementStrategy}, or
 *   the {@link GeneratedStrategy} that the literal fields and types given to
 *   {@link placementRequest} allow
 */
export interface GeneratedPlacementRequest<Strategy extends PlacementStrategy = PlacementStrategy> extends Omit<PlacementRequest, 'placementStrategy'> {
  /** The strategies, when the chain is not ECS's default: JSON ones only. */
  readonly placementStrategy?: readonly Strategy[];
}

/** Requests place at most this many tasks here: enough to fill any generated fleet. */
const MAX_COUNT = 1000;

/** Assembles a request from its parts; the one place a request's optional fields are left out. */
export function requestOf(parts: RequestParts): fc.Arbitrary<GeneratedPlacementRequest> {
  return fc
    .record({ task: parts.task, count: parts.count, grouping: parts.grouping, strategies: parts.strategies, constraints: parts.constraints })
    .map(({ task, count, grouping: { service, group }, strategies, constraints }): GeneratedPlacementRequest => withPrinter<GeneratedPlacementRequest>({
      task,
      ...(count === undefined ? {} : { count }),
      ...(service === undefined ? {} : { service }),
      ...(group === undefined ? {} : { group }),
      ...(strategies === undefined || strategies.length === 0 ? {} : { placementStrategy: strategies }),
      ...(constraints === undefined || constraints.length === 0 ? {} : { placementConstraints: constraints }),
    }, printRequest));
}

function groupingFrom(at: Where, fields: ReadonlyMap<string, unknown>): fc.Arbitrary<Grouping> {
  const services = list(at, fields, 'services', SERVICES, requestString(at, (service) => ({ task: { resources: {} }, service })), 0);
  const groups = list(at, fields, 'groups', GROUPS, requestString(at, (group) => ({ task: { resources: {} }, group })), 0);
  const serviceRate = services.length === 0 ? 0 : rate(at, fields, 'serviceRate', 0.4);
  // A service rate near 1 leaves less room for groups by default, rather than an error.
  const groupRate = groups.length === 0 ? 0 : rate(at, fields, 'groupRate', Math.min(0.3, 1 - serviceRate));
  if (serviceRate + groupRate > 1) fail(at, 'serviceRate', `plus groupRate must be at most 1, got ${serviceRate} + ${groupRate}`);
  // Neither first: the family's group is the simplest counter-example.
  const rare: [fc.Arbitrary<Grouping>, number][] = [];
  if (services.length > 0) rare.push([fc.constantFrom(...services).map((service) => ({ service })), serviceRate]);
  if (groups.length > 0) rare.push([fc.constantFrom(...groups).map((group) => ({ group })), groupRate]);
  return mostly<Grouping>({}, rare);
}

/**
 * The arbitrary for constraints read at `at`; {@link cluster} reads its
 * history's requests with it, giving its fleet's `vocabulary`, which a
 * `fleet` of the request's own would contradict.
 */
export function placementRequestFrom(value: unknown, at: Where, vocabulary?: QueryVocabulary): fc.Arbitrary<GeneratedPlacementRequest> {
  const fields = readFields(at, value, KEYS);
  const fleetGiven = fields.get('fleet');
  if (vocabulary !== undefined && fleetGiven !== undefined) fail(at, 'fleet', "must not be given: a cluster's requests are for the cluster's own fleet");
  const words = vocabulary ?? fleetVocabulary(resolveFleet(fleetGiven, inside(at, 'fleet')).instance);
  const minCount = integer(at, fields, 'minCount', 1, 1, MAX_COUNT);
  const maxCount = integer(at, fields, 'maxCount', Math.max(8, minCount), 1, MAX_COUNT);
  ordered(at, 'minCount', minCount, 'maxCount', maxCount);
  const noCountRate = minCount === 1 ? rate(at, fields, 'noCountRate', 0.2) : 0;
  const maxConstraints = integer(at, fields, 'maxConstraints', 2, 0, 10);
  return requestOf({
    task: taskFrom(fields.get('task'), inside(at, 'task'), words),
    count: sometimes(fc.integer({ min: minCount, max: maxCount }), 1 - noCountRate, undefined),
    grouping: groupingFrom(at, fields),
    strategies: strategyChainFrom(fields.get('strategies'), inside(at, 'strategies')),
    constraints: sometimes(
      fc.array(constraintFrom(fields.get('constraint'), inside(at, 'constraint'), words), { minLength: Math.min(1, maxConstraints), maxLength: maxConstraints }),
      rate(at, fields, 'constraintsRate', 0.3),
      [],
    ),
  });
}

/**
 * Generates a placement request: a task, a count, a service or a group or
 * neither, a strategy chain (none: ECS's defaults) and constraints, in the
 * shape `Cluster.place` takes and a CreateService call writes. Shrinks
 * towards one task, no service, no strategy and no constraint.
 *
 * The strategies' type follows the fields and types `strategies` lists, as
 * {@link strategyChain}'s does: with `strategies: { types: ['binpack'],
 * binpackFields: ['memory'] }` every strategy is typed
 * `{ type: 'binpack'; field: 'memory' }`.
 *
 * @typeParam B - the binpack fields `strategies` lists, inferred as literals
 * @typeParam S - the spread fields `strategies` lists, inferred as literals
 * @typeParam T - the strategy types `strategies` lists, inferred as literals
 * @param constraints - what each part may be; every field has a realistic default
 * @returns an arbitrary of requests that `place` accepts, with JSON strategies only
 * @throws {@link ConstraintsError} naming `placementRequest` when a constraint is unknown, out of range, or refused by the library,
 *   for example `placementRequest: minCount must be at most maxCount, got 5 > 3`
 *
 * @example
 * ```ts
 * fc.assert(fc.property(fleet(), placementRequest({ serviceRate: 1 }), (instances, request) => {
 *   const result = new Cluster({ instances }).place(request);
 *   return result.placements.length + result.failures.length === (request.count ?? 1);
 * }));
 * ```
 */
export function placementRequest<const B extends string = string, const S extends string = string, const T extends PlacementStrategyType = PlacementStrategyType>(
  constraints: PlacementRequestConstraints<B, S, T> = {},
): fc.Arbitrary<GeneratedPlacementRequest<ChainStrategy<B, S, T>>> {
  // The chain is drawn from the lists given, so its strategies are of the types those lists name.
  return placementRequestFrom(constraints, where('placementRequest')) as fc.Arbitrary<GeneratedPlacementRequest<ChainStrategy<B, S, T>>>;
}
