import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import type { PlacementRequest, PlacementStrategy } from '../../src/model/PlacementRequest';
import { placementStrategy, roomyRequest, roomyScenario } from '../support/lawArbitraries';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

// ECS reads binpack's cpu and memory in any case (DescribeServices reports
// MEMORY, CDK writes CPU): however a request spells them, it is the same request.
const ecsBinpack = fc.constantFrom('cpu', 'memory').map((field): PlacementStrategy => ({ type: 'binpack', field }));
const withEcsBinpack = fc
  .tuple(ecsBinpack, fc.array(fc.oneof(ecsBinpack, placementStrategy), { maxLength: 2 }), fc.nat(2))
  .map(([binpack, rest, at]) => [...rest.slice(0, at), binpack, ...rest.slice(at)]);
const lowerCaseRequest = roomyRequest(withEcsBinpack);
/** Upper or lower case for each letter of `memory` and `cpu`: every spelling ECS accepts. */
const spelling = fc.array(fc.boolean(), { minLength: 6, maxLength: 6 });

function spelt(request: PlacementRequest, upper: readonly boolean[]): PlacementRequest {
  const recase = (field: string): string => [...field].map((letter, index) => (upper[index] === true ? letter.toUpperCase() : letter)).join('');
  const placementStrategy = (request.placementStrategy ?? []).map((strategy) =>
    'type' in strategy && strategy.type === 'binpack' && (strategy.field === 'cpu' || strategy.field === 'memory') ? { ...strategy, field: recase(strategy.field) } : strategy);
  return { ...request, placementStrategy };
}

describe.each(ENGINES)('binpack field case on the %s engine', (engine) => {
  test.prop([roomyScenario, lowerCaseRequest, spelling], { numRuns: runs(100) })(
    'any casing of cpu and memory places as the lower-case spelling, and reads the same in explanations',
    (scenario, request, upper) => {
      const recased = spelt(request, upper);
      expect(scenarioCluster(scenario, engine).place(recased)).toEqual(scenarioCluster(scenario, engine).place(request));
      expect(scenarioCluster(scenario, engine).explain(recased).strategies).toEqual(scenarioCluster(scenario, engine).explain(request).strategies);
    },
  );

  test.prop([roomyScenario, lowerCaseRequest, spelling], { numRuns: runs(75) })(
    'the checker reads the casing as the engine does: no law is broken',
    (scenario, request, upper) => {
      const recased = spelt(request, upper);
      const cluster = scenarioCluster(scenario, engine);
      const before = cluster.snapshot();
      const violations = checkPlacement(before, recased, cluster.place(recased));
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );
});
