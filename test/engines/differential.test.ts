import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import {
  crowdedPortRequest,
  customChainRequest,
  engineRequest,
  engineScenario,
  hungryRequest,
  randomChainRequest,
  rolloutPair,
  shapeTrio,
} from '../support/engineArbitraries';
import { stopPicked } from '../support/engineCommands';
import { Cluster } from '../../src/cluster/Cluster';
import { nextDraws, outcomeOf, scenarioTwins, type Twins } from '../support/engineTwins';
import { crowdedPortScenario } from '../support/lawArbitraries';
import { runs } from '../support/runs';

/** A standalone request with nothing to reserve: random by default, so its placements show the generator's next draws. */
const FOLLOW_UP: PlacementRequest = { task: { resources: {} }, count: 3, group: 'follow-up' };

/** Places on both engines and expects the same result, then the same state. */
function expectSamePlacement(twins: Twins, request: PlacementRequest, context: string): void {
  const expected = outcomeOf(() => twins.reference.place(request));
  const actual = outcomeOf(() => twins.indexed.place(request));
  expect(actual, `place ${context}`).toStrictEqual(expected);
  expect(twins.indexed.snapshot(), `snapshot after place ${context}`).toStrictEqual(twins.reference.snapshot());
}

/** The follow-up random request lands alike, and the generators' next numbers are equal. */
function expectSameGenerator(twins: Twins): void {
  expectSamePlacement(twins, FOLLOW_UP, 'of the follow-up random request');
  expect(nextDraws(twins.indexed), 'the next numbers drawn').toStrictEqual(nextDraws(twins.reference));
}

/** One step of a sequence: place a request of the pool with a count, or stop a running task. */
type SequenceStep = { readonly place: number; readonly count: number } | { readonly stop: number };

/** Three requests (two of them the same request in two groups), and steps that place them again and again between stops. */
const requestSequence = fc.tuple(
  shapeTrio,
  fc.array(
    fc.oneof<fc.Arbitrary<SequenceStep>[]>(
      fc.record({ place: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }),
      fc.record({ stop: fc.nat() }),
    ),
    { minLength: 2, maxLength: 10 },
  ),
);

/**
 * A rollout: a request at an old revision, the same at a new one, and the
 * new one again led by a spread that counts only the new revision's tasks;
 * and steps that place them and stop tasks, so that old and new tasks run
 * side by side as the selections are counted.
 */
const rolloutSequence = fc.tuple(
  rolloutPair,
  fc.constantFrom('attribute:ecs.availability-zone', 'attribute:rack', 'instanceId'),
  fc.array(
    fc.oneof(
      { weight: 3, arbitrary: fc.record({ place: fc.nat(), count: fc.integer({ min: 1, max: 6 }) }) as fc.Arbitrary<SequenceStep> },
      { weight: 1, arbitrary: fc.record({ stop: fc.nat() }) as fc.Arbitrary<SequenceStep> },
    ),
    { minLength: 2, maxLength: 10 },
  ),
).map(([[from, to], field, steps]) => {
  const selected: PlacementRequest = {
    ...(to as PlacementRequest),
    placementStrategy: [{ type: 'spread' as const, field, taskSelector: { revision: (to as PlacementRequest).task.revision as number } }, ...((to as PlacementRequest).placementStrategy ?? [])].slice(0, 5),
  };
  return [[from as PlacementRequest, to as PlacementRequest, selected], steps] as const;
});

/** Stops the running task at `pick` modulo the tasks on both engines, expecting the same task and the same state. */
function expectSameStop(twins: Twins, pick: number, context: string): void {
  expect(outcomeOf(() => stopPicked(twins.indexed, pick)), `stop ${context}`).toStrictEqual(outcomeOf(() => stopPicked(twins.reference, pick)));
  expect(twins.indexed.snapshot(), `snapshot after stop ${context}`).toStrictEqual(twins.reference.snapshot());
}

/** Places the pool's requests and stops tasks as the steps say, expecting both engines alike at every step and their generators alike after. */
function placeStepsAlike(twins: Twins, pool: readonly PlacementRequest[], steps: readonly SequenceStep[]): void {
  steps.forEach((step, index) => {
    if ('stop' in step) {
      expectSameStop(twins, step.stop, `at step ${index} (task #${step.stop})`);
      return;
    }
    const request = { ...(pool[step.place % pool.length] as PlacementRequest), count: step.count };
    expectSamePlacement(twins, request, `at step ${index} (pool request ${step.place % pool.length}, count ${step.count})`);
  });
  expectSameGenerator(twins);
}

// Each property runs hundreds of cases of two clusters each: seconds, not the default 5 s, on a busy machine.
describe('the indexed engine against the reference engine', { timeout: runs(120_000) }, () => {
  test.prop([engineScenario, engineRequest], { numRuns: runs(200) })(
    'places every valid request alike, leaves the same state, and leaves the generator at the same number',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expect(twins.indexed.snapshot(), 'the scenario builds the same state').toStrictEqual(twins.reference.snapshot());
      expectSamePlacement(twins, request, 'of the request');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, randomChainRequest], { numRuns: runs(150) })(
    'draws alike for random first, in the middle or last in the chain, and places alike after it',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expectSamePlacement(twins, request, 'of the random chain');
      expectSamePlacement(twins, request, 'of the same random chain again');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, hungryRequest], { numRuns: runs(150) })(
    'fills the fleet alike and then gives the same failures, closest instances and diagnoses',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expectSamePlacement(twins, request, 'of the hungry request');
      expectSamePlacement(twins, request, 'of the hungry request on the full fleet');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, engineRequest], { numRuns: runs(150) })(
    'explains every valid request alike and changes nothing doing so',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      const before = twins.reference.snapshot();
      const expected = outcomeOf(() => twins.reference.explain(request));
      const actual = outcomeOf(() => twins.indexed.explain(request));
      expect(actual, 'explain').toStrictEqual(expected);
      expect(twins.indexed.snapshot(), 'the indexed state after explain').toStrictEqual(before);
      expect(twins.reference.snapshot(), 'the reference state after explain').toStrictEqual(before);
      expectSamePlacement(twins, request, 'after explain');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, requestSequence], { numRuns: runs(150) })(
    'places a sequence of requests that repeats shapes, between stops, alike step after step',
    (scenario, [pool, steps]) => {
      placeStepsAlike(scenarioTwins(scenario), pool, steps);
    },
  );

  test.prop([engineScenario, rolloutSequence], { numRuns: runs(60) })(
    'places a rollout (old and new revisions side by side, spread and limits counting only some of them) alike step after step',
    (scenario, [pool, steps]) => {
      const twins = scenarioTwins(scenario);
      placeStepsAlike(twins, pool, steps);
      const last = pool[2] as PlacementRequest;
      expect(outcomeOf(() => twins.indexed.explain(last)), 'explain the selecting request').toStrictEqual(outcomeOf(() => twins.reference.explain(last)));
    },
  );

  test.prop([engineScenario, fc.array(engineRequest, { minLength: 20, maxLength: 40 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 }), fc.nat(9)), { minLength: 40, maxLength: 120 })], { numRuns: runs(20) })(
    'places many shapes interleaved (groups, sizes, chains and constraints of their own) between stops, registrations and deregistrations alike',
    (scenario, pool, steps) => {
      const twins = scenarioTwins(scenario);
      steps.forEach(([pick, count, action], index) => {
        const context = `at step ${index}`;
        if (action < 6) {
          expectSamePlacement(twins, { ...(pool[pick % pool.length] as PlacementRequest), count }, `${context} (pool request ${pick % pool.length})`);
        } else if (action < 8) {
          expectSameStop(twins, pick, context);
        } else if (action === 8) {
          const spec = { id: `late-${index}`, resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': `us-east-1${'abc'[pick % 3] as string}` } };
          twins.reference.registerInstance(spec);
          twins.indexed.registerInstance(spec);
        } else {
          const id = twins.reference.instances()[pick % Math.max(1, twins.reference.instances().length)]?.id;
          if (id === undefined) return;
          expect(outcomeOf(() => twins.indexed.deregisterInstance(id, { force: true })), `deregister ${context}`).toStrictEqual(outcomeOf(() => twins.reference.deregisterInstance(id, { force: true })));
        }
      });
      expect(twins.indexed.snapshot(), 'the state after every step').toStrictEqual(twins.reference.snapshot());
      expectSameGenerator(twins);
    },
  );

  test.prop([crowdedPortScenario(12, 2, 10), fc.array(fc.tuple(crowdedPortRequest, fc.nat(), fc.boolean()), { minLength: 1, maxLength: 6 })], { numRuns: runs(60) })(
    'places, explains and fails alike on fleets close to the limit of 100 reserved host ports, between stops',
    (scenario, steps) => {
      const twins = scenarioTwins(scenario);
      steps.forEach(([request, pick, stopFirst], index) => {
        if (stopFirst) expectSameStop(twins, pick, `before request ${index}`);
        expect(outcomeOf(() => twins.indexed.explain(request)), `explain request ${index}`).toStrictEqual(outcomeOf(() => twins.reference.explain(request)));
        expectSamePlacement(twins, request, `of request ${index}`);
      });
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, engineRequest, fc.nat()], { numRuns: runs(60) })(
    'places alike on clusters restored from the same snapshot, each in the state the snapshot gives',
    (scenario, request, seed) => {
      const original = scenarioTwins(scenario);
      const snapshot = original.reference.snapshot();
      const restored: Twins = {
        reference: new Cluster({ ...snapshot, seed, engine: 'reference' }),
        indexed: new Cluster({ ...snapshot, seed, engine: 'indexed' }),
      };
      expect(restored.indexed.snapshot(), 'the restored state').toStrictEqual(snapshot);
      expectSamePlacement(restored, request, 'on the restored clusters');
      expectSameGenerator(restored);
    },
  );

  test.prop([engineScenario, customChainRequest], { numRuns: runs(100) })(
    'places and explains alike a chain that holds a custom Strategy object, which the indexed engine leaves to the reference code',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expect(outcomeOf(() => twins.indexed.explain(request)), 'explain').toStrictEqual(outcomeOf(() => twins.reference.explain(request)));
      expectSamePlacement(twins, request, 'of the custom chain');
      // The built-in part of the chain alone is indexed: it must see the state the fallback left.
      const builtIns = (request.placementStrategy ?? []).filter((strategy) => !('name' in strategy) || (strategy.dependsOn ?? 'anything') !== 'anything');
      expectSamePlacement(twins, { ...request, placementStrategy: builtIns }, 'of the built-in part of the chain');
      expectSameGenerator(twins);
    },
  );
});
