import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import type { InstanceSpec } from '../model/InstanceSpec';
import type { OpaqueStrategy } from '../model/Strategy';
import { Cluster } from './Cluster';
import { describeScaleInReason } from './describeScaleInReason';

const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];
const fleet: InstanceSpec[] = Array.from({ length: 6 }, (_, index) => ({
  id: `i-${index + 1}`,
  resources: { cpu: 4096, memory: 8192 },
  attributes: { 'ecs.availability-zone': ZONES[index % 3] as string },
}));
const web = { family: 'web', resources: { memory: 512 } };

/** Nine tasks of service web: six spread over the fleet, then three more packed on i-1, in zone 1a. */
function crowded(engine: 'reference' | 'indexed'): Cluster {
  const cluster = new Cluster({ instances: fleet, engine });
  cluster.place({ task: web, count: 6, service: 'web' });
  cluster.place({ task: web, count: 3, service: 'web', placementStrategy: [{ type: 'binpack', field: 'memory' }] });
  return cluster;
}

describe.each(['reference', 'indexed'] as const)('scale-in on the %s engine', (engine) => {
  it("follows the service's default chain: the zone with the most tasks, then the instance with the most, then the newest", () => {
    const cluster = crowded(engine);
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 4 });
    expect(choice.tasks.map((task) => `${task.taskId}@${task.instanceId}`)).toEqual(['task-9@i-1', 'task-8@i-1', 'task-7@i-1', 'task-6@i-6']);
    expect(choice.strategies).toEqual(['spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
    expect(choice.complete).toBe(true);
    expect(choice.tasks[0]?.reasons).toEqual([
      { code: 'most_in_bucket', strategy: 'spread(attribute:ecs.availability-zone)', attribute: 'ecs.availability-zone', bucket: 'us-east-1a', tasks: 5, groupTasks: 9 },
      { code: 'most_on_instance', strategy: 'spread(instanceId)', instanceId: 'i-1', tasks: 4, groupTasks: 9 },
      { code: 'newest', candidates: 4 },
    ]);
    expect(choice.tasks[0]?.reasons.map(describeScaleInReason)).toEqual([
      "spread(attribute:ecs.availability-zone): zone us-east-1a held 5 of the group's 9 tasks, the most",
      "spread(instanceId): instance i-1 held 4 of the group's 9 tasks, the most",
      'the newest of the 4 tasks the chain left tied',
    ]);
    // Once the zones are even, no zone stands out: every task ties, and the newest goes.
    expect(choice.tasks[3]?.reasons).toEqual([{ code: 'newest', candidates: 6 }]);
    expect(Object.isFrozen(choice) && Object.isFrozen(choice.tasks) && Object.isFrozen(choice.tasks[0]?.reasons)).toBe(true);
  });

  it('names the zone of the task it stops when several zones tie for the most', () => {
    // Zones 1a and 1b hold two tasks each, 1c one: both tie for the most, and the newest of their tasks, on i-5 in 1b, goes.
    const cluster = new Cluster({ instances: fleet, engine });
    cluster.place({ task: web, count: 5, service: 'web', placementStrategy: [{ type: 'spread', field: 'instanceId' }] });
    const [first] = cluster.chooseTasksToStop({ service: 'web', count: 1 }).tasks;
    expect(first?.instanceId).toBe('i-5');
    expect(first?.reasons.map(describeScaleInReason)).toEqual([
      "spread(attribute:ecs.availability-zone): zone us-east-1b held 2 of the group's 5 tasks, the most",
      'the newest of the 4 tasks the chain left tied',
    ]);
  });

  it('binpack stops the task whose instance would have the most left after it stops', () => {
    const cluster = crowded(engine);
    // i-1 runs four tasks; every other instance one: each of those would have all 8192 MiB left.
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 1, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    expect(choice.tasks[0]?.taskId).toBe('task-6');
    expect(choice.tasks[0]?.reasons[0]).toEqual({ code: 'most_remaining', strategy: 'binpack(memory)', field: 'memory', remaining: 8192 });
  });

  it('random draws from a copy of the generator: the same state and seed give the same choice, and nothing moves', () => {
    const cluster = crowded(engine);
    const before = cluster.snapshot();
    const request = { service: 'web', count: 3, placementStrategy: [{ type: 'random' as const }] };
    const choice = cluster.chooseTasksToStop(request);
    expect(choice.tasks.map((task) => task.reasons[0]?.code)).toEqual(['drawn', 'drawn', 'drawn']);
    expect(cluster.chooseTasksToStop(request)).toEqual(choice);
    expect(crowded(engine).chooseTasksToStop(request)).toEqual(choice);
    expect(cluster.snapshot()).toEqual(before);
    // The generator did not move: placing now gives what a fresh copy gives.
    const next = { task: web, count: 2, placementStrategy: [{ type: 'random' as const }] };
    expect(cluster.place(next)).toEqual(crowded(engine).place(next));
  });

  it('never chooses a protected task, and says when the group has fewer to stop than asked', () => {
    const cluster = crowded(engine);
    const protectedTasks = ['task-1', 'task-2', 'task-3', 'task-4', 'task-5', 'task-6', 'task-9'];
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 5, protectedTasks });
    expect(choice.tasks.map((task) => task.taskId)).toEqual(['task-8', 'task-7']);
    expect(choice.complete).toBe(false);
    expect(choice.protectedTasks).toBe(7);
    expect(choice.tasks[1]?.reasons).toEqual([{ code: 'last_candidate' }]);
  });

  it('stopTasks applies a choice or ids, all or nothing', () => {
    const cluster = crowded(engine);
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 2 });
    const before = cluster.snapshot();
    expect(inputErrorOf(() => cluster.stopTasks(['task-1', 'task-99']))).toEqual({ code: 'unknown_task', path: 'tasks[1]' });
    expect(inputErrorOf(() => cluster.stopTasks(['task-1', 'task-1']))).toEqual({ code: 'duplicate_task', path: 'tasks[1]' });
    expect(inputErrorOf(() => cluster.stopTasks(['task-1', 7] as unknown as string[]))).toEqual({ code: 'invalid_type', path: 'tasks[1]' });
    expect(inputErrorOf(() => cluster.stopTasks('task-1' as unknown as string[]))).toEqual({ code: 'invalid_type', path: 'tasks' });
    // A hole is checked like any entry, not skipped.
    expect(inputErrorOf(() => cluster.stopTasks([, 'task-1'] as unknown as string[]))).toEqual({ code: 'invalid_type', path: 'tasks[0]' });
    const unreadable = { get tasks(): never { throw new Error('gone') } };
    expect(inputErrorOf(() => cluster.stopTasks(unreadable as never))).toEqual({ code: 'invalid_type', path: 'tasks' });
    expect(cluster.snapshot()).toEqual(before);
    expect(cluster.stopTasks(choice).map((task) => task.taskId)).toEqual(['task-9', 'task-8']);
    expect(inputErrorOf(() => cluster.stopTasks(choice))).toEqual({ code: 'unknown_task', path: 'tasks.tasks[0]' });
    expect(cluster.stopTasks(['task-1']).map((task) => task.instanceId)).toEqual(['i-1']);
    expect(cluster.tasks()).toHaveLength(6);
  });

  it('refuses bad requests with a code, changing nothing', () => {
    const cluster = crowded(engine);
    const ranked: OpaqueStrategy = { name: 'ranked', rank: () => () => 0 };
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ count: 1 }))).toEqual({ code: 'missing_field', path: 'request.service' });
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', group: 'g', count: 1 }))).toEqual({ code: 'conflicting_group', path: 'request.group' });
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', count: 0 }))).toEqual({ code: 'invalid_count', path: 'request.count' });
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web' } as never))).toEqual({ code: 'missing_field', path: 'request.count' });
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', count: 1, protectedTasks: ['task-42'] }))).toEqual({ code: 'unknown_task', path: 'request.protectedTasks[0]' });
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', count: 1, placementStrategy: [{ type: 'spread', field: 'instanceId' }, ranked] }))).toEqual({ code: 'invalid_strategy', path: 'request.placementStrategy[1]' });
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', count: 1, protectedTask: [] } as never))).toEqual({ code: 'unknown_field', path: 'request.protectedTask' });
    // pack scores instances for a task to place, which choosing tasks to stop has not.
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', count: 1, placementStrategy: [{ type: 'pack', resources: ['cpu'], scorer: 'bestFit' }] } as never))).toEqual({ code: 'invalid_strategy', path: 'request.placementStrategy[0]' });
  });

  it("a caller's instance strategy reads the instance as it would be once the task stops", () => {
    const cluster = crowded(engine);
    const busiest = { name: 'busiest', dependsOn: 'instance' as const, key: (instance: { runningTasksCount: number }) => instance.runningTasksCount };
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 1, placementStrategy: [busiest] });
    expect(choice.tasks[0]).toMatchObject({ instanceId: 'i-1', reasons: [{ code: 'highest_key', strategy: 'busiest', key: 3 }, { code: 'newest', candidates: 4 }] });
  });

  it('stops the tasks on the least preferred instances first, then follows the default chain', () => {
    const cluster = crowded(engine);
    const zoneB = { type: 'prefer', expression: 'attribute:ecs.availability-zone == us-east-1b', weight: 50 } as const;
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 8, placementStrategy: [zoneB] });
    expect(choice.strategies).toEqual(['prefer(attribute:ecs.availability-zone == us-east-1b weight 50)', 'spread(attribute:ecs.availability-zone)', 'spread(instanceId)']);
    // Zone 1b's two tasks are the last to go.
    expect(choice.tasks.map((task) => task.taskId)).toEqual(['task-9', 'task-8', 'task-7', 'task-6', 'task-4', 'task-3', 'task-1', 'task-5']);
    expect(choice.tasks[0]?.reasons[0]).toEqual({ code: 'least_preferred', strategy: 'prefer(attribute:ecs.availability-zone == us-east-1b weight 50)', weight: 0 });
    expect(describeScaleInReason(choice.tasks[0]?.reasons[0] as never)).toBe('prefer(attribute:ecs.availability-zone == us-east-1b weight 50): its instance would meet preferences weighing 0 once it stops, the least');
    // A negative weight sends zone 1b's tasks first.
    const avoided = cluster.chooseTasksToStop({ service: 'web', count: 2, placementStrategy: [{ ...zoneB, weight: -50 }, { type: 'binpack', field: 'memory' }] });
    expect(avoided.tasks.map((task) => [task.instanceId, task.reasons[0]])).toEqual([
      ['i-5', { code: 'least_preferred', strategy: 'prefer(attribute:ecs.availability-zone == us-east-1b weight -50)', weight: -50 }],
      ['i-2', { code: 'least_preferred', strategy: 'prefer(attribute:ecs.availability-zone == us-east-1b weight -50)', weight: -50 }],
    ]);
  });

  it('reads a preference on tasks as the instance would be once the task stops', () => {
    const cluster = crowded(engine);
    // i-1 runs four of the tasks, every other instance one: once one stops, only i-1 would still run two or more, twice.
    const quiet = { type: 'prefer', expression: 'runningTasksCount < 2', weight: 20 } as const;
    const choice = cluster.chooseTasksToStop({ service: 'web', count: 3, placementStrategy: [quiet, { type: 'random' }] });
    expect(choice.tasks.slice(0, 2).map((task) => task.instanceId)).toEqual(['i-1', 'i-1']);
    expect(choice.tasks[1]?.reasons[0]).toEqual({ code: 'least_preferred', strategy: 'prefer(runningTasksCount < 2 weight 20)', weight: 0 });
    // Then i-1 would run one once its next task stops, as every other instance would: the preference ties them all, and random draws.
    expect(choice.tasks[2]?.reasons.map((reason) => reason.code)).toEqual(['drawn']);
  });

  it('a key function that changes the cluster is refused', () => {
    const cluster = crowded(engine);
    const meddling = { name: 'meddling', dependsOn: 'instance' as const, key: () => cluster.stopTasks(['task-1']).length };
    expect(inputErrorOf(() => cluster.chooseTasksToStop({ service: 'web', count: 1, placementStrategy: [meddling] }))).toEqual({ code: 'reentrant_call', path: '' });
    expect(cluster.tasks()).toHaveLength(9);
  });
});
