import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { ENGINES } from '../../test/support/scenarioCluster';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../model/capacityProviderAttribute';
import type { CapacityProviderStrategyItem } from '../model/CapacityProviderStrategyItem';
import type { InstanceSpec } from '../model/InstanceSpec';
import { Cluster } from './Cluster';

const task = { family: 'web', resources: { cpu: 256, memory: 512 } };

function instance(id: string, provider: string | undefined, zone: string, memory = 4096): InstanceSpec {
  const attributes = { 'ecs.availability-zone': zone, ...(provider === undefined ? {} : { [CAPACITY_PROVIDER_ATTRIBUTE]: provider }) };
  return { id, resources: { cpu: 4096, memory }, attributes };
}

const fleet = (): InstanceSpec[] => [
  instance('od-a', 'on-demand', 'us-east-1a'), instance('od-b', 'on-demand', 'us-east-1b'),
  instance('spot-a', 'spot', 'us-east-1a', 1024), instance('spot-b', 'spot', 'us-east-1b', 1024), instance('plain', undefined, 'us-east-1a'),
];

const oneToTwo: CapacityProviderStrategyItem[] = [{ capacityProvider: 'on-demand', weight: 1 }, { capacityProvider: 'spot', weight: 2 }];

describe.each(ENGINES)('a capacity provider strategy on the %s engine', (engine) => {
  it('shares the tasks 1:2, each placed by the chain among its provider\'s instances, ids in order', () => {
    const result = new Cluster({ engine, instances: fleet() }).place({ service: 'web', task, count: 6, capacityProviderStrategy: oneToTwo });
    expect(result.placements).toEqual([
      { taskId: 'task-1', instanceId: 'spot-a' }, { taskId: 'task-2', instanceId: 'od-b' }, { taskId: 'task-3', instanceId: 'spot-b' },
      { taskId: 'task-4', instanceId: 'spot-a' }, { taskId: 'task-5', instanceId: 'od-a' }, { taskId: 'task-6', instanceId: 'spot-b' },
    ]);
    expect(result.failures).toEqual([]);
  });

  it('fails a task whose provider is full, with its closest instance\'s reason, and places the other provider\'s tasks after it', () => {
    const result = new Cluster({ engine, instances: fleet() }).place({ service: 'web', task, count: 9, capacityProviderStrategy: oneToTwo });
    // Spot holds 4 tasks; its 5th and 6th fail, and on-demand's 3rd, between them, is placed.
    expect(result.placements.map(({ instanceId }) => instanceId.split('-')[0])).toEqual(['spot', 'od', 'spot', 'spot', 'od', 'spot', 'od']);
    expect(result.failures.map(({ reason, instanceId }) => `${reason} ${instanceId}`)).toEqual(['RESOURCE:MEMORY spot-a', 'RESOURCE:MEMORY spot-a']);
    expect(result.failures[0]?.diagnosis.summary).toBe(
      '0/5 instances are available: 3 did not match memberOf(attribute:task-placement.capacity-provider == spot), 2 have insufficient memory.',
    );
  });

  it('fails every task of a provider without instances or without ACTIVE ones, naming no instance', () => {
    const cluster = new Cluster({ engine, instances: fleet() });
    const empty = cluster.place({ task, count: 2, capacityProviderStrategy: [{ capacityProvider: 'arm' }] });
    expect(empty.failures.map(({ reason, detail, instanceId }) => [reason, detail, instanceId])).toEqual([
      ['EMPTY CAPACITY PROVIDER', 'Capacity provider arm has no container instances.', undefined],
      ['EMPTY CAPACITY PROVIDER', 'Capacity provider arm has no container instances.', undefined],
    ]);
    cluster.updateInstance('spot-a', { status: 'DRAINING' });
    cluster.updateInstance('spot-b', { status: 'DRAINING' });
    const drained = cluster.place({ task, count: 3, capacityProviderStrategy: oneToTwo });
    expect(drained.placements.map(({ instanceId }) => instanceId)).toEqual(['od-a']);
    expect(drained.failures.map(({ reason, detail }) => `${reason}: ${detail}`)).toEqual([
      'NO ACTIVE INSTANCES: Capacity provider spot has no ACTIVE container instance: 2 DRAINING.',
      'NO ACTIVE INSTANCES: Capacity provider spot has no ACTIVE container instance: 2 DRAINING.',
    ]);
  });

  it('counts the service\'s running tasks on each provider, and those on an instance of no provider named for none', () => {
    const cluster = new Cluster({ engine, instances: fleet() });
    cluster.place({ service: 'web', task, count: 2, placementConstraints: [{ type: 'memberOf', expression: 'not(attribute:task-placement.capacity-provider == spot) and attribute:ecs.availability-zone == us-east-1a' }] });
    expect(cluster.tasks().map(({ instanceId }) => instanceId)).toEqual(['od-a', 'plain']);
    const result = cluster.place({ service: 'web', task, count: 2, capacityProviderStrategy: oneToTwo });
    expect(result.placements.map(({ instanceId }) => instanceId.split('-')[0])).toEqual(['spot', 'spot']);
    const standalone = cluster.place({ task, count: 2, capacityProviderStrategy: oneToTwo });
    expect(standalone.placements.map(({ instanceId }) => instanceId.split('-')[0])).toEqual(['spot', 'od']);
  });

  it('explains the first task among its provider\'s instances, and the whole request in its result, changing nothing', () => {
    const cluster = new Cluster({ engine, instances: fleet() });
    const before = cluster.snapshot();
    const explanation = cluster.explain({ service: 'web', task, count: 3, capacityProviderStrategy: oneToTwo });
    expect(cluster.snapshot()).toEqual(before);
    expect(explanation.capacityProvider).toBe('spot');
    expect(explanation.constraints).toEqual(['memberOf(attribute:task-placement.capacity-provider == spot)']);
    expect(explanation.instances.map(({ instanceId, outcome }) => `${instanceId} ${outcome}`)).toEqual(['od-a rejected', 'od-b rejected', 'spot-a chosen', 'spot-b candidate', 'plain rejected']);
    expect(explanation.result).toEqual(cluster.place({ service: 'web', task, count: 3, capacityProviderStrategy: oneToTwo }));
  });

  it('keeps the provider\'s condition out of the 10 constraints a task may have', () => {
    const ten = Array.from({ length: 10 }, () => ({ type: 'distinctInstance' as const }));
    const result = new Cluster({ engine, instances: fleet() }).place({ task, count: 2, placementConstraints: ten, capacityProviderStrategy: [{ capacityProvider: 'spot' }] });
    expect(result.placements.map(({ instanceId }) => instanceId)).toEqual(['spot-a', 'spot-b']);
  });
});

describe.each(ENGINES)('a capacity provider strategy with a spreadLimit on the %s engine', (engine) => {
  it("measures a failure's skew against the provider's zones, as placing did", () => {
    const zone = (name: string, provider: string, memory: number): InstanceSpec =>
      ({ id: `${name}-${provider}`, resources: { cpu: 1024, memory }, attributes: { 'ecs.availability-zone': `us-east-1${name}`, [CAPACITY_PROVIDER_ATTRIBUTE]: provider } });
    const cluster = new Cluster({ engine, instances: [zone('a', 'p1', 512), zone('b', 'p1', 4096), zone('c', 'p2', 4096)] });
    const result = cluster.place({
      task: { resources: { memory: 512 } },
      count: 4,
      capacityProviderStrategy: [{ capacityProvider: 'p1', weight: 1 }],
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }],
    });
    expect(result.placements.map(({ instanceId }) => instanceId)).toEqual(['a-p1', 'b-p1', 'b-p1']);
    // Zone c is the other provider's: it was no domain of the placement, so the emptiest is a, with its one task.
    expect(result.failures[0]?.detail).toContain("more than 1 above the emptiest domain's 1 in us-east-1a");
  });
});

describe('a capacity provider strategy, validated', () => {
  it.each<[string, unknown, string, string]>([
    ['not an array', { capacityProvider: 'spot' }, 'invalid_type', 'request.capacityProviderStrategy'],
    ['empty', [], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy'],
    ['more than 20 providers', Array.from({ length: 21 }, (_, index) => ({ capacityProvider: `p${index}`, weight: 1 })), 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy'],
    ['an item without its provider', [{ weight: 1 }], 'missing_field', 'request.capacityProviderStrategy[0].capacityProvider'],
    ['a field an item does not have', [{ capacityProvider: 'spot', weigth: 1 }], 'unknown_field', 'request.capacityProviderStrategy[0].weigth'],
    ['a name ECS does not allow', [{ capacityProvider: 'spot fleet' }], 'invalid_name', 'request.capacityProviderStrategy[0].capacityProvider'],
    ['a name longer than an attribute value', [{ capacityProvider: 'p'.repeat(129) }], 'invalid_name', 'request.capacityProviderStrategy[0].capacityProvider'],
    ['a provider named twice', [{ capacityProvider: 'spot', weight: 1 }, { capacityProvider: 'spot' }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy[1].capacityProvider'],
    ['a weight above 1,000', [{ capacityProvider: 'spot', weight: 1001 }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy[0].weight'],
    ['a weight that is not whole', [{ capacityProvider: 'spot', weight: 0.5 }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy[0].weight'],
    ['a base above 100,000', [{ capacityProvider: 'spot', base: 100_001 }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy[0].base'],
    ['a negative base', [{ capacityProvider: 'spot', base: -1 }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy[0].base'],
    ['a base on two providers', [{ capacityProvider: 'a', base: 1, weight: 1 }, { capacityProvider: 'b', base: 1 }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy[1].base'],
    ['several providers all of weight 0', [{ capacityProvider: 'a' }, { capacityProvider: 'b', base: 2 }], 'invalid_capacity_provider_strategy', 'request.capacityProviderStrategy'],
  ])('refuses %s, placing nothing', (_name, capacityProviderStrategy, code, path) => {
    const cluster = new Cluster({ instances: fleet() });
    const before = cluster.snapshot();
    expect(inputErrorOf(() => cluster.place({ task, capacityProviderStrategy } as never))).toEqual({ code, path });
    expect(inputErrorOf(() => cluster.explain({ task, capacityProviderStrategy } as never))).toEqual({ code, path });
    expect(cluster.snapshot()).toEqual(before);
  });

  it('takes one provider of weight 0, which then takes every task', () => {
    const result = new Cluster({ instances: fleet() }).place({ task, count: 2, capacityProviderStrategy: [{ capacityProvider: 'on-demand' }] });
    expect(result.placements.map(({ instanceId }) => instanceId.split('-')[0])).toEqual(['od', 'od']);
  });
});
