import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/index';
import { assertPlacement, fleet, task } from '../../../src/arbitraries/index';

// Instances that all take tasks, and tasks so small that any instance takes five.
const openFleet = fleet({ minInstances: 1, drainingRate: 0, otherStatusRate: 0, disconnectedRate: 0 });
const smallTask = task({
  resources: { cpu: [0, 128], memory: [128], gpuRate: 0, customRate: 0 },
  tcpPortRate: 0,
  udpPortRate: 0,
  requiredAttributesRate: 0,
  memberOfRate: 0,
});

/** Tasks of `group` per zone, over every zone the fleet has. */
function tasksPerZone(cluster: Cluster, group: string): number[] {
  const perZone = new Map<string, number>();
  for (const instance of cluster.instances()) {
    const zone = String(instance.attributes['ecs.availability-zone']);
    perZone.set(zone, (perZone.get(zone) ?? 0) + (instance.taskGroups[group] ?? 0));
  }
  return [...perZone.values()];
}

describe('a service spread by zone', () => {
  it('never has a zone skew above 1 while every zone has room', () => {
    fc.assert(
      fc.property(openFleet, smallTask, fc.integer({ min: 1, max: 5 }), (instances, web, count) => {
        const cluster = new Cluster({ instances });
        const request = {
          task: web,
          count,
          service: 'web',
          placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' } as const],
        };
        const before = cluster.snapshot();
        assertPlacement(before, request, cluster.place(request));
        const counts = tasksPerZone(cluster, 'service:web');
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});
