import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { ENGINES } from '../../test/support/scenarioCluster';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { ServicePlacement } from '../model/ServicePlacement';
import type { Strategy } from '../model/Strategy';
import { Cluster } from './Cluster';
import type { MoveStep } from './DrainPlan';

const binpack = [{ type: 'binpack', field: 'memory' }] as const;

function instance(id: string, memory: number, attributes: Record<string, string | null> = {}): InstanceSpec {
  return { id, resources: { cpu: 4096, memory }, attributes: { 'ecs.availability-zone': 'us-east-1a', ...attributes } };
}

function apply(cluster: Cluster, steps: readonly MoveStep[]): void {
  for (const step of steps) {
    if (step.action === 'drain') cluster.updateInstance(step.instanceId, { status: 'DRAINING' });
    else if (step.action === 'stop') cluster.stopTask(step.taskId);
    else expect(cluster.place(step.request).placements).toEqual([{ taskId: step.taskId, instanceId: step.instanceId }]);
  }
}

describe.each(ENGINES)('planDrain and planConsolidation on the %s engine', (engine) => {
  it('undoes an instance it cannot empty, draws and starts alike, before trying the next', () => {
    // r1 and r2 have 2192 MiB free; i1's batch task (5000) fits nowhere, so its web task's move is undone,
    // and i2's two api tasks (2000 each) then go one to r1 and one to r2.
    const cluster = new Cluster({ engine, instances: [instance('r1', 8192), instance('r2', 8192), instance('i1', 4096), instance('i2', 8192)] });
    const on = (id: string) => ({ type: 'memberOf', expression: `attribute:name == ${id}` }) as const;
    for (const id of ['r1', 'r2', 'i1', 'i2']) cluster.updateInstance(id, { attributes: { name: id } });
    cluster.place({ group: 'filler', task: { resources: { memory: 6000 } }, count: 1, placementConstraints: [on('r1')] });
    cluster.place({ group: 'filler', task: { resources: { memory: 6000 } }, count: 1, placementConstraints: [on('r2')] });
    const services: ServicePlacement[] = [
      { service: 'web', task: { family: 'web', resources: { memory: 256 } }, placementStrategy: binpack },
      { group: 'batch', task: { family: 'batch', resources: { memory: 5000 } }, placementStrategy: binpack },
      { service: 'api', task: { family: 'api', resources: { memory: 2000 } }, placementStrategy: binpack },
    ];
    cluster.place({ ...services[0], task: services[0]?.task ?? { resources: {} }, placementConstraints: [on('i1')] });
    cluster.place({ group: 'batch', task: { family: 'batch', resources: { memory: 3000 } }, placementConstraints: [on('i1')] });
    cluster.place({ service: 'api', task: { family: 'api', resources: { memory: 2000 } }, count: 2, placementConstraints: [on('i2')] });

    const plan = cluster.planConsolidation({ services });
    expect(plan.instancesFreed).toEqual(['i2']);
    expect(plan.steps.filter((step) => step.action === 'start').map((step) => step.instanceId)).toEqual(['r1', 'r2']);
    expect(plan.notFreed.find((entry) => entry.instanceId === 'i1')?.why).toMatchObject({ code: 'task_left', task: { group: 'batch', why: { code: 'no_room', reason: 'RESOURCE:MEMORY' } } });
    expect(plan.instancesWithTasks).toEqual({ before: 4, after: 3 });
    apply(cluster, plan.steps);
    expect(cluster.instances().find((info) => info.id === 'i2')).toMatchObject({ status: 'DRAINING', runningTasksCount: 0 });
  });

  it('keeps a moved task among the instances without a value of an attribute its chain spreads over, valueless or absent alike', () => {
    // Registered last, the instance without the attribute is tried first of the three, which each run one task.
    const cluster = new Cluster({ engine, instances: [instance('valueless', 4096, { rack: null, name: 'valueless' }), instance('r1', 4096, { rack: 'r1', name: 'r1' }), instance('absent', 4096, { name: 'absent' })] });
    const service: ServicePlacement = { service: 'web', task: { family: 'web', resources: { memory: 512 } }, placementStrategy: [{ type: 'spread', field: 'attribute:rack' }, ...binpack] };
    for (const id of ['absent', 'r1', 'valueless']) cluster.place({ ...service, placementConstraints: [{ type: 'memberOf', expression: `attribute:name == ${id}` }] });
    const plan = cluster.planConsolidation({ services: [service] });
    expect(plan.instancesFreed).toEqual(['absent']);
    expect(plan.steps.find((step) => step.action === 'start')?.instanceId).toBe('valueless');
    expect(plan.notFreed).toContainEqual({ instanceId: 'r1', why: { code: 'task_left', task: expect.objectContaining({ why: expect.objectContaining({ code: 'no_room' }) }) } });
  });

  it("does not empty an instance when the moves would leave another zone above a spreadLimit's skew", () => {
    // web spreads at most 1 apart over zones: a 1, b 2, c 1. a1's task may go to c1 (c would hold 2, within 1 of a's 1 while
    // a1's task still runs), but once it stops zone a holds none and is still eligible (a2 takes tasks): b and c hold 2, 2
    // above it. a2 has no room for web, and everything but a1 is kept.
    const zone = (name: string) => ({ 'ecs.availability-zone': `us-east-1${name}` });
    const fleet: InstanceSpec[] = [
      { id: 'a1', resources: { cpu: 4096, memory: 4096 }, attributes: { ...zone('a'), name: 'a1' } },
      { id: 'a2', resources: { cpu: 4096, memory: 512 }, attributes: { ...zone('a'), name: 'a2' } },
      { id: 'b1', resources: { cpu: 4096, memory: 4096 }, attributes: { ...zone('b'), name: 'b1' } },
      { id: 'c1', resources: { cpu: 4096, memory: 4096 }, attributes: { ...zone('c'), name: 'c1' } },
    ];
    const cluster = new Cluster({ engine, instances: fleet });
    const web: ServicePlacement = {
      service: 'web', task: { family: 'web', resources: { memory: 1024 } }, placementStrategy: binpack,
      placementConstraints: [{ type: 'spreadLimit', field: 'attribute:ecs.availability-zone', maxSkew: 1 }],
    };
    const on = (id: string) => [{ type: 'memberOf', expression: `attribute:name == ${id}` }] as const;
    cluster.place({ group: 'filler', task: { resources: { memory: 512 } }, placementConstraints: on('a2') });
    for (const id of ['a1', 'b1', 'b1', 'c1']) cluster.place({ ...web, placementConstraints: on(id) });
    const plan = cluster.planConsolidation({ services: [web], keep: ['a2', 'b1', 'c1'] });
    expect(plan.instancesFreed).toEqual([]);
    expect(plan.notFreed.find((entry) => entry.instanceId === 'a1')?.why).toMatchObject({
      code: 'task_left',
      task: { group: 'service:web', why: { code: 'breaks_domain_constraint', brokenGroup: 'service:web', constraint: 'spreadLimit(attribute:ecs.availability-zone, maxSkew 1)', domain: 'us-east-1b', tasks: 2, most: 1 } },
    });
    // Without the constraint, the move is made.
    const free = new Cluster({ engine, instances: fleet });
    free.place({ group: 'filler', task: { resources: { memory: 512 } }, placementConstraints: on('a2') });
    const plain: ServicePlacement = { service: 'web', task: web.task, placementStrategy: binpack };
    for (const id of ['a1', 'b1', 'b1', 'c1']) free.place({ ...plain, placementConstraints: on(id) });
    expect(free.planConsolidation({ services: [plain], keep: ['a2', 'b1', 'c1'] }).instancesFreed).toEqual(['a1']);
  });

  it("does not empty an instance when a move would take a zone above another group's atMost that counts the moved task", () => {
    // api allows at most 2 tasks of api and web together in a zone; c already holds one of each. Moving a1's web task to c
    // (web's own pipeline allows it) would make 3.
    const zone = (name: string) => ({ 'ecs.availability-zone': `us-east-1${name}` });
    const cluster = new Cluster({ engine, instances: [
      { id: 'a1', resources: { cpu: 4096, memory: 4096 }, attributes: { ...zone('a'), name: 'a1' } },
      { id: 'c1', resources: { cpu: 4096, memory: 4096 }, attributes: { ...zone('c'), name: 'c1' } },
      { id: 'c2', resources: { cpu: 4096, memory: 4096 }, attributes: { ...zone('c'), name: 'c2' } },
    ] });
    const web: ServicePlacement = { service: 'web', task: { family: 'web', resources: { memory: 1024 } }, placementStrategy: binpack };
    const api: ServicePlacement = {
      service: 'api', task: { family: 'api', resources: { memory: 1024 } }, placementStrategy: binpack,
      placementConstraints: [{ type: 'atMost', count: 2, field: 'attribute:ecs.availability-zone', groups: ['service:web'] }],
    };
    const on = (id: string) => [{ type: 'memberOf', expression: `attribute:name == ${id}` }] as const;
    cluster.place({ ...web, placementConstraints: on('a1') });
    cluster.place({ ...web, placementConstraints: on('c1') });
    cluster.place({ ...api, placementConstraints: [...(api.placementConstraints ?? []), ...on('c2')] });
    const plan = cluster.planConsolidation({ services: [web, api], keep: ['c1', 'c2'] });
    expect(plan.instancesFreed).toEqual([]);
    expect(plan.notFreed.find((entry) => entry.instanceId === 'a1')?.why).toMatchObject({
      code: 'task_left',
      task: { group: 'service:web', why: { code: 'breaks_domain_constraint', brokenGroup: 'service:api', domain: 'us-east-1c', tasks: 3, most: 2 } },
    });
    // Described without api, web's move is made: the check reads described groups only.
    expect(cluster.planConsolidation({ services: [web], keep: ['c1', 'c2'] }).instancesFreed).toEqual(['a1']);
  });

  it('drains: replaces service tasks elsewhere, leaves standalone ones, and names those with no room', () => {
    const cluster = new Cluster({ engine, instances: [instance('a', 4096, { name: 'a' }), instance('b', 1024)] });
    const web = { service: 'web', task: { family: 'web', resources: { memory: 512 } } };
    const big = { service: 'big', task: { family: 'big', resources: { memory: 2048 } } };
    cluster.place({ ...web, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone exists and runningTasksCount == 0' }] });
    cluster.place({ ...big, placementStrategy: binpack });
    cluster.place({ group: 'cron', task: { family: 'cron', resources: { memory: 128 } }, placementConstraints: [{ type: 'memberOf', expression: 'attribute:name == a' }] });
    expect(cluster.tasks().map((task) => task.instanceId)).toEqual(['a', 'a', 'a']);
    const before = cluster.snapshot();
    const plan = cluster.planDrain({ instanceId: 'a', services: [web, big] });
    expect(cluster.snapshot()).toEqual(before);
    expect(plan.complete).toBe(false);
    expect(plan.steps.map((step) => `${step.action} ${step.instanceId}`)).toEqual(['drain a', 'start b', 'stop a']);
    expect(plan.left).toEqual([
      { taskId: 'task-2', group: 'service:big', why: { code: 'no_room', reason: 'RESOURCE:MEMORY', instanceId: 'b', rejection: { code: 'insufficient_resource', resource: 'memory', requested: 2048, remaining: 512 } } },
      { taskId: 'task-3', group: 'cron', why: { code: 'standalone' } },
    ]);
    apply(cluster, plan.steps);
    expect(cluster.tasks().filter((task) => task.instanceId === 'a').map((task) => task.taskId)).toEqual(['task-2', 'task-3']);
  });

  it('refuses bad requests with their paths, and changes nothing', () => {
    const cluster = new Cluster({ engine, instances: [instance('a', 4096)] });
    const task = { family: 'web', resources: { memory: 512 } };
    const ten = Array.from({ length: 10 }, () => ({ type: 'memberOf', expression: 'attribute:ecs.availability-zone exists' }) as const);
    expect(inputErrorOf(() => cluster.planDrain({ instanceId: 'nope', services: [] }))).toMatchObject({ code: 'unknown_instance', path: 'request.instanceId' });
    expect(inputErrorOf(() => cluster.planDrain({ instanceId: 'a' } as never))).toMatchObject({ code: 'missing_field', path: 'request.services' });
    expect(inputErrorOf(() => cluster.planDrain({ instanceId: 'a', services: [{ task }] }))).toMatchObject({ code: 'missing_field', path: 'request.services[0].service' });
    expect(inputErrorOf(() => cluster.planDrain({ instanceId: 'a', services: [{ service: 'web', task, count: 2 } as never] }))).toMatchObject({ code: 'unknown_field', path: 'request.services[0].count' });
    expect(inputErrorOf(() => cluster.planDrain({ instanceId: 'a', services: [{ service: 'web', group: 'g', task }] }))).toMatchObject({ code: 'conflicting_group', path: 'request.services[0].group' });
    expect(inputErrorOf(() => cluster.planConsolidation({ services: [{ service: 'web', task }, { group: 'service:web', task }] }))).toMatchObject({ code: 'conflicting_group', path: 'request.services[1]' });
    expect(inputErrorOf(() => cluster.planConsolidation({ services: [{ service: 'web', task, placementConstraints: ten }] }))).toMatchObject({ code: 'too_many_constraints', path: 'request.services[0].placementConstraints' });
    expect(() => cluster.planDrain({ instanceId: 'a', services: [{ service: 'web', task, placementConstraints: ten }] })).not.toThrow();
    expect(inputErrorOf(() => cluster.planConsolidation({ services: [], maxMoves: -1 }))).toMatchObject({ code: 'invalid_count', path: 'request.maxMoves' });
    expect(inputErrorOf(() => cluster.planConsolidation({ services: [], keep: ['a', 'b'] }))).toMatchObject({ code: 'unknown_instance', path: 'request.keep[1]' });
  });

  it('refuses a strategy that changes the cluster while a plan reads it', () => {
    const cluster = new Cluster({ engine, instances: [instance('a', 4096), instance('b', 4096), instance('c', 4096)] });
    const task = { family: 'web', resources: { memory: 512 } };
    cluster.place({ service: 'web', task, placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.availability-zone exists and runningTasksCount == 0' }] });
    const back: Strategy = { name: 'back', dependsOn: 'instance', key: () => cluster.place({ task }).placements.length };
    expect(inputErrorOf(() => cluster.planDrain({ instanceId: 'a', services: [{ service: 'web', task, placementStrategy: [back] }] }))).toMatchObject({ code: 'reentrant_call' });
    expect(cluster.instances().map((info) => info.status)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE']);
  });
});
