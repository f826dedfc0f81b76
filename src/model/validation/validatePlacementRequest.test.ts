import { describe, expect, it } from 'vitest';
import { binpack } from '../../strategies/binpack';
import type { Strategy } from '../../strategies/Strategy';
import { QueryError } from '../../query/QueryError';
import { PlacementInputError } from '../PlacementInputError';
import { validatePlacementRequest } from './validatePlacementRequest';
import { inputErrorOf } from '../../../test/support/inputErrorOf';

const task = { family: 'web', resources: { cpu: 256, memory: 512 } };
const request = (fields: Record<string, unknown>): unknown => ({ task, ...fields });
const strategies = (...items: unknown[]): unknown => request({ placementStrategy: items });
const constraints = (...items: unknown[]): unknown => request({ placementConstraints: items });
const memberOf = (expression: unknown): unknown => ({ type: 'memberOf', expression });
const taskWith = (count: number): unknown => ({ ...task, placementConstraints: Array.from({ length: count }, () => memberOf('attribute:a exists')) });
const custom: Strategy = { name: 'preferSpot', rank: () => () => 0 };


describe('validatePlacementRequest refuses', () => {
  it.each<[string, unknown, string, string]>([
    ['undefined', undefined, 'invalid_type', 'request'],
    ['an array', [task], 'invalid_type', 'request'],
    ['a missing task', {}, 'missing_field', 'request.task'],
    ['placementStrategies for placementStrategy', request({ placementStrategies: [] }), 'unknown_field', 'request.placementStrategies'],
    ['a task without resources', { task: { family: 'web' } }, 'missing_field', 'request.task.resources'],
    ['a task with a negative cpu', { task: { resources: { cpu: -1 } } }, 'invalid_resource', 'request.task.resources.cpu'],
    ['a count of 0', request({ count: 0 }), 'invalid_count', 'request.count'],
    ['a negative count', request({ count: -3 }), 'invalid_count', 'request.count'],
    ['a fractional count', request({ count: 1.5 }), 'invalid_count', 'request.count'],
    ['a count above 10,000,000', request({ count: 10_000_001 }), 'invalid_count', 'request.count'],
    ['a NaN count', request({ count: Number.NaN }), 'invalid_count', 'request.count'],
    ['a count written as text', request({ count: '3' }), 'invalid_type', 'request.count'],
    ['a service name with a space', request({ service: 'my service' }), 'invalid_name', 'request.service'],
    ['an empty service name', request({ service: '' }), 'invalid_name', 'request.service'],
    ['an empty group', request({ group: '' }), 'invalid_name', 'request.group'],
    ['a group with a leading space', request({ group: ' batch' }), 'invalid_name', 'request.group'],
    ['a group with a control character', request({ group: 'a\u0007b' }), 'invalid_name', 'request.group'],
    ['a group of 256 characters', request({ group: 'g'.repeat(256) }), 'invalid_name', 'request.group'],
    ['a group that is a number', request({ group: 1 }), 'invalid_type', 'request.group'],
    ['both a service and a group', request({ service: 'web', group: 'batch' }), 'conflicting_group', 'request.group'],
    ['strategies that are not an array', request({ placementStrategy: { type: 'random' } }), 'invalid_type', 'request.placementStrategy'],
    ['6 strategies', strategies(...Array.from({ length: 6 }, () => ({ type: 'random' }))), 'too_many_strategies', 'request.placementStrategy'],
    ['a strategy that is null', strategies(null), 'invalid_type', 'request.placementStrategy[0]'],
    ['a strategy that is a string', strategies('binpack'), 'invalid_type', 'request.placementStrategy[0]'],
    ['an unknown strategy type', strategies({ type: 'random' }, { type: 'binPack', field: 'memory' }), 'unknown_strategy_type', 'request.placementStrategy[1].type'],
    ['a strategy without a type', strategies({ field: 'memory' }), 'missing_field', 'request.placementStrategy[0].type'],
    ['a strategy type that is a number', strategies({ type: 1 }), 'invalid_type', 'request.placementStrategy[0].type'],
    ['a strategy with an extra field', strategies({ type: 'spread', field: 'host', weight: 1 }), 'unknown_field', 'request.placementStrategy[0].weight'],
    ['binpack without a field', strategies({ type: 'binpack' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['binpack on MEMORY', strategies({ type: 'binpack', field: 'MEMORY' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['binpack on an invalid resource name', strategies({ type: 'binpack', field: 'disk space' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['binpack on a number', strategies({ type: 'binpack', field: 5 }), 'invalid_type', 'request.placementStrategy[0].field'],
    ['spread without a field', strategies({ type: 'spread' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on a bare attribute name', strategies({ type: 'spread', field: 'ecs.availability-zone' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on attribute: without a name', strategies({ type: 'spread', field: 'attribute:' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on an invalid attribute name', strategies({ type: 'spread', field: 'attribute:bad name' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on InstanceId', strategies({ type: 'spread', field: 'InstanceId' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['random with a field', strategies({ type: 'random', field: 'cpu' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['random with an empty field', strategies({ type: 'random', field: '' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['a custom strategy with an empty name', strategies({ name: '', rank: () => () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].name'],
    ['a custom strategy without a name', strategies({ rank: () => () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].name'],
    ['a custom strategy whose rank is not a function', strategies({ name: 'mine', rank: 1 }), 'invalid_strategy', 'request.placementStrategy[0].rank'],
    ['a custom strategy without rank', strategies({ name: 'mine' }), 'invalid_strategy', 'request.placementStrategy[0].rank'],
    ['constraints that are not an array', request({ placementConstraints: { type: 'distinctInstance' } }), 'invalid_type', 'request.placementConstraints'],
    ['a constraint that is null', constraints(null), 'invalid_type', 'request.placementConstraints[0]'],
    ['distinctInstance with an empty expression', constraints({ type: 'distinctInstance', expression: '' }), 'unexpected_expression', 'request.placementConstraints[0].expression'],
    ['distinctInstance with an expression', constraints({ type: 'distinctInstance', expression: 'attribute:a exists' }), 'unexpected_expression', 'request.placementConstraints[0].expression'],
    ['an unknown constraint type', constraints({ type: 'spreadOut' }), 'unknown_constraint_type', 'request.placementConstraints[0].type'],
    ['a constraint type that is a number', constraints({ type: 5 }), 'invalid_type', 'request.placementConstraints[0].type'],
    ['a constraint with an unknown field', constraints({ type: 'distinctInstance', field: 'x' }), 'unknown_field', 'request.placementConstraints[0].field'],
    ['a memberOf without an expression', constraints({ type: 'memberOf' }), 'missing_field', 'request.placementConstraints[0].expression'],
    ['a memberOf expression that is a number', constraints(memberOf(5)), 'invalid_type', 'request.placementConstraints[0].expression'],
    ['a memberOf expression of whitespace', constraints(memberOf(' \t\n')), 'empty_expression', 'request.placementConstraints[0].expression'],
    ['a memberOf expression that does not type', constraints(memberOf('runningTasksCount =~ 1')), 'invalid_expression', 'request.placementConstraints[0].expression'],
    ['a memberOf expression of 2001 characters', constraints(memberOf(`attribute:a == ${'x'.repeat(1986)}`)), 'invalid_expression', 'request.placementConstraints[0].expression'],
    ['11 constraints', constraints(...Array.from({ length: 11 }, () => ({ type: 'distinctInstance' }))), 'too_many_constraints', 'request.placementConstraints'],
    ['6 from the task and 5 from the request', { task: taskWith(6), placementConstraints: Array.from({ length: 5 }, () => ({ type: 'distinctInstance' })) }, 'too_many_constraints', 'request.placementConstraints'],
    ['11 in the task alone', { task: taskWith(11) }, 'too_many_constraints', 'request.task.placementConstraints'],
  ])('%s', (_name, value, code, path) => {
    expect(inputErrorOf(() => validatePlacementRequest(value))).toEqual({ code, path });
  });

  it('names the path the caller gives', () => {
    expect(inputErrorOf(() => validatePlacementRequest(request({ count: 0 }), 'requests[2]'))).toEqual({ code: 'invalid_count', path: 'requests[2].count' });
  });

  it('keeps the QueryError of an expression that does not parse, caret included', () => {
    let error: unknown;
    try {
      validatePlacementRequest(constraints(memberOf('attribute:a ==')));
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(PlacementInputError);
    const { cause, message } = error as PlacementInputError;
    expect(cause).toBeInstanceOf(QueryError);
    expect(message).toContain((cause as QueryError).message);
    expect(message).toContain('^');
  });

  it('lists the allowed fields when one is misspelt', () => {
    expect(() => validatePlacementRequest(request({ placementStrategies: [] }))).toThrow(/placementStrategy/);
  });
});

describe('validatePlacementRequest normalizes', () => {
  it('places one task of the family group with random by default', () => {
    const normalized = validatePlacementRequest({ task });
    expect(normalized.count).toBe(1);
    expect(normalized.group).toBe('family:web');
    expect(normalized.strategies.map(({ name }) => name)).toEqual(['random']);
    expect(normalized.constraints).toEqual([]);
    expect(Object.keys(normalized)).not.toContain('service');
  });

  it.each<[string, Record<string, unknown>, unknown, string]>([
    ['a service', { service: 'web-svc' }, task, 'service:web-svc'],
    ['a group', { group: 'batch: nightly' }, task, 'batch: nightly'],
    ['a family', {}, task, 'family:web'],
    ['a task without a family', {}, { resources: {} }, 'family:default'],
    ['a service and a task without a family', { service: 'api' }, { resources: {} }, 'service:api'],
  ])('resolves the group of %s', (_name, fields, taskSpec, group) => {
    expect(validatePlacementRequest({ ...fields, task: taskSpec }).group).toBe(group);
  });

  it.each([undefined, []])('spreads a service by zone then instance when the strategies are %j', (placementStrategy) => {
    const normalized = validatePlacementRequest({ task, service: 'web', placementStrategy });
    expect(normalized.service).toBe('web');
    expect(normalized.strategies.map(({ name }) => name)).toEqual(['spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
  });

  it('uses random for a standalone request with an empty strategy list', () => {
    expect(validatePlacementRequest(request({ placementStrategy: [], group: 'batch' })).strategies.map(({ name }) => name)).toEqual(['random']);
  });

  it('builds the strategies in order and passes custom ones through', () => {
    const own = binpack('eni');
    const normalized = validatePlacementRequest(strategies(
      { type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }, custom,
      { type: 'spread', field: 'host' }, own,
    ));
    expect(normalized.strategies.map(({ name }) => name)).toEqual(['spread(attribute:ecs.availability-zone)', 'binpack(memory)', 'preferSpot', 'spread(host)', 'binpack(eni)']);
    expect(normalized.strategies[2]).toBe(custom);
    expect(normalized.strategies[4]).toBe(own);
  });

  it('accepts a custom strategy written as a class', () => {
    class PreferLowIds implements Strategy {
      readonly name = 'preferLowIds';
      rank(): () => number {
        return () => 0;
      }
    }
    const strategy = new PreferLowIds();
    expect(validatePlacementRequest(strategies(strategy)).strategies).toEqual([strategy]);
  });

  it('accepts binpack on a custom resource and spread on any attribute', () => {
    const names = validatePlacementRequest(strategies({ type: 'binpack', field: 'eni' }, { type: 'spread', field: 'attribute:stack' }, { type: 'random', field: undefined })).strategies.map(({ name }) => name);
    expect(names).toEqual(['binpack(eni)', 'spread(attribute:stack)', 'random']);
  });

  it('puts the task definition constraints first, then the request constraints in order', () => {
    const normalized = validatePlacementRequest({
      task: { ...task, placementConstraints: [memberOf('attribute:ecs.os-type == linux')] },
      count: 10_000_000,
      placementConstraints: [{ type: 'distinctInstance', expression: undefined }, memberOf('attribute:ecs.instance-type =~ t2.*')],
    });
    expect(normalized.count).toBe(10_000_000);
    expect(normalized.constraints.map(({ name }) => name)).toEqual([
      'memberOf(attribute:ecs.os-type == linux)', 'distinctInstance', 'memberOf(attribute:ecs.instance-type =~ t2.*)',
    ]);
  });

  it('accepts 10 constraints across the task and the request', () => {
    const normalized = validatePlacementRequest({ task: taskWith(4), placementConstraints: Array.from({ length: 6 }, () => ({ type: 'distinctInstance' })) });
    expect(normalized.constraints).toHaveLength(10);
  });
});
