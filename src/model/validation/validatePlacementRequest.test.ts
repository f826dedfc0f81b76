import { describe, expect, it } from 'vitest';
import type { Strategy } from '../../model/Strategy';
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
    ['a group with a lone high surrogate', request({ group: 'batch\uD83D' }), 'invalid_name', 'request.group'],
    ['a group with a lone low surrogate', request({ group: '\uDE00batch' }), 'invalid_name', 'request.group'],
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
    ['binpack on GPU, which ECS does not binpack on and the library spells gpu', strategies({ type: 'binpack', field: 'GPU' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['binpack on Gpu', strategies({ type: 'binpack', field: 'Gpu' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on HOST: ECS documents host and instanceId in that case only', strategies({ type: 'spread', field: 'HOST' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['binpack on an invalid resource name', strategies({ type: 'binpack', field: 'disk space' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['binpack on a number', strategies({ type: 'binpack', field: 5 }), 'invalid_type', 'request.placementStrategy[0].field'],
    ['spread without a field', strategies({ type: 'spread' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on a bare attribute name', strategies({ type: 'spread', field: 'ecs.availability-zone' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on attribute: without a name', strategies({ type: 'spread', field: 'attribute:' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on an invalid attribute name', strategies({ type: 'spread', field: 'attribute:bad name' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['spread on InstanceId', strategies({ type: 'spread', field: 'InstanceId' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['random with a field', strategies({ type: 'random', field: 'cpu' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['random with an empty field', strategies({ type: 'random', field: '' }), 'invalid_strategy_field', 'request.placementStrategy[0].field'],
    ['pack without resources', strategies({ type: 'pack', scorer: 'bestFit' }), 'missing_field', 'request.placementStrategy[0].resources'],
    ['pack with resources that are not an array', strategies({ type: 'pack', resources: 'cpu', scorer: 'bestFit' }), 'invalid_type', 'request.placementStrategy[0].resources'],
    ['pack with no resource', strategies({ type: 'pack', resources: [], scorer: 'bestFit' }), 'invalid_strategy_field', 'request.placementStrategy[0].resources'],
    ['pack with nine resources', strategies({ type: 'pack', resources: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], scorer: 'bestFit' }), 'invalid_strategy_field', 'request.placementStrategy[0].resources'],
    ['pack naming a resource twice', strategies({ type: 'pack', resources: ['cpu', 'memory', 'cpu'], scorer: 'bestFit' }), 'invalid_strategy_field', 'request.placementStrategy[0].resources[2]'],
    ['pack on an invalid resource name', strategies({ type: 'pack', resources: ['cpu', 'disk space'], scorer: 'bestFit' }), 'invalid_strategy_field', 'request.placementStrategy[0].resources[1]'],
    ['pack on a resource that is a number', strategies({ type: 'pack', resources: [1], scorer: 'bestFit' }), 'invalid_type', 'request.placementStrategy[0].resources[0]'],
    ['pack with a hole in its resources', strategies({ type: 'pack', resources: ['cpu', , 'memory'], scorer: 'bestFit' }), 'invalid_type', 'request.placementStrategy[0].resources[1]'],
    ['pack without a scorer', strategies({ type: 'pack', resources: ['cpu'] }), 'missing_field', 'request.placementStrategy[0].scorer'],
    ['pack with an unknown scorer', strategies({ type: 'pack', resources: ['cpu'], scorer: 'tetris' }), 'invalid_strategy_field', 'request.placementStrategy[0].scorer'],
    ['pack with a field', strategies({ type: 'pack', resources: ['cpu'], scorer: 'bestFit', field: 'cpu' }), 'unknown_field', 'request.placementStrategy[0].field'],
    ['pack with a weight of 0', strategies({ type: 'pack', resources: ['cpu', 'memory'], scorer: 'bestFit', weights: [1, 0] }), 'invalid_strategy_field', 'request.placementStrategy[0].weights[1]'],
    ['pack with a negative weight', strategies({ type: 'pack', resources: ['cpu'], scorer: 'bestFit', weights: [-1] }), 'invalid_strategy_field', 'request.placementStrategy[0].weights[0]'],
    ['pack with an infinite weight', strategies({ type: 'pack', resources: ['cpu'], scorer: 'bestFit', weights: [Infinity] }), 'invalid_strategy_field', 'request.placementStrategy[0].weights[0]'],
    ['pack with a weight that is NaN', strategies({ type: 'pack', resources: ['cpu'], scorer: 'bestFit', weights: [Number.NaN] }), 'invalid_strategy_field', 'request.placementStrategy[0].weights[0]'],
    ['pack with a weight that is a string', strategies({ type: 'pack', resources: ['cpu'], scorer: 'bestFit', weights: ['2'] }), 'invalid_type', 'request.placementStrategy[0].weights[0]'],
    ['pack with fewer weights than resources', strategies({ type: 'pack', resources: ['cpu', 'memory'], scorer: 'bestFit', weights: [2] }), 'invalid_strategy_field', 'request.placementStrategy[0].weights'],
    ['prefer without an expression', strategies({ type: 'prefer', weight: 10 }), 'missing_field', 'request.placementStrategy[0].expression'],
    ['prefer with an expression that is a number', strategies({ type: 'prefer', expression: 5, weight: 10 }), 'invalid_type', 'request.placementStrategy[0].expression'],
    ['prefer with an empty expression', strategies({ type: 'prefer', expression: ' ', weight: 10 }), 'empty_expression', 'request.placementStrategy[0].expression'],
    ['prefer with an expression that does not parse', strategies({ type: 'binpack', field: 'cpu' }, { type: 'prefer', expression: 'runningTasksCount =~ 1', weight: 10 }), 'invalid_expression', 'request.placementStrategy[1].expression'],
    ['prefer without a weight', strategies({ type: 'prefer', expression: 'attribute:a exists' }), 'missing_field', 'request.placementStrategy[0].weight'],
    ['prefer with a weight of 150', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: 150 }), 'invalid_strategy_field', 'request.placementStrategy[0].weight'],
    ['prefer with a weight of -101', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: -101 }), 'invalid_strategy_field', 'request.placementStrategy[0].weight'],
    ['prefer with a fractional weight', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: 0.5 }), 'invalid_strategy_field', 'request.placementStrategy[0].weight'],
    ['prefer with a weight that is NaN', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: Number.NaN }), 'invalid_strategy_field', 'request.placementStrategy[0].weight'],
    ['prefer with an infinite weight', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: Infinity }), 'invalid_strategy_field', 'request.placementStrategy[0].weight'],
    ['prefer with a weight written as text', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: '10' }), 'invalid_type', 'request.placementStrategy[0].weight'],
    ['prefer with a field', strategies({ type: 'prefer', expression: 'attribute:a exists', weight: 10, field: 'a' }), 'unknown_field', 'request.placementStrategy[0].field'],
    ['six strategies, preferences among them', strategies(...Array.from({ length: 4 }, () => ({ type: 'prefer', expression: 'attribute:a exists', weight: 1 })), { type: 'random' }, { type: 'random' }), 'too_many_strategies', 'request.placementStrategy'],
    ['a custom strategy with an empty name', strategies({ name: '', rank: () => () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].name'],
    ['a custom strategy without a name', strategies({ rank: () => () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].name'],
    ['a custom strategy whose rank is not a function', strategies({ name: 'mine', rank: 1 }), 'invalid_strategy', 'request.placementStrategy[0].rank'],
    ['a custom strategy without rank', strategies({ name: 'mine' }), 'invalid_strategy', 'request.placementStrategy[0].rank'],
    ['an instance-keyed strategy without a key function', strategies({ name: 'mine', dependsOn: 'instance' }), 'invalid_strategy', 'request.placementStrategy[0].key'],
    ['an instance-keyed strategy with only rank', strategies({ name: 'mine', dependsOn: 'instance', rank: () => () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].key'],
    ['an opaque strategy with only a key', strategies({ name: 'mine', dependsOn: 'anything', key: () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].rank'],
    ['a strategy that depends on something unknown', strategies({ name: 'mine', dependsOn: 'weather', key: () => 0 }), 'invalid_strategy', 'request.placementStrategy[0].dependsOn'],
    ['a group-task strategy bucketing by a bad attribute', strategies({ name: 'mine', dependsOn: 'groupTasks', bucketAttribute: 'bad name' }), 'invalid_strategy', 'request.placementStrategy[0].bucketAttribute'],
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
    ['distinctInstance with groups that are not a list', constraints({ type: 'distinctInstance', groups: 'service:api' }), 'invalid_type', 'request.placementConstraints[0].groups'],
    ['distinctInstance with no groups listed', constraints({ type: 'distinctInstance', groups: [] }), 'invalid_constraint_field', 'request.placementConstraints[0].groups'],
    ['distinctInstance with a group named twice', constraints({ type: 'distinctInstance', groups: ['a', 'a'] }), 'invalid_constraint_field', 'request.placementConstraints[0].groups[1]'],
    ['distinctInstance with an empty group', constraints({ type: 'distinctInstance', groups: [''] }), 'invalid_name', 'request.placementConstraints[0].groups[0]'],
    ['spreadLimit without a field', constraints({ type: 'spreadLimit', maxSkew: 1 }), 'missing_field', 'request.placementConstraints[0].field'],
    ['spreadLimit over host', constraints({ type: 'spreadLimit', field: 'host', maxSkew: 1 }), 'invalid_constraint_field', 'request.placementConstraints[0].field'],
    ['spreadLimit without maxSkew', constraints({ type: 'spreadLimit', field: 'instanceId' }), 'missing_field', 'request.placementConstraints[0].maxSkew'],
    ['spreadLimit with maxSkew 0', constraints({ type: 'spreadLimit', field: 'instanceId', maxSkew: 0 }), 'invalid_constraint_field', 'request.placementConstraints[0].maxSkew'],
    ['spreadLimit with maxSkew 1.5', constraints({ type: 'spreadLimit', field: 'instanceId', maxSkew: 1.5 }), 'invalid_constraint_field', 'request.placementConstraints[0].maxSkew'],
    ['spreadLimit with minDomains 0', constraints({ type: 'spreadLimit', field: 'instanceId', maxSkew: 1, minDomains: 0 }), 'invalid_constraint_field', 'request.placementConstraints[0].minDomains'],
    ['spreadLimit listing domains of instances', constraints({ type: 'spreadLimit', field: 'instanceId', maxSkew: 1, domains: ['i-1'] }), 'invalid_constraint_field', 'request.placementConstraints[0].domains'],
    ['spreadLimit listing an empty domain', constraints({ type: 'spreadLimit', field: 'attribute:zone', maxSkew: 1, domains: [''] }), 'invalid_constraint_field', 'request.placementConstraints[0].domains[0]'],
    ['spreadLimit with an expression', constraints({ type: 'spreadLimit', field: 'instanceId', maxSkew: 1, expression: 'x' }), 'unknown_field', 'request.placementConstraints[0].expression'],
    ['atMost without a count', constraints({ type: 'atMost', field: 'instanceId' }), 'missing_field', 'request.placementConstraints[0].count'],
    ['atMost with a count of 0', constraints({ type: 'atMost', field: 'instanceId', count: 0 }), 'invalid_constraint_field', 'request.placementConstraints[0].count'],
    ['atMost over a bad attribute', constraints({ type: 'atMost', field: 'attribute:', count: 1 }), 'invalid_constraint_field', 'request.placementConstraints[0].field'],
    ['atMost with a group that is a number', constraints({ type: 'atMost', field: 'instanceId', count: 1, groups: [5] }), 'invalid_type', 'request.placementConstraints[0].groups[0]'],
    ['spreadLimit in a task definition', { task: { ...task, placementConstraints: [{ type: 'spreadLimit', field: 'instanceId', maxSkew: 1 }] } }, 'constraint_not_allowed', 'request.task.placementConstraints[0].type'],
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

describe('validatePlacementRequest resolves', () => {
  it('one task of the family group by default, with no strategy or constraint', () => {
    const valid = validatePlacementRequest({ task });
    expect(valid.count).toBe(1);
    expect(valid.group).toBe('family:web');
    expect(valid.strategies).toEqual([]);
    expect(valid.constraints).toEqual([]);
    expect(Object.keys(valid)).not.toContain('service');
  });

  it.each<[string, Record<string, unknown>, unknown, string]>([
    ['a service', { service: 'web-svc' }, task, 'service:web-svc'],
    ['a group', { group: 'batch: nightly' }, task, 'batch: nightly'],
    ['a family', {}, task, 'family:web'],
    ['a task without a family', {}, { resources: {} }, 'family:default'],
    ['a service and a task without a family', { service: 'api' }, { resources: {} }, 'service:api'],
  ])('the group of %s', (_name, fields, taskSpec, group) => {
    expect(validatePlacementRequest({ ...fields, task: taskSpec }).group).toBe(group);
  });

  it('accepts a caller\'s strategy of every kind', () => {
    const own = [
      { name: 'preferSpot', dependsOn: 'instance', key: () => 0 },
      { name: 'perRack', dependsOn: 'groupTasks', bucketAttribute: 'rack' },
      { name: 'perHost', dependsOn: 'groupTasks' },
      { name: 'coin', dependsOn: 'draw' },
      { name: 'quiet', dependsOn: 'anything', rank: () => () => 0 },
    ];
    expect(validatePlacementRequest(strategies(...own)).strategies).toEqual(own);
  });

  it('fills in pack\'s weights, 1 for each resource, and keeps the ones given', () => {
    expect(validatePlacementRequest(strategies({ type: 'pack', resources: ['cpu', 'memory'], scorer: 'dotProduct' })).strategies)
      .toEqual([{ type: 'pack', resources: ['cpu', 'memory'], scorer: 'dotProduct', weights: [1, 1] }]);
    expect(validatePlacementRequest(strategies({ type: 'pack', resources: ['gpu', 'memory'], scorer: 'balanced', weights: [3, 0.5] }), 'r').strategies)
      .toEqual([{ type: 'pack', resources: ['gpu', 'memory'], scorer: 'balanced', weights: [3, 0.5] }]);
  });

  it('parses a preference\'s expression and keeps its weight, 0 for -0', () => {
    const [spot, zero] = validatePlacementRequest(strategies(
      { type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 }, { type: 'prefer', expression: 'runningTasksCount == 0', weight: -0 },
    )).strategies;
    expect(spot).toMatchObject({ type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50, query: { kind: 'condition' } });
    expect(Object.is((zero as { weight: number }).weight, 0)).toBe(true);
    expect(validatePlacementRequest(strategies(...Array.from({ length: 5 }, (_, index) => ({ type: 'prefer', expression: 'attribute:a exists', weight: index * 50 - 100 })))).strategies).toHaveLength(5);
  });

  it('says how to mend a preference\'s weight or expression', () => {
    expect(() => validatePlacementRequest(strategies({ type: 'prefer', expression: 'attribute:a exists', weight: 150 })))
      .toThrow('Give prefer a weight that is a whole number from -100 to 100, not 150.');
    expect(() => validatePlacementRequest(strategies({ type: 'prefer', expression: 'attribute:a ==', weight: 1 }))).toThrow(/: Correct this prefer expression: /);
  });

  it('reads binpack\'s cpu and memory in any case, as ECS does, and gives them in lower case', () => {
    const valid = validatePlacementRequest(strategies(
      { type: 'binpack', field: 'MEMORY' }, { type: 'binpack', field: 'Cpu' }, { type: 'binpack', field: 'mEmOrY' }, { type: 'binpack', field: 'eni' },
    ));
    expect(valid.strategies).toEqual([
      { type: 'binpack', field: 'memory' }, { type: 'binpack', field: 'cpu' }, { type: 'binpack', field: 'memory' }, { type: 'binpack', field: 'eni' },
    ]);
  });

  it('checks the strategies without building them, and passes custom ones through', () => {
    const valid = validatePlacementRequest(strategies({ type: 'binpack', field: 'memory' }, custom, { type: 'random', field: undefined }));
    expect(valid.strategies).toEqual([{ type: 'binpack', field: 'memory' }, custom, { type: 'random' }]);
    expect(valid.strategies[1]).toBe(custom);
  });
});

describe('validatePlacementRequest on frozen parts', () => {
  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      for (const inner of Object.values(value)) deepFreeze(inner);
      Object.freeze(value);
    }
    return value;
  };

  it('gives the same result for a frozen task, strategy list and constraint list sent again', () => {
    const frozenTask = deepFreeze({ family: 'web', resources: { cpu: 256, memory: 512 }, placementConstraints: [{ type: 'memberOf', expression: 'attribute:a exists' }] });
    const chain = deepFreeze([{ type: 'spread', field: 'instanceId' }]);
    const rules = deepFreeze([{ type: 'distinctInstance' }]);
    const first = validatePlacementRequest({ task: frozenTask, placementStrategy: chain, placementConstraints: rules });
    const second = validatePlacementRequest({ task: frozenTask, count: 2, placementStrategy: chain, placementConstraints: rules });
    expect(second.task).toBe(first.task);
    expect(second.strategies).toBe(first.strategies);
    expect(second.constraints).toEqual(first.constraints);
    expect(second.count).toBe(2);
  });

  it('validates again a task that is not frozen all the way down, and sees its changes', () => {
    const resources: Record<string, number> = { memory: 512 };
    const task = Object.freeze({ resources });
    expect(validatePlacementRequest({ task }).task.resources).toEqual({ memory: 512 });
    resources['memory'] = -1;
    expect(inputErrorOf(() => validatePlacementRequest({ task }))).toEqual({ code: 'invalid_resource', path: 'request.task.resources.memory' });
  });

  it('counts a frozen constraint list against the task definition\'s constraints on every request', () => {
    const rules = deepFreeze(Array.from({ length: 6 }, () => ({ type: 'distinctInstance' })));
    expect(validatePlacementRequest({ task, placementConstraints: rules }).constraints).toHaveLength(6);
    expect(inputErrorOf(() => validatePlacementRequest({ task: taskWith(5), placementConstraints: rules }))).toEqual({ code: 'too_many_constraints', path: 'request.placementConstraints' });
  });

  it('refuses a frozen faulty list every time, with its path', () => {
    const chain = deepFreeze([{ type: 'binpack' }]);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      expect(inputErrorOf(() => validatePlacementRequest({ task, placementStrategy: chain }))).toEqual({ code: 'invalid_strategy_field', path: 'request.placementStrategy[0].field' });
    }
  });
});
