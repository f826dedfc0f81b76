import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { ENGINES } from '../../test/support/scenarioCluster';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { Strategy } from '../model/Strategy';
import { Cluster } from './Cluster';

const task = { family: 'web', resources: { cpu: 256, memory: 512 } };
const inA = { type: 'memberOf', expression: 'attribute:ecs.availability-zone == us-east-1a' } as const;

function instance(id: string, zone: string, memory = 4096, type = 'm5.large'): InstanceSpec {
  return { id, resources: { cpu: 4096, memory }, attributes: { 'ecs.availability-zone': zone, 'ecs.instance-type': type } };
}

/** Six tasks of web piled into us-east-1a; zone c's only instance has room for `roomInC` more. */
function piledUp(engine: (typeof ENGINES)[number], cMemory = 4096, cType = 'm5.large'): Cluster {
  const cluster = new Cluster({ engine, instances: [
    instance('a1', 'us-east-1a'), instance('a2', 'us-east-1a'), instance('b1', 'us-east-1b'), instance('c1', 'us-east-1c', cMemory, cType),
  ] });
  cluster.place({ service: 'web', task, count: 6, placementConstraints: [inA] });
  return cluster;
}

describe.each(ENGINES)('planZoneRebalance on the %s engine', (engine) => {
  it('plans a start in each short zone, then as many stops in the long one, and changes nothing', () => {
    const cluster = piledUp(engine);
    const before = cluster.snapshot();
    const plan = cluster.planZoneRebalance({ service: 'web', task });
    expect(cluster.snapshot()).toEqual(before);
    expect(plan.status).toBe('complete');
    expect(plan.zones).toEqual([
      { zone: 'us-east-1a', before: 6, target: 2, after: 2 },
      { zone: 'us-east-1b', before: 0, target: 2, after: 2 },
      { zone: 'us-east-1c', before: 0, target: 2, after: 2 },
    ]);
    expect(plan.steps.map((step) => `${step.action} ${step.zone}`)).toEqual([
      'start us-east-1b', 'start us-east-1c', 'start us-east-1b', 'start us-east-1c',
      'stop us-east-1a', 'stop us-east-1a', 'stop us-east-1a', 'stop us-east-1a',
    ]);
    expect(plan.steps.slice(0, 4).map((step) => step.taskId)).toEqual(['task-7', 'task-8', 'task-9', 'task-10']);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.steps) && Object.isFrozen(plan.steps[0])).toBe(true);
  });

  it('says a zone without room is blocked, with the reason of its closest instance, and still plans what it can', () => {
    const cluster = piledUp(engine, 256);
    const plan = cluster.planZoneRebalance({ service: 'web', task });
    expect(plan.status).toBe('blocked');
    expect(plan.blocked).toEqual([{
      zone: 'us-east-1c', missing: 2, instanceId: 'c1', reason: 'RESOURCE:MEMORY',
      rejection: { code: 'insufficient_resource', resource: 'memory', requested: 512, remaining: 256 },
    }]);
    expect(plan.steps.map((step) => `${step.action} ${step.zone}`)).toEqual(['start us-east-1b', 'start us-east-1b', 'stop us-east-1a', 'stop us-east-1a']);
    expect(plan.zones.map((zone) => zone.after)).toEqual([4, 2, 0]);
  });

  it('says a zone the service\'s constraints refuse is blocked by them', () => {
    const cluster = piledUp(engine, 4096, 'c5.large');
    const plan = cluster.planZoneRebalance({ service: 'web', task, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.instance-type =~ m5.*' }] });
    expect(plan.blocked.map(({ zone, reason }) => [zone, reason])).toEqual([['us-east-1c', 'MemberOf placement constraint unsatisfied.']]);
  });

  it('leaves a balanced service alone, and one ECS does not rebalance', () => {
    const cluster = new Cluster({ engine, instances: [instance('a1', 'us-east-1a'), instance('b1', 'us-east-1b')] });
    cluster.place({ service: 'web', task, count: 3 });
    expect(cluster.planZoneRebalance({ service: 'web', task })).toMatchObject({ status: 'balanced', steps: [] });
    const piled = piledUp(engine);
    expect(piled.planZoneRebalance({ service: 'web', task, placementStrategy: [{ type: 'binpack', field: 'memory' }] }))
      .toMatchObject({ status: 'ineligible', ineligible: 'first_strategy', steps: [] });
    expect(piled.planZoneRebalance({ service: 'web', task, placementConstraints: [inA] }))
      .toMatchObject({ status: 'ineligible', ineligible: 'zone_constraint', steps: [] });
  });

  it('counts only the zones of ACTIVE instances, and the tasks elsewhere apart', () => {
    const cluster = piledUp(engine);
    cluster.updateInstance('c1', { status: 'DRAINING' });
    const plan = cluster.planZoneRebalance({ service: 'web', task });
    expect(plan.zones.map((zone) => zone.zone)).toEqual(['us-east-1a', 'us-east-1b']);
    expect(plan.outside).toBe(0);
    expect(plan.zones.map((zone) => zone.after)).toEqual([3, 3]);
  });

  it('refuses a request it cannot plan, before doing anything', () => {
    const cluster = piledUp(engine);
    expect(inputErrorOf(() => cluster.planZoneRebalance({ task } as never))).toMatchObject({ code: 'missing_field', path: 'request.service' });
    expect(inputErrorOf(() => cluster.planZoneRebalance({ service: 'web', task, count: 2 } as never))).toMatchObject({ code: 'unknown_field', path: 'request.count' });
    const ten = Array.from({ length: 10 }, () => ({ type: 'distinctInstance' }) as const);
    expect(inputErrorOf(() => cluster.planZoneRebalance({ service: 'web', task, placementConstraints: ten }))).toMatchObject({ code: 'too_many_constraints' });
  });

  it('refuses a strategy that calls planZoneRebalance while it ranks', () => {
    const cluster = piledUp(engine);
    const back: Strategy = { name: 'callsBack', dependsOn: 'instance', key: () => { cluster.planZoneRebalance({ service: 'web', task }); return 0; } };
    expect(inputErrorOf(() => cluster.place({ task, placementStrategy: [back] }))).toMatchObject({ code: 'reentrant_call' });
  });
});
