import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { Cluster } from './Cluster';

const instance = (id: string, zone: string, type: string, cpu: number, memory: number): object =>
  ({ id, resources: { cpu, memory }, attributes: { 'ecs.availability-zone': zone, 'ecs.instance-type': type } });
const fleet = [
  instance('a1', 'us-east-1a', 'm5.large', 2048, 8192),
  instance('a2', 'us-east-1a', 'm5.xlarge', 4096, 16384),
  instance('b1', 'us-east-1b', 'm5.xlarge', 4096, 16384),
  { id: 'n1', resources: { cpu: 4096, memory: 16384 } },
] as const;
const web = { family: 'web', resources: { cpu: 1024, memory: 4096 } };

describe.each(['indexed', 'reference'] as const)('Cluster.capacity (%s engine)', (engine) => {
  it('counts the copies that fit, in all, by instance type and by zone', () => {
    const cluster = new Cluster({ instances: [...fleet] as never, engine });
    cluster.place({ task: web, group: 'other', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    // binpack on memory put both on a1, the smallest (its 2048 CPU units are then gone): a1 0, a2 4, b1 4, n1 4.
    expect(cluster.capacity(web)).toEqual({
      total: 12,
      byInstanceType: [{ instanceType: 'm5.xlarge', copies: 8 }, { instanceType: null, copies: 4 }],
      attribute: 'ecs.availability-zone',
      byAttribute: [{ value: 'us-east-1a', copies: 4 }, { value: 'us-east-1b', copies: 4 }, { value: null, copies: 4 }],
    });
  });

  it('honours constraints, counting by another attribute when asked', () => {
    const cluster = new Cluster({ instances: [...fleet] as never, engine });
    cluster.place({ task: web, service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
    // distinctInstance: one copy an instance, none on a1, which runs one of service:web already; the zone filter keeps us-east-1a.
    const answer = cluster.capacity(web, {
      service: 'web',
      placementConstraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' }],
      attribute: 'ecs.instance-type',
    });
    expect(answer).toEqual({ total: 1, byInstanceType: [{ instanceType: 'm5.xlarge', copies: 1 }], attribute: 'ecs.instance-type', byAttribute: [{ value: 'm5.xlarge', copies: 1 }] });
  });

  it('counts copies that change what a memberOf reads, one by one', () => {
    const cluster = new Cluster({ instances: [...fleet] as never, engine });
    // At most two tasks an instance: two copies on each of the four.
    expect(cluster.capacity(web, { placementConstraints: [{ type: 'memberOf', expression: 'runningTasksCount < 2' }] }).total).toBe(8);
    // Static port 80: one copy an instance.
    expect(cluster.capacity({ ...web, ports: { tcp: [80] } }).total).toBe(4);
  });

  it('refuses bad input with a code and a path, and changes nothing', () => {
    const cluster = new Cluster({ instances: [...fleet] as never, engine });
    expect(inputErrorOf(() => cluster.capacity({ resources: {} }))).toEqual({ code: 'invalid_resource', path: 'task.resources' });
    expect(inputErrorOf(() => cluster.capacity({ resources: { memory: -1 } }))).toEqual({ code: 'invalid_resource', path: 'task.resources.memory' });
    expect(inputErrorOf(() => cluster.capacity(web, { service: 'web', group: 'g' }))).toEqual({ code: 'conflicting_group', path: 'options.group' });
    expect(inputErrorOf(() => cluster.capacity(web, { attribute: 'bad name' }))).toEqual({ code: 'invalid_attribute', path: 'options.attribute' });
    expect(inputErrorOf(() => cluster.capacity(web, { placementConstraints: [{ type: 'memberOf', expression: 'attribute:a ==' }] }))).toEqual({ code: 'invalid_expression', path: 'options.placementConstraints[0].expression' });
    expect(inputErrorOf(() => cluster.capacity(web, { count: 3 } as never))).toEqual({ code: 'unknown_field', path: 'options.count' });
    expect(cluster.tasks()).toEqual([]);
  });
});
