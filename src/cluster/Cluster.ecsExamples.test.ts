import { describe, expect, it } from 'vitest';
import { makeInstanceSpec } from '../../test/support/makeInstanceSpec';
import type { PlacementRequest } from '../model/PlacementRequest';
import { Cluster } from './Cluster';

// The strategy and constraint examples of the ECS developer guide, each on a
// small fleet whose right answer can be worked out by hand.

const small: PlacementRequest['task'] = { family: 'app', resources: { cpu: 256, memory: 512 } };

/** Two instances in each of three zones; types t2.small, t2.medium, m5.large. */
function sixInstances(): Cluster {
  return new Cluster({
    instances: [
      makeInstanceSpec('a1', { zone: 'us-east-1a', type: 't2.small', resources: { memory: 2048 } }),
      makeInstanceSpec('a2', { zone: 'us-east-1a', type: 'm5.large', resources: { memory: 7680 } }),
      makeInstanceSpec('b1', { zone: 'us-east-1b', type: 't2.medium', resources: { memory: 4096 } }),
      makeInstanceSpec('b2', { zone: 'us-east-1b', type: 'm5.large', resources: { memory: 7680 } }),
      makeInstanceSpec('d1', { zone: 'us-east-1d', type: 't2.small', resources: { memory: 2048 } }),
      makeInstanceSpec('d2', { zone: 'us-east-1d', type: 'g2.2xlarge', resources: { memory: 15360 } }),
    ],
  });
}

const placed = (cluster: Cluster, request: PlacementRequest): string[] => cluster.place(request).placements.map((p) => p.instanceId);
const ZONE = 'attribute:ecs.availability-zone';

describe('the ECS strategy examples', () => {
  it('random', () => {
    const ids = placed(sixInstances(), { task: small, count: 30, placementStrategy: [{ type: 'random' }] });
    expect(new Set(ids).size).toBeGreaterThan(3);
  });

  it('spread evenly across Availability Zones', () => {
    expect(placed(sixInstances(), { task: small, count: 6, service: 's', placementStrategy: [{ type: 'spread', field: ZONE }] })).toEqual([
      'a1', 'b1', 'd1', 'a1', 'b1', 'd1',
    ]);
  });

  it('spread evenly across all instances', () => {
    const ids = placed(sixInstances(), { task: small, count: 6, service: 's', placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
    expect([...ids].sort()).toEqual(['a1', 'a2', 'b1', 'b2', 'd1', 'd2']);
  });

  it('binpack on memory', () => {
    // a1 and d1 have the least memory; a1, registered first, stays the fullest until it is full.
    expect(placed(sixInstances(), { task: small, count: 5, placementStrategy: [{ type: 'binpack', field: 'memory' }] })).toEqual([
      'a1', 'a1', 'a1', 'a1', 'd1',
    ]);
  });

  it('spread across Availability Zones, then binpack on memory within each', () => {
    expect(placed(sixInstances(), {
      task: small, count: 6, service: 's',
      placementStrategy: [{ type: 'spread', field: ZONE }, { type: 'binpack', field: 'memory' }],
    })).toEqual(['a1', 'd1', 'b1', 'a1', 'd1', 'b1']);
  });

  it('spread across Availability Zones, then across the instances in each', () => {
    expect(placed(sixInstances(), {
      task: small, count: 6, service: 's',
      placementStrategy: [{ type: 'spread', field: ZONE }, { type: 'spread', field: 'instanceId' }],
    })).toEqual(['a1', 'b1', 'd1', 'a2', 'b2', 'd2']);
  });

  it('spread across instances, then binpack on memory', () => {
    expect(placed(sixInstances(), {
      task: small, count: 7, service: 's',
      placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'binpack', field: 'memory' }],
    })).toEqual(['a1', 'd1', 'b1', 'a2', 'b2', 'd2', 'a1']);
  });
});

describe('the ECS constraint examples', () => {
  it('one task per host with distinctInstance', () => {
    const result = sixInstances().place({ task: small, count: 7, service: 's', placementConstraints: [{ type: 'distinctInstance' }] });
    expect(new Set(result.placements.map((p) => p.instanceId)).size).toBe(6);
    expect(result.failures.map((f) => f.reason)).toEqual(['DistinctInstance placement constraint unsatisfied.']);
  });

  it.each([
    ['attribute:ecs.instance-type == t2.small', ['a1', 'd1']],
    ['attribute:ecs.instance-type =~ t2.*', ['a1', 'b1', 'd1']],
    ['attribute:ecs.availability-zone in [us-east-1a, us-east-1b]', ['a1', 'a2', 'b1', 'b2']],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d', []],
    ['attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone == us-east-1d', ['d2']],
  ])('memberOf(%s) places only on the matching instances', (expression, allowed) => {
    const result = sixInstances().place({
      task: small, count: 12, group: 'g',
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      placementConstraints: [{ type: 'memberOf', expression }],
    });
    expect([...new Set(result.placements.map((p) => p.instanceId))].sort()).toEqual(allowed);
  });

  it('task affinity: memberOf(task:group == databases) follows the databases', () => {
    const cluster = sixInstances();
    cluster.place({ task: small, count: 2, group: 'databases', placementStrategy: [{ type: 'spread', field: ZONE }] });
    const result = cluster.place({
      task: small, count: 4, group: 'app',
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      placementConstraints: [{ type: 'memberOf', expression: 'task:group == databases' }],
    });
    expect(result.placements.map((p) => p.instanceId)).toEqual(['a1', 'b1', 'a1', 'b1']);
  });

  it('task anti-affinity: memberOf(not(task:group == database)) keeps away from them', () => {
    const cluster = sixInstances();
    cluster.place({ task: small, count: 3, group: 'database', placementStrategy: [{ type: 'spread', field: ZONE }] });
    const result = cluster.place({
      task: small, count: 6, group: 'app',
      placementStrategy: [{ type: 'spread', field: 'instanceId' }],
      placementConstraints: [{ type: 'memberOf', expression: 'not(task:group == database)' }],
    });
    expect([...new Set(result.placements.map((p) => p.instanceId))].sort()).toEqual(['a2', 'b2', 'd2']);
  });

  it('a daemon-first service: memberOf(task:group == service:daemon-service)', () => {
    const cluster = sixInstances();
    cluster.place({ task: small, service: 'daemon-service', placementStrategy: [{ type: 'spread', field: 'instanceId' }], count: 2 });
    // The daemon went to a1 and a2; the replicas may only follow it there.
    const ids = placed(cluster, { task: small, count: 3, service: 'replica', placementConstraints: [{ type: 'memberOf', expression: 'task:group == service:daemon-service' }] });
    expect(ids).toHaveLength(3);
    expect(ids.every((id) => id === 'a1' || id === 'a2')).toBe(true);
  });
});

describe('one failure per ECS reason', () => {
  const one = (spec: Parameters<typeof makeInstanceSpec>[1], request: Partial<PlacementRequest> = {}, task: PlacementRequest['task'] = small) =>
    new Cluster({ instances: [makeInstanceSpec('i', spec)] }).place({ task, ...request }).failures[0];

  it.each([
    ['RESOURCE:CPU', one({ resources: { cpu: 128 } })],
    ['RESOURCE:MEMORY', one({ resources: { memory: 256 } })],
    ['RESOURCE:GPU', one({}, {}, { resources: { gpu: 1 } })],
    ['RESOURCE:ENI', one({ resources: { eni: 0 } }, {}, { resources: { eni: 1 } })],
    ['RESOURCE:PORTS', one({ reservedPorts: { tcp: [80] } }, {}, { resources: {}, ports: { tcp: [80] } })],
    ['RESOURCE:PORTS_UDP', one({ reservedPorts: { udp: [53] } }, {}, { resources: {}, ports: { udp: [53] } })],
    ['ATTRIBUTE', one({}, {}, { resources: {}, requiresAttributes: ['ecs.capability.task-eni'] })],
    ['AGENT', one({ agentConnected: false })],
    ['AGENT', one({ status: 'DRAINING' })],
    ['MemberOf placement constraint unsatisfied.', one({}, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == windows' }] })],
    ['DistinctInstance placement constraint unsatisfied.', one({}, { count: 2, placementConstraints: [{ type: 'distinctInstance' }] })],
  ])('%s', (reason, failure) => {
    expect(failure?.reason).toBe(reason);
    expect(failure?.instanceId).toBe('i');
    expect(failure?.diagnosis.summary).toMatch(/^0\/1 instances are available: 1 /);
  });

  it('No Container Instances were found in your cluster.', () => {
    expect(new Cluster().place({ task: small }).failures[0]?.reason).toBe('No Container Instances were found in your cluster.');
  });
});
