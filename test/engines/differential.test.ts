import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import {
  customChainRequest,
  engineRequest,
  engineScenario,
  hungryRequest,
  randomChainRequest,
  shapeTrio,
} from '../support/engineArbitraries';
import { stopPicked } from '../support/engineCommands';
import { nextDraws, outcomeOf, scenarioTwins, type Twins } from '../support/engineTwins';

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

/** Stops the running task at `pick` modulo the tasks on both engines, expecting the same task and the same state. */
function expectSameStop(twins: Twins, pick: number, context: string): void {
  expect(outcomeOf(() => stopPicked(twins.indexed, pick)), `stop ${context}`).toStrictEqual(outcomeOf(() => stopPicked(twins.reference, pick)));
  expect(twins.indexed.snapshot(), `snapshot after stop ${context}`).toStrictEqual(twins.reference.snapshot());
}

// Each property runs 1,000 or more cases of two clusters each: seconds, not the default 5 s, on a busy machine.
describe('the indexed engine against the reference engine', { timeout: 120_000 }, () => {
  test.prop([engineScenario, engineRequest], { numRuns: 1500 })(
    'places every valid request alike, leaves the same state, and leaves the generator at the same number',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expect(twins.indexed.snapshot(), 'the scenario builds the same state').toStrictEqual(twins.reference.snapshot());
      expectSamePlacement(twins, request, 'of the request');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, randomChainRequest], { numRuns: 1000 })(
    'draws alike for random first, in the middle or last in the chain, and places alike after it',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expectSamePlacement(twins, request, 'of the random chain');
      expectSamePlacement(twins, request, 'of the same random chain again');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, hungryRequest], { numRuns: 1000 })(
    'fills the fleet alike and then gives the same failures, closest instances and diagnoses',
    (scenario, request) => {
      const twins = scenarioTwins(scenario);
      expectSamePlacement(twins, request, 'of the hungry request');
      expectSamePlacement(twins, request, 'of the hungry request on the full fleet');
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, engineRequest], { numRuns: 1000 })(
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

  test.prop([engineScenario, requestSequence], { numRuns: 1000 })(
    'places a sequence of requests that repeats shapes, between stops, alike step after step',
    (scenario, [pool, steps]) => {
      const twins = scenarioTwins(scenario);
      steps.forEach((step, index) => {
        if ('stop' in step) {
          expectSameStop(twins, step.stop, `at step ${index} (task #${step.stop})`);
          return;
        }
        const request = { ...(pool[step.place % pool.length] as PlacementRequest), count: step.count };
        expectSamePlacement(twins, request, `at step ${index} (pool request ${step.place % pool.length}, count ${step.count})`);
      });
      expectSameGenerator(twins);
    },
  );

  test.prop([engineScenario, customChainRequest], { numRuns: 1000 })(
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
