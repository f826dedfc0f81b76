import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { ENGINES } from '../../test/support/scenarioCluster';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { Strategy } from '../model/Strategy';
import { Cluster } from './Cluster';
import { describeDeploymentBlock } from './describeDeploymentBlock';

const v1 = { family: 'web', resources: { cpu: 256, memory: 1024 } };
const v2 = { family: 'web', resources: { cpu: 256, memory: 1536 } };

function instance(id: string, zone: string, memory = 4096): InstanceSpec {
  return { id, resources: { cpu: 4096, memory }, attributes: { 'ecs.availability-zone': zone } };
}

/** Four instances in two zones, each running one task of web's first revision. */
function running(engine: (typeof ENGINES)[number], memory = 4096): Cluster {
  const cluster = new Cluster({ engine, instances: [instance('a1', 'us-east-1a', memory), instance('b1', 'us-east-1b', memory), instance('a2', 'us-east-1a', memory), instance('b2', 'us-east-1b', memory)] });
  cluster.place({ service: 'web', task: v1, count: 4 });
  return cluster;
}

const steps = (plan: { readonly steps: readonly { action: string; round: number; taskId: string }[] }): string[] =>
  plan.steps.map((step) => `${step.round} ${step.action} ${step.taskId}`);

describe.each(ENGINES)('planDeployment on the %s engine', (engine) => {
  it('starts every new task in one round with ECS\'s defaults, then stops every old one, and changes nothing', () => {
    const cluster = running(engine);
    const before = JSON.stringify(cluster.snapshot());
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 4 });
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
    expect(plan).toMatchObject({ status: 'complete', lowerLimit: 4, upperLimit: 8, oldTasks: 4, outside: 0, after: { oldTasks: 0, newTasks: 4 } });
    expect(steps(plan)).toEqual(['1 start task-5', '1 start task-6', '1 start task-7', '1 start task-8', '1 stop task-4', '1 stop task-3', '1 stop task-2', '1 stop task-1']);
    expect(plan.rounds).toEqual([{ round: 1, started: 4, stopped: 4, running: 8, healthy: 4, oldTasks: 0, newTasks: 4 }]);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.steps) && Object.isFrozen(plan.steps[0]) && Object.isFrozen(plan.rounds[0])).toBe(true);
  });

  it('rounds the lower limit up and the upper limit down, and stops before it starts when only stops are allowed', () => {
    const cluster = running(engine);
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 3, minimumHealthyPercent: 50, maximumPercent: 150 });
    expect([plan.lowerLimit, plan.upperLimit]).toEqual([2, 4]);
    expect(plan.rounds.map(({ started, stopped, running, healthy }) => [started, stopped, running, healthy])).toEqual([[0, 2, 4, 2], [2, 2, 4, 2], [1, 0, 3, 3]]);
    expect(plan.after).toEqual({ oldTasks: 0, newTasks: 3 });
  });

  it('is blocked by limits that allow no step, with ECS\'s words', () => {
    const cluster = running(engine);
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 4, maximumPercent: 100 });
    expect(plan).toMatchObject({ status: 'blocked', steps: [], rounds: [], blocked: { code: 'limits', running: 4, upperLimit: 4, healthy: 4, lowerLimit: 4 } });
    expect(describeDeploymentBlock(plan.blocked ?? { code: 'protected_tasks', tasks: [] }, 'web')).toBe(
      'service web was unable to stop or start tasks during a deployment because of the service deployment configuration (4 tasks running, and the upper limit is 4; '
      + '4 healthy, and the lower limit is 4). Update the minimumHealthyPercent or maximumPercent value and try again.',
    );
  });

  it('is blocked when the new revision finds no room, with the closest instance\'s reason, after what it can do', () => {
    const cluster = running(engine, 2048);
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 4 });
    expect(plan.status).toBe('blocked');
    expect(plan.blocked).toEqual({
      code: 'no_room', missing: 4, instanceId: 'a1', reason: 'RESOURCE:MEMORY',
      rejection: { code: 'insufficient_resource', resource: 'memory', requested: 1536, remaining: 1024 },
    });
    const roomier = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 4, minimumHealthyPercent: 50 });
    expect(roomier.status).toBe('complete');
    expect(roomier.rounds.map(({ started, stopped }) => [started, stopped])).toEqual([[0, 2], [2, 2], [2, 0]]);
  });

  it('never stops a protected old task, and says the deployment waits for it', () => {
    const cluster = running(engine);
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 4, protectedTasks: ['task-2'] });
    expect(plan.steps.filter((step) => step.action === 'stop').map((step) => step.taskId)).toEqual(['task-4', 'task-3', 'task-1']);
    expect(plan.blocked).toEqual({ code: 'protected_tasks', tasks: ['task-2'] });
    expect(describeDeploymentBlock({ code: 'protected_tasks', tasks: ['task-2'] }, 'web')).toBe(
      'service web cannot stop its old task task-2, which has scale-in protection; the deployment waits until the protection is removed or expires.',
    );
  });

  it('scales while it deploys, to more tasks, to fewer, and to none', () => {
    const cluster = running(engine);
    expect(cluster.planDeployment({ service: 'web', to: { task: v1 }, desiredCount: 6 }).after).toEqual({ oldTasks: 0, newTasks: 6 });
    const fewer = cluster.planDeployment({ service: 'web', to: { task: v1 }, desiredCount: 2 });
    expect(fewer.rounds.map(({ started, stopped }) => [started, stopped])).toEqual([[0, 2], [2, 2]]);
    const none = cluster.planDeployment({ service: 'web', to: { task: v1 }, desiredCount: 0 });
    expect(none).toMatchObject({ status: 'complete', lowerLimit: 0, upperLimit: 0, after: { oldTasks: 0, newTasks: 0 } });
    expect(none.rounds).toEqual([{ round: 1, started: 0, stopped: 4, running: 4, healthy: 0, oldTasks: 0, newTasks: 0 }]);
  });

  it('replaces only the tasks of from, and leaves the service\'s others outside the limits', () => {
    const cluster = running(engine);
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 2, from: ['task-3', 'task-1'] });
    expect(plan).toMatchObject({ oldTasks: 2, outside: 2, lowerLimit: 2, upperLimit: 4 });
    expect(plan.steps.filter((step) => step.action === 'stop').map((step) => step.taskId).sort()).toEqual(['task-1', 'task-3']);
  });

  it('draws the random choice of each stop from a copy of the generator, so that the starts, applied, draw what they drew in the plan', () => {
    const cluster = new Cluster({ engine, seed: 7, instances: ['a1', 'b1', 'a2', 'b2', 'a3', 'b3'].map((id) => instance(id, `us-east-1${id[0] ?? ''}`)) });
    cluster.place({ service: 'web', task: v1, count: 6 });
    const random = [{ type: 'random' }] as const;
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2, placementStrategy: random }, desiredCount: 6, minimumHealthyPercent: 50, maximumPercent: 100 });
    expect(plan.rounds.length).toBeGreaterThan(2);
    for (const step of plan.steps) {
      if (step.action === 'stop') cluster.stopTask(step.taskId);
      else expect(cluster.place(step.request).placements).toEqual([{ taskId: step.taskId, instanceId: step.instanceId }]);
    }
  });

  it('says a cluster without instances has no room', () => {
    const cluster = new Cluster({ engine });
    const plan = cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 1 });
    expect(plan.blocked).toEqual({ code: 'no_room', missing: 1, reason: 'No Container Instances were found in your cluster.' });
    expect(describeDeploymentBlock(plan.blocked ?? { code: 'protected_tasks', tasks: [] }, 'web')).toBe(
      'service web was unable to place a task: No Container Instances were found in your cluster. 1 new task is still missing.',
    );
  });

  it('puts every stopped task back where it was: in placement order, on its instance, in its groups\' order', () => {
    const cluster = new Cluster({ engine, instances: [instance('a1', 'us-east-1a', 16_384)] });
    cluster.place({ service: 'web', task: v1 });
    cluster.place({ group: 'batch', task: v1 });
    cluster.place({ service: 'web', task: v1 });
    cluster.stopTask('task-1');
    const before = JSON.stringify(cluster.snapshot());
    expect(Object.keys(cluster.instances()[0]?.taskGroups ?? {})).toEqual(['service:web', 'batch']);
    cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 1, minimumHealthyPercent: 0, maximumPercent: 100 });
    expect(JSON.stringify(cluster.snapshot())).toBe(before);
    expect(cluster.deregisterInstance('a1', { force: true }).stoppedTasks.map((task) => task.taskId)).toEqual(['task-2', 'task-3']);
  });

  it('refuses a request it cannot plan, before doing anything', () => {
    const cluster = running(engine);
    const request = { service: 'web', to: { task: v2 }, desiredCount: 4 };
    const refused = (change: Record<string, unknown>) => inputErrorOf(() => cluster.planDeployment({ ...request, ...change } as never));
    expect(refused({ service: undefined })).toMatchObject({ code: 'missing_field', path: 'request.service' });
    expect(refused({ to: undefined })).toMatchObject({ code: 'missing_field', path: 'request.to' });
    expect(refused({ desiredCount: undefined })).toMatchObject({ code: 'missing_field', path: 'request.desiredCount' });
    expect(refused({ to: { task: v2, count: 2 } })).toMatchObject({ code: 'unknown_field', path: 'request.to.count' });
    expect(refused({ to: { task: { resources: { cpu: -1 } } } })).toMatchObject({ code: 'invalid_resource', path: 'request.to.task.resources.cpu' });
    expect(refused({ desiredCount: -1 })).toMatchObject({ code: 'invalid_count', path: 'request.desiredCount' });
    expect(refused({ desiredCount: 1.5 })).toMatchObject({ code: 'invalid_count' });
    expect(refused({ minimumHealthyPercent: 101 })).toMatchObject({ code: 'invalid_percent', path: 'request.minimumHealthyPercent' });
    expect(refused({ minimumHealthyPercent: 50.5 })).toMatchObject({ code: 'invalid_percent' });
    expect(refused({ maximumPercent: 99 })).toMatchObject({ code: 'invalid_percent', path: 'request.maximumPercent' });
    expect(refused({ maximumPercent: '200' })).toMatchObject({ code: 'invalid_type', path: 'request.maximumPercent' });
    expect(refused({ from: ['task-1', 'task-1'] })).toMatchObject({ code: 'duplicate_task', path: 'request.from[1]' });
    expect(refused({ from: ['task-9'] })).toMatchObject({ code: 'unknown_task', path: 'request.from[0]' });
    expect(refused({ protectedTasks: ['task-9'] })).toMatchObject({ code: 'unknown_task', path: 'request.protectedTasks[0]' });
    cluster.place({ group: 'batch', task: v1 });
    expect(refused({ from: ['task-5'] })).toMatchObject({ code: 'unknown_task', path: 'request.from[0]' });
  });

  it('refuses a strategy that calls planDeployment while it ranks', () => {
    const cluster = running(engine);
    const back: Strategy = { name: 'callsBack', dependsOn: 'instance', key: () => { cluster.planDeployment({ service: 'web', to: { task: v2 }, desiredCount: 1 }); return 0; } };
    expect(inputErrorOf(() => cluster.place({ task: v1, placementStrategy: [back] }))).toMatchObject({ code: 'reentrant_call' });
  });
});
