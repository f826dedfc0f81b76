import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import type { PlacementRequest } from '../../src/model/PlacementRequest';
import type { InstanceStrategy } from '../../src/model/Strategy';

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

describe('docs/placement.md, your own strategy', () => {
  // The preferSpot example of the page, as it is written there.
  const preferSpot: InstanceStrategy = {
    name: 'preferSpot',
    dependsOn: 'instance',
    key: (instance) => (instance.attributes.get('lifecycle') === 'spot' ? 0 : 1),
  };

  it.each(['indexed', 'reference'] as const)('sends tasks to spot instances first, packing memory among them (%s engine)', (engine) => {
    const spec = (id: string, lifecycle: string, memory: number) => ({ id, resources: { cpu: 4096, memory }, attributes: { lifecycle } });
    const cluster = new Cluster({ engine, instances: [spec('od-small', 'on-demand', 2048), spec('spot-big', 'spot', 8192), spec('spot-small', 'spot', 4096)] });
    const task = { resources: { memory: 1024 } };
    const placed = cluster.place({ task, count: 3, placementStrategy: [preferSpot, { type: 'binpack', field: 'memory' }] }).placements.map((p) => p.instanceId);
    expect(placed).toEqual(['spot-small', 'spot-small', 'spot-small']);
    cluster.place({ task, count: 1, group: 'other', placementStrategy: [preferSpot, { type: 'binpack', field: 'memory' }] });
    expect(cluster.place({ task, placementStrategy: [preferSpot, { type: 'binpack', field: 'memory' }] }).placements[0]?.instanceId).toBe('spot-big');
  });
});

describe('docs/placement.md, bad input', () => {
  it('lists every code a PlacementInputError can carry in its table of bad input', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/placement.md'), 'utf8');
    const table = doc.slice(doc.indexOf('## Bad input'));
    const source = readFileSync(join(import.meta.dirname, '../../src/model/PlacementInputError.ts'), 'utf8');
    const union = source.slice(source.indexOf('export type PlacementInputErrorCode'), source.indexOf(';', source.indexOf('export type PlacementInputErrorCode')));
    const codes = [...union.matchAll(/'([a-z_]+)'/g)].map((match) => match[1] ?? '');
    expect(codes.length).toBeGreaterThan(30);
    expect(codes.filter((code) => !table.includes(`\`${code}\``))).toEqual([]);
  });
});

describe('docs/placement.md, attribute values', () => {
  // The requiresAttributes example of the page, as it is written there.
  const task = {
    family: 'api',
    resources: { cpu: 256, memory: 512 },
    requiresAttributes: ['ecs.capability.task-eni', { name: 'ecs.cpu-architecture', value: 'arm64' }, { name: 'stack', value: 'prod' }],
  };

  it('places the task only where every attribute is, with the values required', () => {
    const attributes = { 'ecs.capability.task-eni': null, 'ecs.cpu-architecture': 'arm64', stack: 'prod' };
    const cluster = new Cluster({
      instances: [
        { id: 'intel', resources: { cpu: 2048, memory: 4096 }, attributes: { ...attributes, 'ecs.cpu-architecture': 'x86_64' } },
        { id: 'dev', resources: { cpu: 2048, memory: 4096 }, attributes: { ...attributes, stack: 'dev' } },
        { id: 'graviton', resources: { cpu: 2048, memory: 4096 }, attributes },
      ],
    });
    expect(cluster.place({ task, count: 3 }).placements.map(({ instanceId }) => instanceId)).toEqual(['graviton', 'graviton', 'graviton']);
  });
});

describe('docs/placement.md, constraints beyond ECS', () => {
  // The spreadLimit example of the page, as it is written there, on both engines.
  it.each(['reference', 'indexed'] as const)('keeps three zones within one task of each other on the %s engine, and names the short zone', (engine) => {
    const cluster = new Cluster({
      engine,
      instances: [
        { id: 'a-1', resources: { cpu: 1024, memory: 2048 }, attributes: { 'ecs.availability-zone': 'us-east-1a' } },
        { id: 'b-1', resources: { cpu: 1024, memory: 2048 }, attributes: { 'ecs.availability-zone': 'us-east-1b' } },
        { id: 'c-1', resources: { cpu: 256, memory: 512 }, attributes: { 'ecs.availability-zone': 'us-east-1c' } },
      ],
    });
    const result = cluster.place({
      task: { family: 'web', resources: { cpu: 256, memory: 512 } },
      service: 'web',
      count: 6,
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }],
    });
    expect(result.placements.map((p) => p.instanceId)).toEqual(['c-1', 'a-1', 'b-1', 'a-1', 'b-1']);
    expect(result.failures[0]?.reason).toBe('SpreadLimit placement constraint unsatisfied.');
    expect(result.failures[0]?.detail).toBe('The closest matching container-instance a-1 encountered error "SpreadLimit placement constraint unsatisfied.": '
      + 'its domain us-east-1a holds 2 tasks, and one more would be more than 1 above the emptiest domain\'s 1 in us-east-1c.');
    const page = readFileSync(join(import.meta.dirname, '../../docs/placement.md'), 'utf8');
    expect(page).toContain("result.placements.map((p) => p.instanceId); // ['c-1', 'a-1', 'b-1', 'a-1', 'b-1']");
    expect(page).toContain('// its domain us-east-1a holds 2 tasks, and one more would be more than 1 above the emptiest domain\'s 1 in us-east-1c.');
  });
});

describe('docs/placement.md, counting only some tasks', () => {
  // The rollout example of the page, as it is written there, on both engines.
  it.each(['reference', 'indexed'] as const)('spreads the new revision over every zone on the %s engine, where spread over the whole group would not', (engine) => {
    const make = (): Cluster => new Cluster({
      engine,
      instances: [
        { id: 'a-1', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': 'us-east-1a' } },
        { id: 'b-1', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': 'us-east-1b' } },
        { id: 'c-1', resources: { cpu: 2048, memory: 4096 }, attributes: { 'ecs.availability-zone': 'us-east-1c' } },
      ],
      // Three tasks of revision 7, all in zone 1a.
      tasks: ['old-1', 'old-2', 'old-3'].map((taskId) => (
        { taskId, instanceId: 'a-1', group: 'service:web', family: 'web', revision: 7, resources: { cpu: 256, memory: 512 }, ports: { tcp: [], udp: [] } })),
    });
    const rollout = {
      task: { family: 'web', revision: 8, resources: { cpu: 256, memory: 512 } },
      service: 'web',
      count: 3,
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone', taskSelector: { revision: 8 } }],
    } satisfies PlacementRequest;
    const cluster = make();
    expect(cluster.place(rollout).placements.map((p) => p.instanceId)).toEqual(['a-1', 'b-1', 'c-1']);
    expect(make().place({ ...rollout, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] }).placements.map((p) => p.instanceId)).toEqual(['b-1', 'c-1', 'b-1']);
    expect(cluster.explain(rollout).strategies).toEqual(['spread(attribute:ecs.availability-zone, revision 8)']);
  });
});
