import type { CreateServiceCommandInput, PlacementConstraint, PlacementStrategy } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { fromPlacementFields } from '../../src/ecs/fromPlacementFields';
import { inputErrorOf } from '../support/inputErrorOf';

const task = { family: 'web', resources: { cpu: 256, memory: 512 } };

function fleet(): Cluster {
  return new Cluster({
    instances: ['a', 'b', 'c'].map((id, index) => ({
      id, resources: { cpu: 2048, memory: 2048 * (index + 1) }, attributes: { 'ecs.availability-zone': `us-east-1${id}` },
    })),
  });
}

describe('fromPlacementFields', () => {
  it('gives the SDK\'s arrays, undefined members and all, as Cluster.place takes them', () => {
    const placementStrategy: PlacementStrategy[] = [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'MEMORY' }, { type: 'random', field: undefined }];
    const placementConstraints: PlacementConstraint[] = [{ type: 'distinctInstance', expression: undefined }, { type: 'memberOf', expression: 'attribute:ecs.availability-zone != us-east-1c' }];
    expect(fromPlacementFields({ placementStrategy, placementConstraints })).toEqual({
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }, { type: 'random' }],
      placementConstraints: [{ type: 'distinctInstance' }, { type: 'memberOf', expression: 'attribute:ecs.availability-zone != us-east-1c' }],
    });
  });

  it('places as the library\'s own spelling of the same request', () => {
    const input: CreateServiceCommandInput = {
      serviceName: 'web', taskDefinition: 'web:7', desiredCount: 3,
      placementStrategy: [{ type: 'binpack', field: 'MEMORY' }], placementConstraints: [{ type: 'distinctInstance' }],
    };
    const fromSdk = fleet().place({ task, count: 3, service: 'web', ...fromPlacementFields(input) });
    const own = fleet().place({ task, count: 3, service: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }], placementConstraints: [{ type: 'distinctInstance' }] });
    expect(fromSdk).toEqual(own);
  });

  it('leaves out what is not given, and keeps an empty list (ECS\'s default strategy for a service)', () => {
    expect(fromPlacementFields({})).toEqual({});
    expect(fromPlacementFields({ placementStrategy: undefined, placementConstraints: undefined })).toEqual({});
    expect(fromPlacementFields(JSON.parse('{"placementStrategy":null}') as never)).toEqual({});
    expect(fromPlacementFields({ placementStrategy: [] })).toEqual({ placementStrategy: [] });
  });

  it.each<[string, unknown, string, string]>([
    ['a strategy without a type, which the SDK allows', { placementStrategy: [{ field: 'memory' }] }, 'missing_field', 'placementStrategy[0].type'],
    ['binpack on a spread field', { placementStrategy: [{ type: 'spread', field: 'host' }, { type: 'binpack', field: 'host name' }] }, 'invalid_strategy_field', 'placementStrategy[1].field'],
    ['spread on HOST', { placementStrategy: [{ type: 'spread', field: 'HOST' }] }, 'invalid_strategy_field', 'placementStrategy[0].field'],
    ['a strategy type in upper case', { placementStrategy: [{ type: 'BINPACK', field: 'memory' }] }, 'unknown_strategy_type', 'placementStrategy[0].type'],
    ["the library's own pack, which ECS refuses", { placementStrategy: [{ type: 'spread', field: 'instanceId' }, { type: 'pack', resources: ['cpu', 'memory'], scorer: 'bestFit' }] }, 'unknown_strategy_type', 'placementStrategy[1].type'],
    ["the library's own prefer, which ECS refuses", { placementStrategy: [{ type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 }] }, 'unknown_strategy_type', 'placementStrategy[0].type'],
    ['a Strategy object', { placementStrategy: [{ name: 'mine', rank: () => () => 0 }] }, 'invalid_strategy', 'placementStrategy[0]'],
    ["the library's own spreadLimit, which ECS refuses", { placementConstraints: [{ type: 'spreadLimit', field: 'instanceId', maxSkew: 1 }] }, 'unknown_constraint_type', 'placementConstraints[0].type'],
    ["the library's own atMost, which ECS refuses", { placementConstraints: [{ type: 'distinctInstance' }, { type: 'atMost', field: 'instanceId', count: 2 }] }, 'unknown_constraint_type', 'placementConstraints[1].type'],
    ["distinctInstance with the library's groups", { placementConstraints: [{ type: 'distinctInstance', groups: ['service:api'] }] }, 'unknown_field', 'placementConstraints[0].groups'],
    ['a memberOf without an expression', { placementConstraints: [{ type: 'memberOf', expression: undefined }] }, 'missing_field', 'placementConstraints[0].expression'],
    ['six strategies', { placementStrategy: Array.from({ length: 6 }, () => ({ type: 'random' })) }, 'too_many_strategies', 'placementStrategy'],
  ])('refuses %s, at its path', (_name, fields, code, path) => {
    expect(inputErrorOf(() => fromPlacementFields(fields as never))).toEqual({ code, path });
  });
});
