import { describe, expect, it } from 'vitest';
import { makeInstanceView, type InstanceViewOverrides } from '../../test/support/makeInstanceView';
import { evaluateQuery } from './evaluateQuery';
import type { QueryStats } from './QueryStats';
import { parseQuery } from './parseQuery';
import { QueryError } from './QueryError';

const holds = (expression: string, overrides: InstanceViewOverrides = {}): boolean =>
  evaluateQuery(parseQuery(expression), makeInstanceView(overrides));

describe('evaluateQuery on attributes', () => {
  it('holds != only where the attribute exists with another value', () => {
    expect(holds('attribute:stack != prod', { attributes: { stack: 'dev' } })).toBe(true);
    expect(holds('attribute:stack != prod', { attributes: { stack: 'prod' } })).toBe(false);
    expect(holds('attribute:stack != prod', {})).toBe(false);
  });

  it('tests presence with exists and !exists', () => {
    expect(holds('attribute:stack exists', { attributes: { stack: 'dev' } })).toBe(true);
    expect(holds('attribute:stack !exists', {})).toBe(true);
    expect(holds('attribute:stack not_exists', { attributes: { stack: 'dev' } })).toBe(false);
  });

  it('lets an attribute without a value satisfy exists and no comparison', () => {
    const capability = { attributes: { 'ecs.capability.task-eni': null } };
    expect(holds('attribute:ecs.capability.task-eni exists', capability)).toBe(true);
    expect(holds("attribute:ecs.capability.task-eni == ''", capability)).toBe(false);
    expect(holds('attribute:ecs.capability.task-eni != x', capability)).toBe(false);
    expect(holds('attribute:ecs.capability.task-eni =~ .*', capability)).toBe(false);
    expect(holds('attribute:ecs.capability.task-eni !in [x]', capability)).toBe(false);
  });

  it('orders as numbers when both sides are numbers and as strings otherwise', () => {
    expect(holds('attribute:slots > 9', { attributes: { slots: '10' } })).toBe(true);
    expect(holds('attribute:slots > 9', { attributes: { slots: 'ten' } })).toBe(true);
    expect(holds('attribute:slots < 9', { attributes: { slots: '10' } })).toBe(false);
    expect(holds('attribute:slots < b', { attributes: { slots: '10' } })).toBe(true);
    expect(holds('attribute:slots >= -2.5', { attributes: { slots: '-2.5' } })).toBe(true);
  });

  it('compares == as text, so 1.0 is not 1', () => {
    expect(holds('attribute:slots == 1.0', { attributes: { slots: '1' } })).toBe(false);
    expect(holds('attribute:slots >= 1.0', { attributes: { slots: '1' } })).toBe(true);
  });

  it('matches patterns against the whole value', () => {
    expect(holds('attribute:ecs.instance-type =~ t2.*', { attributes: { 'ecs.instance-type': 't2.micro' } })).toBe(true);
    expect(holds('attribute:ecs.instance-type =~ t2', { attributes: { 'ecs.instance-type': 't2.micro' } })).toBe(false);
    expect(holds('attribute:ecs.instance-type !~ t2.*', { attributes: { 'ecs.instance-type': 'm5.large' } })).toBe(true);
  });
});

describe('evaluateQuery on the other subjects', () => {
  it('compares agent versions as dotted numbers', () => {
    expect(holds('agentVersion > 1.9.9', { agentVersion: '1.10.0' })).toBe(true);
    expect(holds('agentVersion == 1.14', { agentVersion: '1.14.0' })).toBe(true);
    expect(holds('agentVersion < 2', { agentVersion: '1.70.2' })).toBe(true);
    expect(holds('agentVersion < 2', {})).toBe(false);
  });

  it('reads registeredAt without a zone as UTC and a bare date as midnight', () => {
    const registeredAt = '2018-02-13T00:00:00Z';
    expect(holds('registeredAt == 2018-02-13', { registeredAt })).toBe(true);
    expect(holds('registeredAt == 2018-02-13T00:00:00', { registeredAt })).toBe(true);
    expect(holds('registeredAt == 2018-02-13T02:00:00+02:00', { registeredAt })).toBe(true);
    expect(holds('registeredAt > 2018-02-12T23:59:59-00:00', { registeredAt })).toBe(true);
  });

  it('tests agentConnected as a boolean, and as the words true and false for patterns', () => {
    expect(holds('agentConnected == FALSE', { agentConnected: false })).toBe(true);
    expect(holds('agentConnected != true', { agentConnected: true })).toBe(false);
    expect(holds('agentConnected in [false]', { agentConnected: false })).toBe(true);
    expect(holds('agentConnected =~ t.*', { agentConnected: true })).toBe(true);
  });

  it('holds ec2InstanceId comparisons only when the instance has one', () => {
    expect(holds('ec2InstanceId != i-1', {})).toBe(false);
    expect(holds('ec2InstanceId != i-1', { ec2InstanceId: 'i-2' })).toBe(true);
  });

  it('counts running tasks', () => {
    expect(holds('runningTasksCount == 3', { taskGroups: { a: 2, b: 1 } })).toBe(true);
    expect(holds('runningTasksCount < 1', {})).toBe(true);
  });

  it('holds task:group comparisons when some task on the instance satisfies them', () => {
    const instance = { taskGroups: { 'service:web': 1, 'family:db': 2 } };
    expect(holds('task:group == service:web', instance)).toBe(true);
    expect(holds('task:group != service:web', instance)).toBe(true);
    expect(holds('task:group in [family:db, x]', instance)).toBe(true);
    expect(holds('task:group =~ service:.*', instance)).toBe(true);
    expect(holds('not(task:group == service:web)', instance)).toBe(false);
    expect(holds('task:group exists', instance)).toBe(true);
    expect(holds('task:group !exists', {})).toBe(true);
    expect(holds('task:group != service:web', {})).toBe(false);
  });
});

describe('evaluateQuery', () => {
  it('adds to the counters it is given', () => {
    const stats: QueryStats = { conditions: 0, regexSteps: 0 };
    const query = parseQuery('attribute:a =~ x.* or attribute:b exists');
    evaluateQuery(query, makeInstanceView({ attributes: { a: 'xyz' } }), { stats });
    expect(stats.conditions).toBe(1);
    expect(stats.regexSteps).toBeGreaterThan(0);
  });

  it('refuses a hand-built tree that parseQuery would refuse', () => {
    const query = parseQuery('runningTasksCount > 1');
    const broken = { ...query, argument: { kind: 'value', text: 'many', start: 0, end: 4 } } as typeof query;
    expect(() => evaluateQuery(broken, makeInstanceView())).toThrow(QueryError);
  });
});
