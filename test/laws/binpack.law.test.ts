import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { firstStrategyGaps } from '../support/firstStrategyGaps';
import { binpackStrategy, placementStrategy, roomyRequest, roomyScenario } from '../support/lawArbitraries';
import { replayPlacements } from '../../src/arbitraries/model/replayPlacements';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

const binpackFirst = roomyRequest(fc.tuple(binpackStrategy, fc.array(placementStrategy, { maxLength: 2 })).map(([first, rest]) => [first, ...rest]));
const binpackAlone = roomyRequest(binpackStrategy.map((strategy) => [strategy]));

describe.each(ENGINES)('binpack on the %s engine', (engine) => {
  test.prop([roomyScenario, binpackFirst, fc.nat(2)], { numRuns: runs(500) })(
    'binpack picks a candidate with the least remaining field at every step',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const gaps = firstStrategyGaps(cluster, request);
      expect(gaps, gaps.join('\n')).toEqual([]);
    },
  );

  test.prop([roomyScenario, binpackAlone], { numRuns: runs(300) })(
    'binpack alone picks the earliest registered of the candidates with the least remaining field',
    (scenario, request) => {
      const cluster = scenarioCluster(scenario, engine);
      const before = cluster.snapshot();
      const result = cluster.place(request);
      const wrong: string[] = [];
      replayPlacements(before, request, result.placements, ({ step, model, request: resolved, candidates, instanceId }) => {
        const expected = model.narrow(candidates, resolved.strategies, resolved.group).survivors[0];
        if (expected?.id !== instanceId) wrong.push(`task ${step} went to ${instanceId}, expected ${expected?.id ?? 'no instance'}`);
      });
      expect(wrong, wrong.join('\n')).toEqual([]);
    },
  );
});
