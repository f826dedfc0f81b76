import { describe, expect, it } from 'vitest';
import { inputErrorOf } from '../../test/support/inputErrorOf';
import { makeInstanceSpec } from '../../test/support/makeInstanceSpec';
import { messageOf } from '../../test/support/messageOf';
import { ENGINES } from '../../test/support/scenarioCluster';
import type { EngineName } from '../model/EngineName';
import type { PlacementRequest } from '../model/PlacementRequest';
import type { InstanceStrategy, OpaqueStrategy } from '../model/Strategy';
import { Cluster } from './Cluster';

const small: PlacementRequest['task'] = { resources: { memory: 128 } };
const quiet = (expression: string): PlacementRequest => ({ task: small, placementConstraints: [{ type: 'memberOf', expression }] });

/** `a` runs 3 untracked tasks, `b` none, `c` 1. */
function fleet(engine: EngineName): Cluster {
  return new Cluster({
    engine,
    instances: [
      makeInstanceSpec('a', { untrackedTasks: 3 }),
      makeInstanceSpec('b', { untrackedTasks: 0 }),
      makeInstanceSpec('c', { zone: 'us-east-1b', untrackedTasks: 1 }),
    ],
  });
}

describe.each(ENGINES)('untracked tasks on the %s engine', (engine) => {
  it('count in runningTasksCount, in no task group, and are no tasks', () => {
    const cluster = fleet(engine);
    expect(cluster.tasks()).toEqual([]);
    expect(cluster.instances().map(({ id, runningTasksCount, untrackedTasks, taskGroups }) => ({ id, runningTasksCount, untrackedTasks, taskGroups }))).toEqual([
      { id: 'a', runningTasksCount: 3, untrackedTasks: 3, taskGroups: {} },
      { id: 'b', runningTasksCount: 0, untrackedTasks: undefined, taskGroups: {} },
      { id: 'c', runningTasksCount: 1, untrackedTasks: 1, taskGroups: {} },
    ]);
    expect(Object.keys(cluster.instances()[1] ?? {})).not.toContain('untrackedTasks');
    expect(cluster.instances()[0]?.remainingResources).toEqual({ cpu: 2048, memory: 4096 });
  });

  it('are what runningTasksCount queries see, in listInstances and in memberOf', () => {
    const cluster = fleet(engine);
    expect(cluster.listInstances('runningTasksCount > 2').map((instance) => instance.id)).toEqual(['a']);
    expect(cluster.listInstances('runningTasksCount == 0').map((instance) => instance.id)).toEqual(['b']);
    expect(cluster.place({ ...quiet('runningTasksCount >= 3'), count: 2 }).placements.map((placement) => placement.instanceId)).toEqual(['a', 'a']);
    expect(cluster.listInstances('runningTasksCount == 5').map((instance) => instance.id)).toEqual(['a']);
    const explained = cluster.explain(quiet('runningTasksCount == 1'));
    expect(explained.chosenInstanceId).toBe('c');
    expect(cluster.place(quiet('runningTasksCount > 5')).failures[0]?.reason).toBe('MemberOf placement constraint unsatisfied.');
  });

  it('are what a caller\'s strategies read, while spread and distinctInstance count only the group\'s tasks', () => {
    const cluster = fleet(engine);
    const fewestTasks: InstanceStrategy = { name: 'fewestTasks', dependsOn: 'instance', key: (instance) => instance.runningTasksCount };
    const mostTasks: OpaqueStrategy = { name: 'mostTasks', rank: () => (instance) => -instance.runningTasksCount };
    expect(cluster.place({ task: small, placementStrategy: [fewestTasks] }).placements[0]?.instanceId).toBe('b');
    expect(cluster.place({ task: small, placementStrategy: [mostTasks] }).placements[0]?.instanceId).toBe('a');
    const spread = cluster.place({ task: small, service: 'web', count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }], placementConstraints: [{ type: 'distinctInstance' }] });
    expect(spread.placements.map((placement) => placement.instanceId)).toEqual(['a', 'b', 'c']);
  });

  it('stay when tasks start and stop around them', () => {
    const cluster = fleet(engine);
    const { placements } = cluster.place({ ...quiet('runningTasksCount == 3'), group: 'batch' });
    expect(cluster.instances()[0]).toMatchObject({ runningTasksCount: 4, untrackedTasks: 3, taskGroups: { batch: 1 } });
    cluster.stopTask(placements[0]?.taskId as string);
    expect(cluster.instances()[0]).toMatchObject({ runningTasksCount: 3, untrackedTasks: 3, taskGroups: {} });
  });

  it('change with updateInstance, and placement sees the new count at once', () => {
    const cluster = fleet(engine);
    // Warm the engine's indexes on the expression before the count changes under them.
    expect(cluster.place(quiet('runningTasksCount == 0')).placements[0]?.instanceId).toBe('b');
    cluster.place({ task: small, group: 'batch' });
    expect(cluster.updateInstance('a', { untrackedTasks: 0 })).toMatchObject({ runningTasksCount: 0, taskGroups: {} });
    expect(cluster.instances()[0]).not.toHaveProperty('untrackedTasks');
    expect(cluster.place(quiet('runningTasksCount == 0')).placements[0]?.instanceId).toBe('a');
    expect(cluster.updateInstance('b', { untrackedTasks: 7 })).toMatchObject({ runningTasksCount: 7 + cluster.tasks().filter((task) => task.instanceId === 'b').length, untrackedTasks: 7 });
    expect(cluster.listInstances('runningTasksCount >= 7').map((instance) => instance.id)).toEqual(['b']);
  });

  it('refuses a bad count with invalid_count and changes nothing', () => {
    const cluster = fleet(engine);
    const before = cluster.snapshot();
    expect(inputErrorOf(() => cluster.registerInstance(makeInstanceSpec('d', { untrackedTasks: -1 })))).toEqual({ code: 'invalid_count', path: 'instance.untrackedTasks' });
    expect(inputErrorOf(() => cluster.registerInstance(makeInstanceSpec('d', { untrackedTasks: 2.5 })))).toEqual({ code: 'invalid_count', path: 'instance.untrackedTasks' });
    expect(inputErrorOf(() => cluster.updateInstance('a', { status: 'DRAINING', untrackedTasks: Number.NaN }))).toEqual({ code: 'invalid_count', path: 'patch.untrackedTasks' });
    expect(inputErrorOf(() => cluster.updateInstance('a', { untrackedTasks: '2' as unknown as number }))).toEqual({ code: 'invalid_type', path: 'patch.untrackedTasks' });
    expect(inputErrorOf(() => new Cluster({ engine, instances: [makeInstanceSpec('a', { untrackedTasks: 2 ** 53 })] }))).toEqual({ code: 'invalid_count', path: 'options.instances[0].untrackedTasks' });
    expect(cluster.snapshot()).toStrictEqual(before);
    expect(messageOf(() => cluster.registerInstance(makeInstanceSpec('d', { untrackedTasks: -1 })))).toMatch(/whole number of at least 0/);
  });

  it('keep an instance from deregistering without force, and leave with it untold when forced', () => {
    const cluster = fleet(engine);
    cluster.place({ ...quiet('runningTasksCount == 1'), group: 'batch' });
    expect(inputErrorOf(() => cluster.deregisterInstance('a'))).toEqual({ code: 'instance_has_tasks', path: 'id' });
    expect(messageOf(() => cluster.deregisterInstance('a'))).toMatch(/runs 3 task\(s\) \(3 untracked: set untrackedTasks to 0 with updateInstance/);
    const { instance, stoppedTasks } = cluster.deregisterInstance('c', { force: true });
    expect(instance).toMatchObject({ id: 'c', runningTasksCount: 2, untrackedTasks: 1 });
    expect(stoppedTasks.map((task) => task.group)).toEqual(['batch']);
    cluster.updateInstance('a', { untrackedTasks: 0 });
    expect(cluster.deregisterInstance('a').stoppedTasks).toEqual([]);
  });

  it('round-trip through a snapshot, and a snapshot\'s count must still add up', () => {
    const cluster = fleet(engine);
    cluster.place({ task: small, group: 'batch', count: 2, placementStrategy: [{ type: 'binpack', field: 'memory' }] });
    const snapshot = cluster.snapshot();
    expect(snapshot.instances[0]).toMatchObject({ runningTasksCount: 5, untrackedTasks: 3 });
    const copy = new Cluster({ ...snapshot, engine });
    expect(copy.snapshot()).toStrictEqual(snapshot);
    expect(copy.listInstances('runningTasksCount == 5').map((instance) => instance.id)).toEqual(['a']);
    const [a, ...rest] = snapshot.instances;
    const { untrackedTasks: _untracked, ...withoutUntracked } = a!;
    expect(inputErrorOf(() => new Cluster({ ...snapshot, instances: [withoutUntracked, ...rest] }))).toEqual({ code: 'inconsistent_snapshot', path: 'options.instances[0].runningTasksCount' });
    expect(messageOf(() => new Cluster({ ...snapshot, instances: [{ ...a!, runningTasksCount: 4 }, ...rest] }))).toBe(
      'options.instances[0].runningTasksCount: Instance a is said to have 4 running tasks, but its tasks leave 5 (2 given and 3 untracked); give the instances and the tasks of one snapshot, or leave out what the tasks say.',
    );
    // A snapshot may leave out what its tasks say; the untracked tasks it keeps still count.
    const { runningTasksCount: _count, ...uncounted } = a!;
    expect(new Cluster({ ...snapshot, instances: [uncounted as never, ...rest] }).snapshot()).toStrictEqual(snapshot);
  });
});
