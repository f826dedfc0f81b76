import fc from 'fast-check';
import { expect, it } from 'vitest';
import { assertPlacement, buildCluster, placementCase } from '../../../src/arbitraries/index';

const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
// Every zone has an ACTIVE instance, and at least three instances can take the task: no .filter, nothing thrown away.
const cases = placementCase({ fleet: { zones, everyZone: true }, withRoom: 3, request: { strategies: { randomRate: 0 } } });

it('keeps every law when every zone is present and three instances have room', () => {
  fc.assert(
    fc.property(cases, (drawn) => {
      const cluster = buildCluster(drawn);
      expect(cluster.explain(drawn.request).diagnosis.available).toBeGreaterThanOrEqual(3);
      const before = cluster.snapshot();
      assertPlacement(before, drawn.request, cluster.place(drawn.request));
    }),
    { numRuns: 30 },
  );
});
