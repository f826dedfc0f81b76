import fc from 'fast-check';
import { it } from 'vitest';
import { assertPlacement, buildCluster, cluster, placementRequest } from '../../../src/arbitraries/index';

it('keeps every law of placement, whatever the cluster and the request', () => {
  fc.assert(
    fc.property(cluster(), placementRequest(), (scenario, request) => {
      const built = buildCluster(scenario);
      const before = built.snapshot();
      assertPlacement(before, request, built.place(request));
    }),
  );
});
