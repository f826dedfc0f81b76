import fc from 'fast-check';
import { expect, it } from 'vitest';
import { Cluster, type PlacementRequest } from '../../../src/index';
import { assertPlacement, buildCluster, checkPlacement, cluster, placementRequest } from '../../../src/arbitraries/index';

// Of the constraints drawn, 3 in 10 are spreadLimit, 3 in 10 atMost, 3 in 10 distinctInstance; half the distinctInstance and atMost count the api service's tasks too.
const beyondEcs = { spreadLimitRate: 0.3, atMostRate: 0.3, groups: ['service:api'] };
const requests = placementRequest({ constraintsRate: 0.5, constraint: beyondEcs });

it('keeps spreadLimit, atMost and distinctInstance over groups, in the history and in the request', () => {
  fc.assert(
    fc.property(cluster({ request: { constraint: beyondEcs } }), requests, (scenario, request) => {
      const built = buildCluster(scenario);
      const before = built.snapshot();
      assertPlacement(before, request, built.place(request));
    }),
    { numRuns: 30 },
  );
});

it('reports a task moved into a zone the limit refuses, with the rejection the engine would give', () => {
  const zone = (id: string, az: string) => ({ id, resources: { cpu: 1024, memory: 2048 }, attributes: { 'ecs.availability-zone': az } });
  const cluster = new Cluster({ instances: [zone('a-1', 'us-east-1a'), zone('b-1', 'us-east-1b')] });
  const request: PlacementRequest = {
    task: { resources: { memory: 512 } },
    service: 'web',
    count: 2,
    placementStrategy: [{ type: 'binpack', field: 'memory' }],
    placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }],
  };
  const before = cluster.snapshot();
  const result = cluster.place(request); // a-1, then b-1: a second task in us-east-1a would be 2 above us-east-1b
  const moved = { ...result, placements: result.placements.map((placement) => ({ ...placement, instanceId: 'a-1' })) };

  expect(checkPlacement(before, request, moved)).toEqual([
    expect.objectContaining({
      law: 'spreadLimit',
      step: 1,
      rejection: { code: 'spread_limit', field: 'attribute:ecs.availability-zone', domain: 'us-east-1a', tasks: 1, minimum: 0, maxSkew: 1, emptiest: 'us-east-1b' },
    }),
  ]);
});
