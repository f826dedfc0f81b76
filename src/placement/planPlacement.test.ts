import { describe, expect, it } from 'vitest';
import type { InstanceState } from '../model/InstanceState';
import type { InstanceStrategy, OpaqueStrategy, Strategy } from '../model/Strategy';
import { validatePlacementRequest } from '../model/validation/validatePlacementRequest';
import { binpack } from '../strategies/binpack';
import { planPlacement } from './planPlacement';

const task = { family: 'web', resources: { cpu: 256, memory: 512 } };
const request = (fields: Record<string, unknown>): unknown => ({ task, ...fields });
const strategies = (...items: unknown[]): unknown => request({ placementStrategy: items });
const memberOf = (expression: unknown): unknown => ({ type: 'memberOf', expression });
const custom: Strategy = { name: 'preferSpot', rank: () => () => 0 };
const planOf = (value: unknown) => planPlacement(validatePlacementRequest(value));

describe('planPlacement', () => {
  it('places one task with random by default', () => {
    const plan = planOf({ task });
    expect(plan.count).toBe(1);
    expect(plan.strategies.map(({ name }) => name)).toEqual(['random']);
    expect(plan.constraints).toEqual([]);
    expect(Object.keys(plan)).not.toContain('service');
  });

  it.each([undefined, []])('spreads a service by zone then instance when the strategies are %j', (placementStrategy) => {
    const plan = planOf({ task, service: 'web', placementStrategy });
    expect(plan.service).toBe('web');
    expect(plan.strategies.map(({ name }) => name)).toEqual(['spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
  });

  it('uses random for a standalone request with an empty strategy list', () => {
    expect(planOf(request({ placementStrategy: [], group: 'batch' })).strategies.map(({ name }) => name)).toEqual(['random']);
  });

  it('builds the strategies in order and passes custom ones through', () => {
    const own = binpack('eni');
    const plan = planOf(strategies(
      { type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'memory' }, custom,
      { type: 'spread', field: 'host' }, own,
    ));
    expect(plan.strategies.map(({ name }) => name)).toEqual(['spread(attribute:ecs.availability-zone)', 'binpack(memory)', 'preferSpot', 'spread(host)', 'binpack(eni)']);
    expect(plan.strategies[2]).toBe(custom);
    expect(plan.strategies[4]).toBe(own);
  });

  it('builds one frozen value per strategy and field, shared by every request', () => {
    const first = planOf(strategies({ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }, { type: 'random' }));
    const second = planOf(strategies({ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'instanceId' }, { type: 'random' }));
    expect(second.strategies).toEqual(first.strategies);
    second.strategies.forEach((strategy, index) => {
      expect(strategy).toBe(first.strategies[index]);
      expect(Object.isFrozen(strategy)).toBe(true);
    });
  });

  it('says what each built-in strategy depends on', () => {
    const plan = planOf(strategies({ type: 'binpack', field: 'memory' }, { type: 'spread', field: 'host' }, { type: 'spread', field: 'attribute:rack' }, { type: 'random' }));
    expect(plan.strategies.map(({ dependsOn }) => dependsOn)).toEqual(['instance', 'groupTasks', 'groupTasks', 'draw']);
    expect(plan.strategies.map((strategy) => ('bucketAttribute' in strategy ? strategy.bucketAttribute : undefined))).toEqual([undefined, undefined, 'rack', undefined]);
  });

  it("makes one strategy of a chain's preferences, where the first stands, keyed by minus their summed weight", () => {
    const spot = { type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 50 };
    const idle = { type: 'prefer', expression: 'runningTasksCount == 0', weight: -20 };
    const plan = planOf(strategies({ type: 'spread', field: 'attribute:ecs.availability-zone' }, spot, { type: 'binpack', field: 'memory' }, idle));
    expect(plan.strategies.map(({ name }) => name)).toEqual([
      'spread(attribute:ecs.availability-zone)', 'prefer(attribute:lifecycle == spot weight 50; runningTasksCount == 0 weight -20)', 'binpack(memory)',
    ]);
    const preferences = plan.strategies[1] as InstanceStrategy;
    expect(preferences.dependsOn).toBe('instance');
    expect(Object.isFrozen(preferences)).toBe(true);
    const instance = (lifecycle: string, runningTasksCount: number) =>
      ({ id: 'i', attributes: new Map([['lifecycle', lifecycle]]), agentConnected: true, runningTasksCount, taskGroups: new Map() }) as unknown as InstanceState;
    expect([instance('spot', 0), instance('spot', 1), instance('on-demand', 0), instance('on-demand', 1)].map((one) => preferences.key(one))).toEqual([-30, -50, 20, 0]);
    // Requests alike share the value, and so the indexed engine's ordering by it.
    expect(planOf(strategies({ type: 'spread', field: 'attribute:ecs.availability-zone' }, spot, { type: 'binpack', field: 'memory' }, idle)).strategies[1]).toBe(preferences);
  });

  it("follows preferences alone with ECS's default chain", () => {
    const spot = { type: 'prefer', expression: 'attribute:lifecycle == spot', weight: 0 };
    expect(planOf(strategies(spot)).strategies.map(({ name }) => name)).toEqual(['prefer(attribute:lifecycle == spot weight 0)', 'random']);
    expect(planOf({ task, service: 'web', placementStrategy: [spot, spot] }).strategies.map(({ name }) => name))
      .toEqual(['prefer(attribute:lifecycle == spot weight 0; attribute:lifecycle == spot weight 0)', 'spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
  });

  it('accepts a custom strategy written as a class', () => {
    class PreferLowIds implements OpaqueStrategy {
      readonly name = 'preferLowIds';
      rank(): () => number {
        return () => 0;
      }
    }
    const strategy = new PreferLowIds();
    expect(planOf(strategies(strategy)).strategies).toEqual([strategy]);
  });

  it('accepts binpack on a custom resource and spread on any attribute', () => {
    const names = planOf(strategies({ type: 'binpack', field: 'eni' }, { type: 'spread', field: 'attribute:stack' }, { type: 'random', field: undefined })).strategies.map(({ name }) => name);
    expect(names).toEqual(['binpack(eni)', 'spread(attribute:stack)', 'random']);
  });

  it('puts the task definition constraints first, then the request constraints in order, and says what each depends on', () => {
    const plan = planOf({
      task: { ...task, placementConstraints: [memberOf('attribute:ecs.os-type == linux')] },
      count: 10_000_000,
      placementConstraints: [{ type: 'distinctInstance', expression: undefined }, memberOf('attribute:ecs.instance-type =~ t2.* and runningTasksCount < 3')],
    });
    expect(plan.count).toBe(10_000_000);
    expect(plan.constraints.map(({ name, dependsOn }) => [name, dependsOn])).toEqual([
      ['memberOf(attribute:ecs.os-type == linux)', 'attributes'],
      ['distinctInstance', 'instance'],
      ['memberOf(attribute:ecs.instance-type =~ t2.* and runningTasksCount < 3)', 'instance'],
    ]);
  });

  it('accepts 10 constraints across the task and the request', () => {
    const taskWith = { ...task, placementConstraints: Array.from({ length: 4 }, () => memberOf('attribute:a exists')) };
    const plan = planOf({ task: taskWith, placementConstraints: Array.from({ length: 6 }, () => ({ type: 'distinctInstance' })) });
    expect(plan.constraints).toHaveLength(10);
  });
});
