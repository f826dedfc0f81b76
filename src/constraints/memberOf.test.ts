import { describe, expect, it } from 'vitest';
import { makeInstanceSpec } from '../../test/support/makeInstanceSpec';
import { Cluster } from '../cluster/Cluster';

describe('memberOf', () => {
  const request = {
    task: { resources: { memory: 128 } },
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }],
  } as const;

  it.each(['indexed', 'reference'] as const)('sees an attribute change on instances that share their attributes (%s)', (engine) => {
    const shared = Object.freeze({ 'ecs.availability-zone': 'us-east-1a', stack: 'dev' });
    const cluster = new Cluster({ engine, instances: [makeInstanceSpec('a'), makeInstanceSpec('b')].map((spec) => ({ ...spec, attributes: shared })) });
    expect(cluster.place(request).placements).toEqual([]);
    cluster.updateInstance('b', { attributes: { stack: 'prod' } });
    expect(cluster.place(request).placements.map((p) => p.instanceId)).toEqual(['b']);
    expect(cluster.listInstances('attribute:stack == dev').map((i) => i.id)).toEqual(['a']);
  });

  it('evaluates expressions that read tasks on every check', () => {
    const cluster = new Cluster({ instances: [makeInstanceSpec('a'), makeInstanceSpec('b')] });
    const ids = cluster.place({
      task: { resources: { memory: 128 } },
      count: 2,
      group: 'g',
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'memberOf', expression: 'runningTasksCount == 0' }],
    }).placements.map((p) => p.instanceId);
    expect(ids).toEqual(['a', 'b']);
  });
});
