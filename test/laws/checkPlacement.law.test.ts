import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { PlacementResult } from '../../src/placement/PlacementResult';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import { checkAfter } from '../support/checkAfter';
import { binpackStrategy, clusterScenario, placementRequest, requestArbitrary, roomyScenario, spreadStrategy } from '../support/lawArbitraries';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

describe.each(ENGINES)('the %s engine', (engine) => {
  test.prop([fc.oneof(clusterScenario, roomyScenario), placementRequest], { numRuns: runs(500) })(
    'places every request as the checker replays it, and starts exactly the tasks placed',
    (scenario, request) => {
      const cluster = scenarioCluster(scenario, engine);
      const before = cluster.snapshot();
      const result = cluster.place(request);
      const violations = [...checkPlacement(before, request, result), ...checkAfter(before, request, result, cluster.snapshot())];
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );
});

// A checker that accepts everything proves nothing: these make sure it sees wrong results.
describe('the checker', () => {
  // Without random, the chain and the final tie make the right instance unique.
  const deterministic = requestArbitrary({ strategies: fc.array(fc.oneof(binpackStrategy, spreadStrategy), { minLength: 1, maxLength: 3 }) });

  test.prop([roomyScenario, deterministic, fc.nat()], { numRuns: runs(150) })('flags a placement moved to any other instance, at that very task, as the one cause', (scenario, request, pick) => {
    const cluster = scenarioCluster(scenario);
    const before = cluster.snapshot();
    const result = cluster.place(request);
    const step = pick % Math.max(result.placements.length, 1);
    const placed = result.placements[step];
    const others = before.instances.filter((instance) => instance.id !== placed?.instanceId);
    const other = others[pick % Math.max(others.length, 1)];
    fc.pre(placed !== undefined && other !== undefined);
    const moved = result.placements.map((placement, index) => (index === step ? { ...placement, instanceId: other.id } : placement));
    const violations = checkPlacement(before, request, { ...result, placements: moved });
    // One bug, one cause: what the moved task changed for the tasks after it is marked as its consequence.
    const causes = violations.filter((violation) => violation.consequence !== true);
    expect(causes.map((violation) => violation.step)).toEqual([step]);
    expect(violations[0]).toBe(causes[0]);
    expect(violations.filter((violation) => violation.consequence === true && violation.step <= step)).toEqual([]);
    expect(checkPlacement(before, request, { ...result, placements: moved }, { stopAtFirst: true })).toEqual(causes);
  });

  test.prop([roomyScenario, placementRequest], { numRuns: runs(150) })('flags a task reported as failed that an instance could take', (scenario, request) => {
    const cluster = scenarioCluster(scenario);
    const before = cluster.snapshot();
    const result = cluster.place(request);
    const last = result.placements.length - 1;
    fc.pre(last >= 0);
    const diagnosis = { instances: before.instances.length, available: 0, rejected: [], summary: '' };
    const failed: PlacementResult = {
      placements: result.placements.slice(0, last),
      failures: [{ reason: 'RESOURCE:MEMORY', detail: '', diagnosis }, ...result.failures],
    };
    expect(checkPlacement(before, request, failed).filter((violation) => violation.step === last).map((violation) => violation.law)).toContain('avoidableFailure');
  });

  test.prop([clusterScenario, placementRequest], { numRuns: runs(150) })('flags a result with a task missing', (scenario, request) => {
    const cluster = scenarioCluster(scenario);
    const before = cluster.snapshot();
    const result = cluster.place(request);
    const short: PlacementResult = result.failures.length > 0
      ? { ...result, failures: result.failures.slice(1) }
      : { ...result, placements: result.placements.slice(1) };
    expect(checkPlacement(before, request, short).map((violation) => violation.law)).toContain('count');
  });
});
