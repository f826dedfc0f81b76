import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DistinctInstanceConstraint, PlacementConstraint, PlacementRequest } from '../../src/model/PlacementRequest';
import { checkPlacement, formatViolations } from '../../src/arbitraries/index';
import { clusterScenario, memberOfConstraint, plainTaskSpec, requestArbitrary, roomyScenario, roomyTaskSpec } from '../support/lawArbitraries';
import { ModelCluster } from '../../src/arbitraries/model/ModelCluster';
import { groupOf, modelRequest } from '../../src/arbitraries/model/modelRequest';
import { ENGINES, placeTimes, scenarioCluster } from '../support/scenarioCluster';
import { domainLaws } from '../support/domainLaws';
import { engineDistinctInstance } from '../support/engineArbitraries';
import { runs } from '../support/runs';

const distinct: PlacementConstraint = { type: 'distinctInstance' };

/** Requests with distinctInstance, alone or beside a memberOf, in either order. */
function distinctRequests(task = roomyTaskSpec): fc.Arbitrary<PlacementRequest> {
  return requestArbitrary({
    task,
    constraints: fc.oneof(
      fc.constant([distinct]),
      memberOfConstraint.map((memberOf) => [memberOf, distinct]),
      memberOfConstraint.map((memberOf) => [distinct, memberOf]),
    ),
  });
}

describe.each(ENGINES)('distinctInstance on the %s engine', (engine) => {
  test.prop([roomyScenario, distinctRequests(), fc.nat(2)], { numRuns: runs(500) })(
    'never places a task on an instance that runs a task of the group, including one placed earlier in the request',
    (scenario, request, warmUps) => {
      const cluster = scenarioCluster(scenario, engine);
      placeTimes(cluster, request, warmUps);
      const before = cluster.snapshot();
      const group = groupOf(request);
      const result = cluster.place(request);
      const taken = new Set(before.tasks.filter((task) => task.group === group).map((task) => task.instanceId));
      result.placements.forEach(({ instanceId }, step) => {
        expect(taken.has(instanceId), `task ${step} went to ${instanceId}, which already runs a task of ${group}`).toBe(false);
        taken.add(instanceId);
      });
      const violations = checkPlacement(before, request, result).filter((violation) => violation.law === 'distinctInstance');
      expect(violations, formatViolations(violations)).toEqual([]);
    },
  );

  test.prop([clusterScenario, distinctRequests(plainTaskSpec)], { numRuns: runs(300) })(
    'with a count as large as the fleet, places exactly one task on each instance that could take one at the start',
    (scenario, request) => {
      const cluster = scenarioCluster(scenario, engine);
      const before = cluster.snapshot();
      // A task on one instance changes nothing about another, so the instances able to take one never change.
      const able = new ModelCluster(before).candidates(modelRequest(request)).map((instance) => instance.id);
      const count = Math.max(before.instances.length, 1);
      const result = cluster.place({ ...request, count });
      expect(result.placements.map((placement) => placement.instanceId).sort()).toEqual([...able].sort());
      expect(result.failures).toHaveLength(count - able.length);
    },
  );
});

describe.each(ENGINES)('distinctInstance with groups on the %s engine', (engine) => {
  domainLaws<DistinctInstanceConstraint>('distinctInstance', engine, engineDistinctInstance, {
    field: () => 'instanceId',
    groups: (constraint, group) => [group, ...(constraint.groups ?? [])],
    breaks: (_constraint, domain, counts) => (domain !== undefined && counts.tasksIn(domain) > 0 ? `${domain} already runs a task of a group counted` : undefined),
  });
});
