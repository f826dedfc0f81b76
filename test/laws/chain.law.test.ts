import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';
import { binpackStrategy, placementStrategy, roomyRequest, roomyScenario, spreadStrategy } from '../support/lawArbitraries';
import { ModelCluster } from '../../src/arbitraries/model/ModelCluster';
import { modelRequest } from '../../src/arbitraries/model/modelRequest';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

const ranked = fc.oneof(binpackStrategy, spreadStrategy);
/** One task at a time, so that twin clusters are compared on the same state. */
const oneTask = (strategies: fc.Arbitrary<readonly PlacementStrategy[]>): fc.Arbitrary<PlacementRequest> => roomyRequest(strategies, fc.constant(1));

/** A binpack or spread, then one to three strategies of any kind. */
const rankedThenAny = oneTask(fc.tuple(ranked, fc.array(placementStrategy, { minLength: 1, maxLength: 3 })).map(([first, rest]) => [first, ...rest]));
/** One to three binpacks or spreads: a chain without random, whose final tie is registration order. */
const rankedOnly = oneTask(fc.array(ranked, { minLength: 1, maxLength: 3 }));

const withStrategies = (request: PlacementRequest, placementStrategy: NonNullable<PlacementRequest['placementStrategy']>): PlacementRequest => ({
  ...request,
  placementStrategy,
});

describe.each(ENGINES)('strategy chains on the %s engine', (engine) => {
  test.prop([roomyScenario, rankedThenAny, fc.nat(2)], { numRuns: runs(250) })(
    'a chain places where its first strategy alone does when that strategy has a unique best, and among its best otherwise',
    (scenario, request, warmUps) => {
      const chained = scenarioCluster(scenario, engine);
      const alone = scenarioCluster(scenario, engine);
      placeTimes(chained, request, warmUps);
      placeTimes(alone, request, warmUps);
      const model = new ModelCluster(chained.snapshot());
      const resolved = modelRequest(request);
      const [first] = resolved.strategies;
      const best = model.narrow(model.candidates(resolved), resolved.strategies.slice(0, 1), resolved.group).survivors.map((instance) => instance.id);
      const chosen = chained.place(request).placements[0]?.instanceId;
      const chosenAlone = alone.place(withStrategies(request, (request.placementStrategy ?? []).slice(0, 1))).placements[0]?.instanceId;
      const context = `best under ${JSON.stringify(first)}: [${best.join(', ')}]`;
      if (best.length === 1) expect({ chosen, chosenAlone }, context).toEqual({ chosen: best[0], chosenAlone: best[0] });
      else if (best.length > 1) expect({ chosenAmongBest: best.includes(chosen ?? ''), chosenAlone }, `${context}, chosen ${chosen}`).toEqual({ chosenAmongBest: true, chosenAlone: best[0] });
      else expect(chosen, context).toBeUndefined();
    },
  );

  test.prop([roomyScenario, rankedOnly, placementStrategy, fc.nat(2)], { numRuns: runs(250) })(
    'a trailing strategy only breaks the ties of the chain before it',
    (scenario, request, trailing, warmUps) => {
      const extended = scenarioCluster(scenario, engine);
      const plain = scenarioCluster(scenario, engine);
      placeTimes(extended, request, warmUps);
      placeTimes(plain, request, warmUps);
      const model = new ModelCluster(plain.snapshot());
      const resolved = modelRequest(request);
      const tied = model.narrow(model.candidates(resolved), resolved.strategies, resolved.group).survivors.map((instance) => instance.id);
      const chosenPlain = plain.place(request).placements[0]?.instanceId;
      const chosenExtended = extended.place(withStrategies(request, [...(request.placementStrategy ?? []), trailing])).placements[0]?.instanceId;
      const context = `tied under the chain: [${tied.join(', ')}], then ${JSON.stringify(trailing)}`;
      // Without the trailing strategy, the final tie goes to the earliest registered.
      expect(chosenPlain, context).toBe(tied[0]);
      if (tied.length <= 1) expect(chosenExtended, context).toBe(chosenPlain);
      else expect(tied, `${context}, chosen ${chosenExtended}`).toContain(chosenExtended);
    },
  );
});
