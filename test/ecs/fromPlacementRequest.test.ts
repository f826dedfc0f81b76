import { describe, expect, it } from 'vitest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { fromCreateServiceRequest, fromPlacementRequest, fromRunTaskRequest } from '../../src/ecs/fromPlacementRequest';
import { parseConstraintNotation, parseStrategyNotation } from '../../src/ecs/placementNotation';
import { inputErrorOf } from '../support/inputErrorOf';
import { messageOf } from '../support/messageOf';
import { fixture } from './ecsJson';

const web = readTaskDefinition(fixture('web-task-definition.json'));
const sleep = readTaskDefinition(fixture('sleep360-registered.json'));

describe('fromRunTaskRequest', () => {
  it('reads the RunTask sample of the ECS documentation', () => {
    expect(fromRunTaskRequest(fixture('run-task.json'), sleep)).toEqual({ task: sleep.task, count: 1 });
  });

  it('reads count, group, strategies and constraints', () => {
    const request = fromRunTaskRequest({
      cluster: 'prod', taskDefinition: 'web:7', count: 4, group: 'batch', launchType: 'EC2',
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'distinctInstance' }],
    }, web);
    expect(request).toEqual({
      task: web.task, count: 4, group: 'batch',
      placementStrategy: [{ type: 'binpack', field: 'memory' }],
      placementConstraints: [{ type: 'distinctInstance' }],
    });
  });

  it('takes a count that replaces the document\'s', () => {
    expect(fromRunTaskRequest({ taskDefinition: 'web', count: 2 }, web, { count: 9 }).count).toBe(9);
  });

  it('refuses a count above 10, as ECS refuses RunTask, and takes a larger one given outright', () => {
    expect(fromRunTaskRequest({ taskDefinition: 'web', count: 10 }, web).count).toBe(10);
    expect(inputErrorOf(() => fromRunTaskRequest({ taskDefinition: 'web', count: 11 }, web))).toEqual({ code: 'invalid_count', path: 'count' });
    expect(messageOf(() => fromRunTaskRequest({ taskDefinition: 'web', count: 11 }, web))).toContain('ECS starts at most 10 tasks a call');
    expect(fromRunTaskRequest({ taskDefinition: 'web', count: 11 }, web, { count: 500 }).count).toBe(500);
    expect(inputErrorOf(() => fromRunTaskRequest({ taskDefinition: 'web' }, web, { count: 0 }))).toEqual({ code: 'invalid_count', path: 'count' });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a count that is a string', { count: '3' }, 'invalid_type', 'count'],
    ['a count of 0', { count: 0 }, 'invalid_count', 'count'],
    ['a count of 11', { count: 11 }, 'invalid_count', 'count'],
    ['another task definition', { taskDefinition: 'api:3' }, 'task_definition_mismatch', 'taskDefinition'],
    ['another revision', { taskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:6' }, 'task_definition_mismatch', 'taskDefinition'],
    ['the Fargate launch type', { launchType: 'FARGATE' }, 'unsupported_ecs_feature', 'launchType'],
    ['a memory override', { overrides: { containerOverrides: [{ name: 'nginx', memory: 2048 }] } }, 'unsupported_ecs_feature', 'overrides.containerOverrides[0].memory'],
    ['an unknown strategy field', { placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'zone' }] }, 'invalid_strategy_field', 'placementStrategy[1].field'],
    ['an expression on distinctInstance', { placementConstraints: [{ type: 'distinctInstance', expression: '' }] }, 'unexpected_expression', 'placementConstraints[0].expression'],
    ['a memberOf expression that does not parse', { placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~' }] }, 'invalid_expression', 'placementConstraints[0].expression'],
  ])('refuses %s, naming its path', (_name, fields, code, path) => {
    expect(inputErrorOf(() => fromRunTaskRequest({ taskDefinition: 'web:7', ...fields }, web))).toEqual({ code, path });
  });
});

describe('fromCreateServiceRequest', () => {
  it('reads a CreateService request: the service is the group, desiredCount the count', () => {
    expect(fromCreateServiceRequest(fixture('create-service.json'), web)).toEqual({
      task: web.task,
      count: 3,
      service: 'api',
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'spread', field: 'instanceId' }],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }],
    });
  });

  it('reads describe-services output with one service', () => {
    expect(fromCreateServiceRequest(fixture('web-service.json'), web)).toMatchObject({ count: 5, service: 'web', placementConstraints: [{ type: 'distinctInstance' }] });
  });

  it('reads a service scaled to zero as a request with nothing to place, every other field checked all the same', () => {
    const scaledToZero = { serviceName: 'web', desiredCount: 0, placementStrategy: [{ type: 'binpack', field: 'memory' }] };
    expect(fromCreateServiceRequest(scaledToZero, web)).toEqual({ task: web.task, count: 0, service: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(fromPlacementRequest({ services: [scaledToZero] }, web).count).toBe(0);
    expect(fromCreateServiceRequest({ service: 'web', desiredCount: 0 }, web).count).toBe(0);
    expect(fromCreateServiceRequest(scaledToZero, web, { count: 2 }).count).toBe(2);
    expect(inputErrorOf(() => fromCreateServiceRequest({ ...scaledToZero, placementStrategy: [{ type: 'pack' }] }, web))).toEqual({ code: 'unknown_strategy_type', path: 'placementStrategy[0].type' });
    // A pack spec the library itself would take is still not ECS's.
    expect(inputErrorOf(() => fromCreateServiceRequest({ ...scaledToZero, placementStrategy: [{ type: 'pack', resources: ['cpu'], scorer: 'bestFit' }] }, web))).toEqual({ code: 'unknown_strategy_type', path: 'placementStrategy[0].type' });
    // Nor is a preference.
    const preference = { type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 };
    expect(inputErrorOf(() => fromCreateServiceRequest({ ...scaledToZero, placementStrategy: [{ type: 'random' }, preference] }, web))).toEqual({ code: 'unknown_strategy_type', path: 'placementStrategy[1].type' });
    expect(inputErrorOf(() => fromCreateServiceRequest(scaledToZero, web, { count: 0 }))).toEqual({ code: 'invalid_count', path: 'count' });
    // So are the library's own constraints.
    const spreadLimit = { type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 };
    expect(inputErrorOf(() => fromCreateServiceRequest({ ...scaledToZero, placementConstraints: [spreadLimit] }, web))).toEqual({ code: 'unknown_constraint_type', path: 'placementConstraints[0].type' });
  });

  it('takes an empty placementStrategy as ECS\'s default for services', () => {
    const request = fromCreateServiceRequest({ serviceName: 'web', desiredCount: 2, placementStrategy: [] }, web);
    expect(request.placementStrategy).toEqual([]);
  });

  it.each<[string, unknown, string, string]>([
    ['a DAEMON service', { serviceName: 'agent', schedulingStrategy: 'DAEMON' }, 'unsupported_ecs_feature', 'schedulingStrategy'],
    ['no desiredCount', { serviceName: 'web' }, 'invalid_ecs_json', 'desiredCount'],
    ['a negative desiredCount', { serviceName: 'web', desiredCount: -1 }, 'invalid_ecs_json', 'desiredCount'],
    ['two services described', { services: [{ serviceName: 'a' }, { serviceName: 'b' }] }, 'invalid_ecs_json', 'services'],
    ['six strategies', { serviceName: 'web', desiredCount: 1, placementStrategy: Array.from({ length: 6 }, () => ({ type: 'random' })) }, 'too_many_strategies', 'placementStrategy'],
    ['a bad field in a described service', { services: [{ serviceName: 'web', desiredCount: 1, placementStrategy: [{ type: 'pack' }] }] }, 'unknown_strategy_type', 'services[0].placementStrategy[0].type'],
  ])('refuses %s, naming its path', (_name, json, code, path) => {
    expect(inputErrorOf(() => fromCreateServiceRequest(json, web))).toEqual({ code, path });
  });
});

describe('fromPlacementRequest', () => {
  it('tells a service from a RunTask request', () => {
    expect(fromPlacementRequest(fixture('create-service.json'), web).service).toBe('api');
    expect(fromPlacementRequest(fixture('web-service.json'), web).service).toBe('web');
    expect(fromPlacementRequest({ taskDefinition: 'web', group: 'g' }, web)).toMatchObject({ group: 'g', count: 1 });
  });
});

describe('placement notation', () => {
  it('reads a chain of strategies', () => {
    expect(parseStrategyNotation('spread(attribute:ecs.availability-zone), binpack(memory)')).toEqual([
      { type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' },
    ]);
    expect(parseStrategyNotation('random')).toEqual([{ type: 'random' }]);
  });

  it('reads constraints, the expression between the outer parentheses', () => {
    expect(parseConstraintNotation('distinctInstance')).toEqual({ type: 'distinctInstance' });
    expect(parseConstraintNotation('memberOf(attribute:ecs.instance-type =~ t3.* and not(task:group == service:db))')).toEqual({
      type: 'memberOf', expression: 'attribute:ecs.instance-type =~ t3.* and not(task:group == service:db)',
    });
  });

  it.each<[string, string, string]>([
    ['binpack', 'invalid_notation', '[0]'],
    ['random(memory)', 'invalid_notation', '[0]'],
    ['spread(instanceId),pack(memory)', 'unknown_strategy_type', '[1].type'],
    ['prefer(attribute:lifecycle == spot)', 'unknown_strategy_type', '[0].type'],
    ['spread(zone)', 'invalid_strategy_field', '[0].field'],
    ['', 'invalid_notation', ''],
  ])('refuses the strategies %j', (text, code, path) => {
    expect(inputErrorOf(() => parseStrategyNotation(text))).toEqual({ code, path });
  });

  it.each<[string, string]>([
    ['distinct', 'invalid_notation'],
    ['memberOf()', 'empty_expression'],
    ['memberOf(attribute:ecs.instance-type ==)', 'invalid_expression'],
  ])('refuses the constraint %j', (text, code) => {
    expect(inputErrorOf(() => parseConstraintNotation(text)).code).toBe(code);
  });
});
