import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../../src/index';
import { assertPlacement, buildCluster, cluster, placementRequest } from '../../../src/arbitraries/index';

/** My strategy: the instance running the fewest tasks first. */
const leastBusy: Strategy = {
  name: 'leastBusy',
  rank: () => (instance) => instance.runningTasksCount,
};

// Clusters whose history drains instances now and then, and requests that put leastBusy first.
const clusters = cluster({ updateRate: 0.3, patches: [{ status: 'DRAINING' }, { status: 'ACTIVE' }] });
const requests = placementRequest().map((request) => ({
  ...request,
  placementStrategy: [leastBusy, ...(request.placementStrategy ?? [])],
}));

describe('my leastBusy strategy', () => {
  it('never places on DRAINING instances, and keeps every law of placement', () => {
    fc.assert(
      fc.property(clusters, requests, (scenario, request) => {
        const built = buildCluster(scenario);
        const before = built.snapshot();
        const draining = new Set(before.instances.filter((instance) => instance.status === 'DRAINING').map((instance) => instance.id));
        const result = built.place(request);
        assertPlacement(before, request, result);
        expect(result.placements.filter((placement) => draining.has(placement.instanceId))).toEqual([]);
      }),
    );
  });
});
