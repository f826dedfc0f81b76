import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';

// The opening example of docs/placement.md, as it is written there.
describe('docs/placement.md', () => {
  it('places one web task per instance and explains the third', () => {
    const cluster = new Cluster({
      seed: 42,
      instances: [
        { id: 'i-1', resources: { cpu: 2048, memory: 7680 }, attributes: { 'ecs.availability-zone': 'us-east-1a' } },
        { id: 'i-2', resources: { cpu: 2048, memory: 7680 }, attributes: { 'ecs.availability-zone': 'us-east-1b' } },
      ],
    });
    const result = cluster.place({
      task: { family: 'web', resources: { cpu: 256, memory: 512 } },
      count: 3,
      service: 'web',
      placementStrategy: [
        { type: 'spread', field: 'attribute:ecs.availability-zone' },
        { type: 'binpack', field: 'memory' },
      ],
      placementConstraints: [{ type: 'distinctInstance' }],
    });
    expect(result.placements.map((p) => p.instanceId)).toEqual(['i-1', 'i-2']);
    expect(result.failures[0]?.reason).toBe('DistinctInstance placement constraint unsatisfied.');
    expect(result.failures[0]?.diagnosis.summary).toBe('0/2 instances are available: 2 already run a task of group service:web.');
  });
});

describe('docs/placement.md strategy examples', () => {
  function twoInstances(): Cluster {
    const cluster = new Cluster({
      instances: [
        { id: 'a', resources: { cpu: 2048, memory: 7680 }, attributes: { 'ecs.availability-zone': 'us-east-1a', 'ecs.instance-type': 'm5.large' } },
        { id: 'b', resources: { cpu: 2048, memory: 7680 }, attributes: { 'ecs.availability-zone': 'us-east-1b', 'ecs.instance-type': 'm5.large' } },
      ],
    });
    cluster.place({ task: { resources: { memory: 1024 } }, group: 'g', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    return cluster;
  }
  const next = (placementStrategy: PlacementRequest['placementStrategy']) =>
    twoInstances().place({ task: { resources: { memory: 512 } }, group: 'g', ...(placementStrategy === undefined ? {} : { placementStrategy }) }).placements[0]?.instanceId;

  it.each([
    [[{ type: 'binpack', field: 'memory' }], 'a'],
    [[{ type: 'spread', field: 'instanceId' }], 'b'],
    [[{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }], 'b'],
  ] as const)('%j sends the next task to %s', (strategies, expected) => {
    expect(next(strategies)).toBe(expected);
  });
});
