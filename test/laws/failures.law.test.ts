import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Cluster, ClusterSnapshot } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { PlacementResult } from '../../src/placement/PlacementResult';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import { clusterScenario, placementRequest, lawTask, requestArbitrary } from '../support/lawArbitraries';
import type { ModelOutcome } from '../../src/arbitraries/model/ModelCluster';
import { modelRequest } from '../../src/arbitraries/model/modelRequest';
import { replayPlacements } from '../../src/arbitraries/model/replayPlacements';
import { ENGINES, scenarioCluster } from '../support/scenarioCluster';
import { runs } from '../support/runs';

/** Big tasks in big counts, beside ordinary requests, so that most requests run out of room. */
const hungryRequest = fc.oneof(
  placementRequest,
  requestArbitrary({ task: lawTask({ resources: { memory: [1024, 2048, 4096, 8192] } }), count: fc.integer({ min: 3, max: 10 }) }),
);

interface Failed {
  readonly before: ClusterSnapshot;
  readonly result: PlacementResult;
  /** Every instance's outcome on the state after the placements, where every failure was decided. */
  readonly outcomes: readonly ModelOutcome[];
}

/** Places the request; skips the run unless some task failed. */
function placeFailing(cluster: Cluster, request: PlacementRequest): Failed {
  const before = cluster.snapshot();
  const result = cluster.place(request);
  fc.pre(result.failures.length > 0);
  const after = replayPlacements(before, request, result.placements, () => undefined);
  return { before, result, outcomes: after.outcomes(modelRequest(request)) };
}

describe.each(ENGINES)('failures on the %s engine', (engine) => {
  test.prop([clusterScenario, hungryRequest], { numRuns: runs(175) })(
    'a task fails only when no instance can take it, and every failed task of a request fails alike',
    (scenario, request) => {
      const { result, outcomes } = placeFailing(scenarioCluster(scenario, engine), request);
      const able = outcomes.filter((outcome) => outcome.rejection === undefined).map((outcome) => outcome.instance.id);
      expect(able, `failed with ${result.failures[0]?.reason}, yet these could take the task`).toEqual([]);
      for (const failure of result.failures) expect(failure).toEqual(result.failures[0]);
    },
  );

  test.prop([clusterScenario, hungryRequest], { numRuns: runs(175) })(
    'a failure gives the ECS reason and rejection of the closest matching instance, the earliest registered of those that passed the most checks',
    (scenario, request) => {
      const { before, result } = placeFailing(scenarioCluster(scenario, engine), request);
      const violations = checkPlacement(before, request, result).filter((violation) => ['closestInstance', 'failureReason'].includes(violation.law));
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );

  test.prop([clusterScenario, hungryRequest], { numRuns: runs(175) })(
    'the diagnosis counts every instance once, by its first failed check, and none as available',
    (scenario, request) => {
      const { before, result } = placeFailing(scenarioCluster(scenario, engine), request);
      for (const { diagnosis } of result.failures) {
        const rejected = diagnosis.rejected.reduce((sum, entry) => sum + entry.count, 0);
        expect({ instances: diagnosis.instances, available: diagnosis.available, rejected }).toEqual({
          instances: before.instances.length,
          available: 0,
          rejected: before.instances.length,
        });
      }
      const violations = checkPlacement(before, request, result).filter((violation) => violation.law === 'diagnosis');
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );

  test.prop([clusterScenario, hungryRequest], { numRuns: runs(175) })(
    'resolvable is true exactly for an exhausted resource and for a port a task holds',
    (scenario, request) => {
      const { result, outcomes } = placeFailing(scenarioCluster(scenario, engine), request);
      const portsHeld = outcomes.filter(({ rejection }) => rejection?.code === 'port_in_use' && !rejection.reserved).length;
      const portsReserved = outcomes.filter(({ rejection }) => rejection?.code === 'port_in_use' && rejection.reserved).length;
      const { rejected } = (result.failures[0] as (typeof result.failures)[number]).diagnosis;
      for (const entry of rejected) {
        if (entry.code === 'insufficient_resource') expect(entry.resolvable, entry.description).toBe(true);
        else if (entry.code !== 'port_in_use') expect(entry.resolvable, entry.description).toBe(false);
      }
      const ports = (resolvable: boolean): number =>
        rejected.filter((entry) => entry.code === 'port_in_use' && entry.resolvable === resolvable).reduce((sum, entry) => sum + entry.count, 0);
      expect({ held: ports(true), reserved: ports(false) }).toEqual({ held: portsHeld, reserved: portsReserved });
    },
  );
});
