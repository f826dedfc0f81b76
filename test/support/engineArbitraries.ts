/**
 * Requests and scenarios that reach every path of the indexed engine: every
 * strategy kind, random anywhere in a chain, spread by attributes that some
 * instances lack or have without a value, memberOf on task groups and task
 * counts, distinctInstance (over several groups too), spreadLimit and
 * atMost over instances and attributes, static ports and the port limit, required
 * attribute values, custom resources, counts that fill the fleet and fail,
 * chains with pack and prefer, chains with a caller's own Strategy
 * object, and tasks of several revisions counted by spreads, spreadLimits
 * and atMosts with task selectors.
 */
import fc from 'fast-check';
import { PACK_SCORERS, type PackStrategy } from '../../src/model/PackStrategy';
import type {
  AtMostConstraint, DistinctInstanceConstraint, PlacementRequest, PlacementStrategy, RequestConstraint, SpreadLimitConstraint,
} from '../../src/model/PlacementRequest';
import type { PreferStrategy } from '../../src/model/PreferStrategy';
import type { MemberOfConstraint, TaskSpec } from '../../src/model/TaskSpec';
import type { TaskSelector } from '../../src/model/TaskSelector';
import { binpack } from '../../src/strategies/binpack';
import { random } from '../../src/strategies/random';
import { spread } from '../../src/strategies/spread';
import type { InstanceState } from '../../src/model/InstanceState';
import type { InstanceStrategy, Strategy } from '../../src/model/Strategy';
import type { RequestParts } from '../../src/arbitraries/placementRequest';
import {
  BINPACK_FIELDS,
  clusterScenario,
  crowdedPortScenario,
  crowdedPortTask,
  grouping,
  lawTask,
  MEMBER_OF_EXPRESSIONS,
  requestArbitrary,
  roomyScenario,
  roomyTaskSpec,
  scenarioArbitrary,
  type ClusterScenario,
  type Grouping,
} from './lawArbitraries';

/** A strategy as a request may give it: ECS's form, the library's pack or prefer, or a Strategy object. */
type ChainStrategy = PlacementStrategy | PackStrategy | PreferStrategy | Strategy;

/**
 * Spread fields whose buckets are uneven: `rack` is absent, valueless or
 * valued; `ecs.capability.task-eni` is only ever valueless or absent (one
 * bucket); `lifecycle` is absent until a test sets it.
 */
const ENGINE_SPREAD_FIELDS = [
  'instanceId',
  'host',
  'attribute:ecs.availability-zone',
  'attribute:rack',
  'attribute:ecs.capability.task-eni',
  'attribute:ecs.instance-type',
  'attribute:lifecycle',
] as const;

/** Resources to binpack on: the built-in ones, the custom `eni`, and `widgets`, which no instance lists. */
const ENGINE_BINPACK_FIELDS = [...BINPACK_FIELDS, 'widgets'] as const;

/** memberOf expressions beyond the usual ones, reading task groups, task counts and attributes that come and go. */
const ENGINE_MEMBER_OF_EXPRESSIONS = [
  ...MEMBER_OF_EXPRESSIONS,
  'task:group exists',
  'not(task:group exists)',
  'task:group in [service:web, batch-jobs]',
  'runningTasksCount >= 2',
  'runningTasksCount == 0',
  'attribute:rack !exists',
  'attribute:lifecycle == spot',
] as const;

/** binpack on any of {@link ENGINE_BINPACK_FIELDS}. */
const engineBinpack: fc.Arbitrary<PlacementStrategy> = fc.constantFrom(...ENGINE_BINPACK_FIELDS).map((field) => ({ type: 'binpack', field }));
/** Revisions tasks have (few, so that selections meet tasks): the kit's tasks have none, so this adds them. */
const REVISIONS = [1, 2, 3] as const;

/**
 * A task selector: a revision, a family (of the kit's, or one no task has),
 * or both; mostly a revision, a rollout's selector.
 */
const engineSelector: fc.Arbitrary<TaskSelector> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REVISIONS).map((revision): TaskSelector => ({ revision })) },
  { weight: 1, arbitrary: fc.constantFrom('web', 'worker', 'nobody').map((family): TaskSelector => ({ family })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('web', 'worker'), fc.constantFrom(...REVISIONS)).map(([family, revision]): TaskSelector => ({ family, revision })) },
);

/** A selector now and then, else none. */
const maybeSelector: fc.Arbitrary<TaskSelector | undefined> = fc.option(engineSelector, { nil: undefined, freq: 2 });

/** spread on any of {@link ENGINE_SPREAD_FIELDS}, now and then counting only the tasks a selector selects. */
const engineSpread: fc.Arbitrary<PlacementStrategy> = fc
  .tuple(fc.constantFrom(...ENGINE_SPREAD_FIELDS), maybeSelector)
  .map(([field, taskSelector]): PlacementStrategy => (taskSelector === undefined ? { type: 'spread', field } : { type: 'spread', field, taskSelector }));

/** The task with a revision now and then. */
function withRevision(tasks: fc.Arbitrary<TaskSpec>): fc.Arbitrary<TaskSpec> {
  return fc.tuple(tasks, fc.option(fc.constantFrom(...REVISIONS), { nil: undefined, freq: 3 })).map(([task, revision]) => (revision === undefined ? task : { ...task, revision }));
}
const randomSpec: PlacementStrategy = { type: 'random' };

/** pack over one to three of {@link ENGINE_BINPACK_FIELDS} (`widgets`, which no instance lists, counts as full), any scorer, weighted now and then. */
export const enginePack: fc.Arbitrary<PackStrategy> = fc
  .tuple(fc.shuffledSubarray([...ENGINE_BINPACK_FIELDS], { minLength: 1, maxLength: 3 }), fc.constantFrom(...PACK_SCORERS), fc.boolean())
  .chain(([resources, scorer, weighted]) => (weighted
    ? fc.array(fc.constantFrom(0.5, 1, 2, 3), { minLength: resources.length, maxLength: resources.length }).map((weights): PackStrategy => ({ type: 'pack', resources, scorer, weights }))
    : fc.constant<PackStrategy>({ type: 'pack', resources, scorer })));

/**
 * A preference's weight: often an end of the range, 0 (which changes
 * nothing) or 1 either way, else any from -100 to 100.
 */
const preferWeight: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, 1, -1, 100, -100), fc.integer({ min: -100, max: 100 }));

/**
 * prefer on any of {@link ENGINE_MEMBER_OF_EXPRESSIONS}: attributes that
 * some instances lack, task groups and task counts (which change as tasks
 * are placed), with any weight.
 */
export const enginePrefer: fc.Arbitrary<PreferStrategy> = fc
  .tuple(fc.constantFrom(...ENGINE_MEMBER_OF_EXPRESSIONS), preferWeight)
  .map(([expression, weight]): PreferStrategy => ({ type: 'prefer', expression, weight }));

/**
 * A caller's own strategies that declare an instance key, which the indexed
 * engine orders instances by: on attributes, task counts, resources, the
 * registration order, keys of Infinity, a key that is NaN on a busy instance
 * (the request then fails as on the reference engine) and one that throws.
 * Module constants, so that requests share them as a scheduler would.
 */
const DECLARED_STRATEGIES: readonly InstanceStrategy[] = [
  declared('preferRackR1', (instance) => (instance.attributes.get('rack') === 'r1' ? 0 : 1)),
  declared('fewestTasks', (instance) => instance.runningTasksCount),
  declared('mostMemory', (instance) => -(instance.remainingResources['memory'] ?? 0)),
  declared('latestRegistered', (instance) => -instance.registrationOrder),
  declared('spotLast', (instance) => (instance.attributes.get('lifecycle') === 'spot' ? Infinity : -Infinity)),
  declared('nanWhenBusy', (instance) => (instance.runningTasksCount > 3 ? Number.NaN : instance.runningTasksCount)),
  declared('throwsOnDrained', (instance) => {
    if (instance.status === 'DRAINING' && instance.runningTasksCount > 1) throw new Error('throwsOnDrained: a drained instance still runs tasks');
    return 0;
  }),
];

function declared(name: string, key: (instance: InstanceState) => number): InstanceStrategy {
  return Object.freeze({ name, dependsOn: 'instance', key });
}

/** binpack and spread as Strategy objects made by their factories, and a caller's declared instance keys: all indexed. */
const rankedObject: fc.Arbitrary<Strategy> = fc.oneof(
  fc.constantFrom(...ENGINE_BINPACK_FIELDS).map((field) => binpack(field)),
  fc.tuple(fc.constantFrom(...ENGINE_SPREAD_FIELDS), maybeSelector).map(([field, taskSelector]) => spread(field, taskSelector)),
  fc.constantFrom(...DECLARED_STRATEGIES),
);

/** random as ECS writes it, or as the object its factory makes. */
const randomStrategy: fc.Arbitrary<ChainStrategy> = fc.oneof(fc.constant(randomSpec), fc.constant(null).map(() => random()));

/** A binpack or a spread, now and then as a Strategy object. */
const rankedStrategy: fc.Arbitrary<ChainStrategy> = fc.oneof(
  { weight: 3, arbitrary: engineBinpack },
  { weight: 4, arbitrary: engineSpread },
  { weight: 1, arbitrary: rankedObject },
  { weight: 1, arbitrary: enginePack },
  { weight: 1, arbitrary: enginePrefer },
);

/** Any built-in strategy. */
const anyBuiltIn: fc.Arbitrary<ChainStrategy> = fc.oneof({ weight: 4, arbitrary: rankedStrategy }, { weight: 1, arbitrary: randomStrategy });

/** Chains with random first (nothing before it), in the middle, or last (nothing after it). */
const randomChain: fc.Arbitrary<ChainStrategy[]> = fc
  .tuple(fc.array(rankedStrategy, { maxLength: 2 }), randomStrategy, fc.array(anyBuiltIn, { maxLength: 2 }))
  .map(([before, draw, after]) => [...before, draw, ...after]);

/** Spread by an attribute, which splits the candidates into buckets, then anything ranked. */
const bucketedPrefix: fc.Arbitrary<ChainStrategy[]> = fc
  .tuple(fc.constantFrom(...ENGINE_SPREAD_FIELDS.filter((field) => field.startsWith('attribute:'))), fc.array(rankedStrategy, { maxLength: 1 }))
  .map(([field, rest]) => [{ type: 'spread', field }, ...rest]);

/** Chains whose random draw is often over candidates tied in several buckets. */
const bucketedRandomChain: fc.Arbitrary<ChainStrategy[]> = fc.oneof(
  randomChain,
  fc.tuple(bucketedPrefix, fc.array(anyBuiltIn, { maxLength: 2 })).map(([before, after]) => [...before, randomSpec, ...after]),
);

/** No chain (ECS's defaults), a chain of ranked strategies, a chain with random somewhere, or anything up to 5. */
const strategyChain: fc.Arbitrary<ChainStrategy[] | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.array(rankedStrategy, { minLength: 1, maxLength: 3 }),
  randomChain,
  fc.array(anyBuiltIn, { maxLength: 5 }),
);

/** memberOf with any of {@link ENGINE_MEMBER_OF_EXPRESSIONS}. */
const engineMemberOf: fc.Arbitrary<MemberOfConstraint> = fc.constantFrom(...ENGINE_MEMBER_OF_EXPRESSIONS).map((expression) => ({ type: 'memberOf', expression }));

/** Groups a constraint may count besides the request's: the law vocabulary's, and one that never runs a task. */
const countedGroups: fc.Arbitrary<string[]> = fc.uniqueArray(fc.constantFrom('service:web', 'service:api', 'batch-jobs', 'family:web', 'nobody'), { minLength: 1, maxLength: 2 });

/** Fields of spreadLimit and atMost: instances, zones, and racks that some instances lack or have without a value. */
const DOMAIN_FIELDS = ['instanceId', 'attribute:ecs.availability-zone', 'attribute:rack', 'attribute:ecs.instance-type'] as const;

/** spreadLimit over any field, now and then with minDomains, and over zones now and then with the domains listed (one that no instance has). */
export const engineSpreadLimit: fc.Arbitrary<SpreadLimitConstraint> = fc
  .record({
    field: fc.constantFrom(...DOMAIN_FIELDS),
    maxSkew: fc.integer({ min: 1, max: 3 }),
    minDomains: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    domains: fc.option(fc.subarray(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1z'], { minLength: 1 }), { nil: undefined, freq: 4 }),
    taskSelector: maybeSelector,
  })
  .map(({ field, maxSkew, minDomains, domains, taskSelector }): SpreadLimitConstraint => ({
    type: 'spreadLimit', field, maxSkew,
    ...(minDomains === undefined ? {} : { minDomains }),
    ...(domains === undefined || field !== 'attribute:ecs.availability-zone' ? {} : { domains }),
    ...(taskSelector === undefined ? {} : { taskSelector }),
  }));

/** atMost over any field, now and then counting other groups too. */
export const engineAtMost: fc.Arbitrary<AtMostConstraint> = fc
  .record({ count: fc.integer({ min: 1, max: 4 }), field: fc.constantFrom(...DOMAIN_FIELDS), groups: fc.option(countedGroups, { nil: undefined, freq: 3 }), taskSelector: maybeSelector })
  .map(({ count, field, groups, taskSelector }): AtMostConstraint => ({
    type: 'atMost', count, field, ...(groups === undefined ? {} : { groups }), ...(taskSelector === undefined ? {} : { taskSelector }),
  }));

/** distinctInstance, now and then counting other groups too. */
export const engineDistinctInstance: fc.Arbitrary<DistinctInstanceConstraint> = fc
  .option(countedGroups, { nil: undefined, freq: 3 })
  .map((groups): DistinctInstanceConstraint => (groups === undefined ? { type: 'distinctInstance' } : { type: 'distinctInstance', groups }));

/** Up to two constraints: memberOf, distinctInstance, spreadLimit and atMost. */
const engineConstraints: fc.Arbitrary<RequestConstraint[]> = fc.array(
  fc.oneof(engineMemberOf, engineDistinctInstance, engineSpreadLimit, engineAtMost),
  { maxLength: 2 },
);

/**
 * Tasks with static ports, custom resources, required attributes (with
 * values now and then) and memberOf now and then; mostly small; and tasks
 * with several static ports, which reach the port limit on crowded fleets.
 */
const engineTask = withRevision(fc.oneof(
  { weight: 3, arbitrary: roomyTaskSpec },
  { weight: 1, arbitrary: lawTask({ expressions: ENGINE_MEMBER_OF_EXPRESSIONS, memberOfRate: 1 / 3 }) },
  { weight: 1, arbitrary: crowdedPortTask },
));

/** Mostly a few tasks, sometimes enough to fill every instance and fail. */
const engineCount: fc.Arbitrary<number | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 }) },
  { weight: 2, arbitrary: fc.integer({ min: 10, max: 40 }) },
);

/**
 * Requests from {@link requestArbitrary} with a chain that may hold Strategy
 * objects (which that generator's ECS-only strategies cannot express).
 */
function chainRequest(parts: Omit<Partial<RequestParts>, 'strategies'>, chains: fc.Arbitrary<readonly ChainStrategy[] | undefined>): fc.Arbitrary<PlacementRequest> {
  return fc
    .tuple(requestArbitrary({ ...parts, strategies: fc.constant(undefined) }), chains)
    .map(([request, chain]) => (chain === undefined ? request : { ...request, placementStrategy: chain }));
}

/** A value and everything in it frozen, as a scheduler may keep its service definitions. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/** Valid requests for the engines' comparison; now and then frozen all the way down, which lets both engines keep what they build from it. */
export const engineRequest: fc.Arbitrary<PlacementRequest> = fc
  .tuple(chainRequest({ task: engineTask, count: engineCount, constraints: engineConstraints }, strategyChain), fc.boolean())
  .map(([request, frozen]) => (frozen ? deepFreeze(request) : request));

/** Roomy requests whose chain has random first, in the middle or last. */
export const randomChainRequest: fc.Arbitrary<PlacementRequest> = chainRequest(
  {
    task: roomyTaskSpec,
    count: engineCount,
    constraints: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: engineConstraints }),
  },
  bucketedRandomChain,
);

/** Big tasks in big counts: the fleet fills up and the rest of the request fails. */
export const hungryRequest: fc.Arbitrary<PlacementRequest> = chainRequest(
  {
    task: lawTask({ resources: { memory: [1024, 2048, 4096] }, expressions: ENGINE_MEMBER_OF_EXPRESSIONS, memberOfRate: 1 / 4 }),
    count: fc.integer({ min: 6, max: 60 }),
    constraints: engineConstraints,
  },
  strategyChain,
);

/** Tasks with several static ports in any chain: on a crowded fleet, the port limit turns many of them away. */
export const crowdedPortRequest: fc.Arbitrary<PlacementRequest> = chainRequest(
  { task: withRevision(crowdedPortTask), count: engineCount, constraints: engineConstraints },
  strategyChain,
);

/**
 * A rollout's requests: the same request in the same group with its task at
 * each of two revisions (the second also of another family now and then),
 * so that a sequence of them runs old and new tasks side by side.
 */
export const rolloutPair: fc.Arbitrary<PlacementRequest[]> = fc
  .tuple(engineRequest, fc.constantFrom(...REVISIONS), fc.constantFrom(...REVISIONS), fc.option(fc.constantFrom('web', 'worker'), { nil: undefined, freq: 3 }))
  .map(([request, from, to, family]) => [
    { ...request, task: { ...request.task, revision: from } },
    // A family of its own only where the group does not follow the family.
    { ...request, task: { ...request.task, revision: to, ...(family === undefined || (request.service === undefined && request.group === undefined) ? {} : { family }) } },
  ]);

/** The request with its group replaced. */
function withGrouping(request: PlacementRequest, { service, group }: Grouping): PlacementRequest {
  const { service: _service, group: _group, ...rest } = request;
  return { ...rest, ...(service === undefined ? {} : { service }), ...(group === undefined ? {} : { group }) };
}

/**
 * Three request shapes: a request, the same request in another group (a
 * shape key without the group would mix them up), and another request,
 * often a chain that spreads by an attribute before random.
 */
export const shapeTrio: fc.Arbitrary<PlacementRequest[]> = fc
  .tuple(engineRequest, grouping, fc.oneof(engineRequest, randomChainRequest))
  .map(([first, otherGroup, second]) => [first, withGrouping(first, otherGroup), second]);

/**
 * Strategies of a caller's own, which only their own function can rank:
 * some read attributes, counts or resources, some draw from the generator
 * once per task or once per candidate, and two fail on a busy cluster.
 */
const CUSTOM_STRATEGIES: readonly Strategy[] = [
  { name: 'preferRackR1', rank: () => (instance) => (instance.attributes.get('rack') === 'r1' ? 0 : 1) },
  { name: 'fewestTasks', rank: () => (instance) => instance.runningTasksCount },
  { name: 'mostMemory', rank: () => (instance) => -(instance.remainingResources['memory'] ?? 0) },
  { name: 'latestRegistered', rank: () => (instance) => -instance.registrationOrder },
  { name: 'groupCount', rank: (context) => (instance) => instance.taskGroups.get(context.group) ?? 0 },
  {
    name: 'coinPerTask',
    rank: (context) => {
      const heads = context.random() < 0.5;
      return (instance) => ((instance.registrationOrder % 2 === 0) === heads ? 0 : 1);
    },
  },
  { name: 'jitter', rank: (context) => () => Math.floor(context.random() * 3) },
  {
    name: 'quietZone',
    rank: (context) => {
      const load = new Map<string | null | undefined, number>();
      for (const instance of context.instances) {
        const zone = instance.attributes.get('ecs.availability-zone');
        load.set(zone, (load.get(zone) ?? 0) + instance.runningTasksCount);
      }
      return (instance) => load.get(instance.attributes.get('ecs.availability-zone')) ?? 0;
    },
  },
  // These two make the request fail half-way on a busy cluster: the placement is undone and the error goes on.
  { name: 'refusesBusy', rank: () => (instance) => (instance.runningTasksCount > 2 ? Number.NaN : 0) },
  {
    name: 'throwsWhenCrowded',
    rank: (context) => {
      if (context.instances.some((instance) => instance.runningTasksCount >= 4)) throw new Error('throwsWhenCrowded: an instance runs 4 tasks');
      return () => 0;
    },
  },
];

const customStrategy: fc.Arbitrary<Strategy> = fc.constantFrom(...CUSTOM_STRATEGIES);

/** Chains of up to 5 with at least one custom strategy, anywhere, among built-in ones. */
const customChain: fc.Arbitrary<ChainStrategy[]> = fc
  .tuple(fc.array(anyBuiltIn, { maxLength: 2 }), customStrategy, fc.array(fc.oneof(anyBuiltIn, customStrategy), { maxLength: 2 }))
  .map(([before, custom, after]) => [...before, custom, ...after]);

/** Requests whose chain holds a custom strategy. */
export const customChainRequest: fc.Arbitrary<PlacementRequest> = chainRequest({ task: engineTask, count: engineCount, grouping, constraints: engineConstraints }, customChain);

/** Small, roomy and larger fleets (up to 24 instances, up to 10 steps of history), and fleets close to the port limit. */
export const engineScenario: fc.Arbitrary<ClusterScenario> = fc.oneof(
  { weight: 1, arbitrary: clusterScenario },
  { weight: 2, arbitrary: roomyScenario },
  { weight: 2, arbitrary: scenarioArbitrary(24, 6, 10) },
  { weight: 1, arbitrary: crowdedPortScenario() },
);
