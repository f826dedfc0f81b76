import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import type { ModelInstance } from '../../src/arbitraries/model/ModelInstance';
import { replayPlacements } from '../../src/arbitraries/model/replayPlacements';
import type { PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';
import type { PreferStrategy } from '../../src/model/PreferStrategy';
import type { InstanceStrategy } from '../../src/model/Strategy';
import type { QueryNode } from '../../src/query/ast';
import { evaluateQuery } from '../../src/query/evaluateQuery';
import type { InstanceView } from '../../src/query/InstanceView';
import { parseQuery } from '../../src/query/parseQuery';
import { enginePrefer } from '../support/engineArbitraries';
import { nextDraws } from '../support/engineTwins';
import { clusterScenario, placementStrategy, requestArbitrary, roomyRequest, roomyScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';

/** A strategy of a request's chain. */
type Drawn = NonNullable<PlacementRequest['placementStrategy']>[number];

/**
 * The summed weight of the preferences whose expression holds for an
 * instance, read with the query language alone, apart from the library's
 * strategy code.
 */
function summedWeight(preferences: readonly PreferStrategy[], instance: InstanceView): number {
  return preferences.reduce((sum, { expression, weight }) => sum + (evaluateQuery(parsed(expression), instance) ? weight : 0), 0);
}

const queries = new Map<string, QueryNode>();

/** The expressions drawn here are few: each is parsed once. */
function parsed(expression: string): QueryNode {
  let query = queries.get(expression);
  if (query === undefined) queries.set(expression, (query = parseQuery(expression)));
  return query;
}

function preferencesOf(request: PlacementRequest): PreferStrategy[] {
  return (request.placementStrategy ?? []).filter((strategy): strategy is PreferStrategy => 'type' in strategy && strategy.type === 'prefer');
}

/** `strategies` with `inserted` put in at the positions `slots` pick, in order. */
function insertAt<T>(strategies: readonly T[], inserted: readonly T[], slots: readonly number[]): T[] {
  const chain = [...strategies];
  inserted.forEach((strategy, index) => chain.splice((slots[index] ?? 0) % (chain.length + 1), 0, strategy));
  return chain;
}

/** Everything a request's placement shows: the result, and where the generator stands after it. */
function placedWith(cluster: ReturnType<typeof scenarioCluster>, request: PlacementRequest): unknown {
  const result = cluster.place(request);
  return { result, draws: nextDraws(cluster, 2) };
}

/** A preference first, then up to three strategies, more preferences among them now and then. */
const preferFirst = fc
  .tuple(roomyRequest(fc.constant([])), enginePrefer, fc.array(fc.oneof({ weight: 3, arbitrary: placementStrategy }, { weight: 1, arbitrary: enginePrefer }), { maxLength: 3 }))
  .map(([request, first, rest]): PlacementRequest => ({ ...request, placementStrategy: [first, ...rest] }));

/** One task, any chain of up to three of ECS's strategies (none: the defaults), and one or two preferences put in anywhere. */
const oneTaskWithPreferences = fc
  .tuple(requestArbitrary({ count: fc.constant(1) }), fc.array(enginePrefer, { minLength: 1, maxLength: 2 }), fc.array(fc.nat(), { minLength: 2, maxLength: 2 }))
  .map(([request, preferences, slots]) => ({
    without: request,
    with: { ...request, placementStrategy: insertAt<Drawn>(request.placementStrategy ?? [], preferences, slots) },
  }));

/** Any request, and the same with a preference of weight 0 put in anywhere in its chain. */
const withZeroPreference = fc
  .tuple(fc.oneof(requestArbitrary(), roomyRequest(fc.array(placementStrategy, { maxLength: 3 }))), enginePrefer, fc.nat())
  .map(([request, preference, slot]) => ({
    without: request,
    with: { ...request, placementStrategy: insertAt<Drawn>(request.placementStrategy ?? [], [{ ...preference, weight: 0 }], [slot]) },
  }));

/** `count` preferences anywhere in a chain of up to three of ECS's strategies (or none). */
const withPreferences = (count: { minLength: number; maxLength: number }): fc.Arbitrary<PlacementRequest> => fc
  .tuple(roomyRequest(fc.array(placementStrategy, { maxLength: 3 })), fc.array(enginePrefer, count), fc.array(fc.nat(), { minLength: 2, maxLength: 2 }))
  .map(([request, preferences, slots]): PlacementRequest => ({ ...request, placementStrategy: insertAt<Drawn>(request.placementStrategy ?? [], preferences, slots) }));

/** Two preferences anywhere in a chain. */
const severalPreferences = withPreferences({ minLength: 2, maxLength: 2 });

/**
 * The documented meaning of a chain's preferences, written out: one
 * strategy whose key is minus the summed weight, where the first preference
 * stands, the rest of the chain in its order, and ECS's default chain after
 * it when the chain held only preferences.
 */
function asOneStrategy(request: PlacementRequest): PlacementRequest {
  const chain = request.placementStrategy ?? [];
  const preferences = preferencesOf(request);
  const summed: InstanceStrategy = { name: 'summedWeights', dependsOn: 'instance', key: (instance) => -summedWeight(preferences, instance) };
  const first = chain.findIndex((strategy) => 'type' in strategy && strategy.type === 'prefer');
  const rest = chain.filter((strategy) => !('type' in strategy && strategy.type === 'prefer'));
  const defaults: PlacementStrategy[] = request.service === undefined
    ? [{ type: 'random' }]
    : [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }];
  const combined = rest.length === 0 ? [summed, ...defaults] : [...rest.slice(0, first), summed, ...rest.slice(first)];
  return { ...request, placementStrategy: combined };
}

describe.each(ENGINES)('prefer on the %s engine', (engine) => {
  test.prop([roomyScenario, preferFirst, fc.nat(2)], { numRuns: runs(40) })(
    'with a preference first, every task goes to an instance with the highest summed weight of all the instances that pass every check',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const preferences = preferencesOf(request);
      const gaps: string[] = [];
      replayPlacements(cluster.snapshot(), request, cluster.place(request).placements, ({ step, candidates, chosen, instanceId }) => {
        if (chosen === undefined) {
          gaps.push(`task ${step} went to ${instanceId}, which is not registered`);
          return;
        }
        const weightOf = (instance: ModelInstance): number => summedWeight(preferences, instance.view());
        const best = Math.max(...candidates.map(weightOf));
        if (weightOf(chosen) !== best) {
          gaps.push(`task ${step} went to ${chosen.id}, weighing ${weightOf(chosen)}, but the best weighed ${best} (${candidates.map((candidate) => `${candidate.id}=${weightOf(candidate)}`).join(', ')})`);
        }
      });
      expect(gaps, gaps.join('\n')).toEqual([]);
    },
  );

  test.prop([fc.oneof(clusterScenario, roomyScenario), oneTaskWithPreferences], { numRuns: runs(50) })(
    'preferences never change whether a task can be placed: placed with them if and only if placed without, failing for the same reason',
    (scenario, { with: preferred, without }) => {
      const feasibility = (request: PlacementRequest) => {
        const { placements, failures } = scenarioCluster(scenario, engine).place(request);
        return { placed: placements.length, failures: failures.map(({ reason, instanceId, diagnosis }) => ({ reason, instanceId, summary: diagnosis.summary })) };
      };
      expect(feasibility(preferred)).toEqual(feasibility(without));
    },
  );

  test.prop([fc.oneof(clusterScenario, roomyScenario), withZeroPreference], { numRuns: runs(50) })(
    'a preference of weight 0, anywhere in a chain, places exactly as the chain without it: the same placements, failures and generator state',
    (scenario, { with: preferred, without }) => {
      expect(placedWith(scenarioCluster(scenario, engine), preferred)).toEqual(placedWith(scenarioCluster(scenario, engine), without));
    },
  );

  test.prop([roomyScenario, severalPreferences, fc.nat(2)], { numRuns: runs(40) })(
    "a chain's preferences place as one instance strategy keyed by minus their summed weight, where the first of them stands",
    (scenario, request, warmUps) => {
      const preferred = scenarioCluster(scenario, engine);
      const summed = scenarioCluster(scenario, engine);
      placeTimes(preferred, request, warmUps);
      placeTimes(summed, request, warmUps);
      expect(placedWith(preferred, request)).toEqual(placedWith(summed, asOneStrategy(request)));
    },
  );

  test.prop([fc.oneof(clusterScenario, roomyScenario), withPreferences({ minLength: 1, maxLength: 2 })], { numRuns: runs(50) })(
    'checkPlacement judges a chain with preferences anywhere in it and finds nothing wrong',
    (scenario, request) => {
      const cluster = scenarioCluster(scenario, engine);
      const before = cluster.snapshot();
      const violations = checkPlacement(before, request, cluster.place(request));
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );
});
