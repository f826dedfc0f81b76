import { expect, it } from 'vitest';
import { Cluster, type PlacementRequest, type PlacementResult } from '../../../src/index';
import { assertPlacement, checkPlacement } from '../../../src/arbitraries/index';

it('reports a moved placement as the cause, and what it changed for the next tasks as consequences', () => {
  const instance = (id: string) => ({ id, resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': 'us-east-1a' } });
  const cluster = new Cluster({ instances: [instance('a'), instance('b')] });
  const request: PlacementRequest = { task: { resources: { memory: 512 } }, group: 'web', count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }] };
  cluster.place({ ...request, count: 1 }); // on a
  const before = cluster.snapshot();
  const result = cluster.place(request); // b, a, b
  // A planted bug: the first task moved to a. Task 1 went to a too, which by then held more of the group than b.
  const moved: PlacementResult = { ...result, placements: result.placements.map((placement, index) => (index === 0 ? { ...placement, instanceId: 'a' } : placement)) };

  const violations = checkPlacement(before, request, moved);
  expect(violations.map(({ law, step, consequence }) => [law, step, consequence])).toEqual([
    ['spread', 0, undefined],
    ['spread', 1, true],
  ]);
  // Only the first divergence, and nothing judged on the state it changed.
  expect(checkPlacement(before, request, moved, { stopAtFirst: true })).toEqual([violations[0]]);
  expect(() => assertPlacement(before, request, moved)).toThrow('The placement broke 1 law, and 1 consequence follows:');
});
