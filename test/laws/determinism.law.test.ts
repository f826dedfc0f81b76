import { test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { PlacementInputError } from '../../src/model/PlacementInputError';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import { clusterScenario, placementRequest, plainTaskSpec } from '../support/lawArbitraries';
import { nearMissRequest } from '../support/nearMissRequest';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** A standalone request: random by default, so it shows whether the generator moved. */
const randomProbe = plainTaskSpec.map((task): PlacementRequest => ({ task, count: 3 }));

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe.each(ENGINES)('determinism on the %s engine', (engine) => {
  test.prop([clusterScenario, placementRequest], { numRuns: runs(150) })('the same state, request and seed give the same result and the same state', (scenario, request) => {
    const first = scenarioCluster(scenario, engine);
    const second = scenarioCluster(scenario, engine);
    expect(first.snapshot()).toEqual(second.snapshot());
    expect(first.place(request)).toEqual(second.place(request));
    expect(first.snapshot()).toEqual(second.snapshot());
  });

  test.prop([clusterScenario, placementRequest, randomProbe], { numRuns: runs(150) })(
    'explain changes nothing: the state is the same, and the next placements are those of a twin that did not explain',
    (scenario, request, probe) => {
      const explained = scenarioCluster(scenario, engine);
      const twin = scenarioCluster(scenario, engine);
      const before = explained.snapshot();
      explained.explain(request);
      expect(explained.snapshot()).toEqual(before);
      expect(explained.place(request)).toEqual(twin.place(request));
      expect(explained.place(probe)).toEqual(twin.place(probe));
    },
  );

  test.prop([clusterScenario, placementRequest], { numRuns: runs(150) })(
    "explain's result is what place returns, and its chosen instance is the first placement",
    (scenario, request) => {
      const explanation = scenarioCluster(scenario, engine).explain(request);
      const result = scenarioCluster(scenario, engine).place(request);
      expect(explanation.result).toEqual(result);
      expect(explanation.chosenInstanceId).toBe(result.placements[0]?.instanceId);
      if (result.placements.length === 0) expect(explanation.diagnosis).toEqual(result.failures[0]?.diagnosis);
    },
  );

  test.prop([clusterScenario, nearMissRequest, randomProbe], { numRuns: runs(150) })(
    'a request refused with a PlacementInputError changes nothing, not even the generator',
    (scenario, invalid, probe) => {
      const refused = scenarioCluster(scenario, engine);
      const twin = scenarioCluster(scenario, engine);
      const before = refused.snapshot();
      expect(thrownBy(() => refused.place(invalid as PlacementRequest))).toBeInstanceOf(PlacementInputError);
      expect(thrownBy(() => refused.explain(invalid as PlacementRequest))).toBeInstanceOf(PlacementInputError);
      expect(refused.snapshot()).toEqual(before);
      expect(refused.place(probe)).toEqual(twin.place(probe));
    },
  );
});

describe('the two engines', () => {
  test.prop([clusterScenario, placementRequest], { numRuns: runs(150) })('give the same result and the same state for any request', (scenario, request) => {
    const reference = scenarioCluster(scenario, 'reference');
    const indexed = scenarioCluster(scenario, 'indexed');
    expect(indexed.place(request)).toEqual(reference.place(request));
    expect(indexed.snapshot()).toEqual(reference.snapshot());
  });
});

