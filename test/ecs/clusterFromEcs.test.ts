import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/Cluster';
import { clusterFromEcs, ECS_EXISTING_GROUP } from '../../src/ecs/clusterFromEcs';
import { fromDescribeTasks } from '../../src/ecs/fromDescribeTasks';
import { inputErrorOf } from '../support/inputErrorOf';
import { arnOf, describeResponse, fixture } from './ecsJson';

describe('clusterFromEcs', () => {
  it('reserves what running tasks hold, and keeps ECS\'s runningTasksCount', () => {
    const cluster = clusterFromEcs(describeResponse({ id: 'a', cpu: 2048, memory: 4096, cpuLeft: 1536, memoryLeft: 3072, inUse: ['80'], runningTasksCount: 3 }));
    const [instance] = cluster.instances();
    expect(instance?.remainingResources).toEqual({ cpu: 1536, memory: 3072 });
    expect(instance?.portsInUse).toEqual({ tcp: [80], udp: [] });
    expect(instance?.runningTasksCount).toBe(3);
    expect(instance?.untrackedTasks).toBe(2);
    expect(instance?.taskGroups).toEqual({ [ECS_EXISTING_GROUP]: 1 });
    expect(cluster.tasks()).toEqual([{ taskId: 'existing-1', instanceId: arnOf('a'), group: ECS_EXISTING_GROUP, resources: { cpu: 512, memory: 1024 }, ports: { tcp: [80], udp: [] } }]);
  });

  it('counts running tasks that hold nothing as untracked tasks, not as tasks', () => {
    const cluster = clusterFromEcs(describeResponse({ id: 'a', cpu: 2048, memory: 4096, runningTasksCount: 2 }));
    expect(cluster.tasks()).toEqual([]);
    expect(cluster.instances()[0]).toMatchObject({ runningTasksCount: 2, untrackedTasks: 2, taskGroups: {}, remainingResources: { cpu: 2048, memory: 4096 } });
  });

  it('restores a busy instance as at most one task, however many ECS says run', () => {
    // 1 TiB registered, so that 500,000 tasks of at least 1 MiB each could run.
    const json = describeResponse({ id: 'big', cpu: 65_536, memory: 1_048_576, memoryLeft: 548_576, runningTasksCount: 500_000 });
    for (const engine of ['indexed', 'reference'] as const) {
      const cluster = clusterFromEcs(json, { engine });
      expect(cluster.tasks().length).toBeLessThanOrEqual(1);
      const [instance] = cluster.instances();
      expect(instance).toMatchObject({ runningTasksCount: 500_000, untrackedTasks: 499_999, taskGroups: { [ECS_EXISTING_GROUP]: 1 }, remainingResources: { memory: 548_576 } });
      expect(cluster.listInstances('runningTasksCount > 499999').map((found) => found.id)).toEqual([arnOf('big')]);
      expect(cluster.listInstances('runningTasksCount > 500000')).toEqual([]);
      expect(cluster.place({ task: { resources: { memory: 1 } }, placementConstraints: [{ type: 'memberOf', expression: 'runningTasksCount < 500000' }] }).placements).toEqual([]);
    }
    const idle = clusterFromEcs(describeResponse({ id: 'big', cpu: 65_536, memory: 1_048_576, runningTasksCount: 500_000 }));
    expect(idle.tasks()).toEqual([]);
    expect(idle.listInstances('runningTasksCount > 499999')).toHaveLength(1);
  });

  it('keeps a DRAINING instance\'s tasks but places nothing new on it', () => {
    const cluster = clusterFromEcs(describeResponse({ id: 'a', cpu: 2048, memory: 4096, memoryLeft: 2048, status: 'DRAINING', runningTasksCount: 1 }));
    expect(cluster.instances()[0]).toMatchObject({ status: 'DRAINING', runningTasksCount: 1, remainingResources: { memory: 2048 } });
    expect(cluster.place({ task: { resources: { memory: 1 } } }).failures[0]?.reason).toBe('AGENT');
  });

  it('gives the described tasks their groups, so that distinctInstance and task:group see them', () => {
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const web = cluster.listInstances('task:group == service:web').map((instance) => instance.attributes['ecs.instance-type']);
    expect(web).toEqual(['m5.large', 'm5.large']);
    const [first] = cluster.instances();
    expect(first?.taskGroups).toEqual({ 'service:web': 1, 'service:worker': 1 });
    expect(first?.remainingResources).toMatchObject({ cpu: 1536, memory: 6656 });
  });

  it('fills what no described task accounts for with one task of the existing group, and counts the rest as untracked', () => {
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const busiest = cluster.instances()[7];
    expect(busiest?.taskGroups).toEqual({ [ECS_EXISTING_GROUP]: 1 });
    expect(busiest?.portsInUse).toEqual({ tcp: [], udp: [8125] });
    expect(busiest).toMatchObject({ runningTasksCount: 4, untrackedTasks: 3 });
  });

  it('restores the described tasks under their ARNs and at most one existing-N per instance, and numbers new tasks from task-1', () => {
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const ids = cluster.tasks().map((task) => task.taskId);
    expect(ids.filter((id) => id.startsWith('arn:aws:ecs:'))).toHaveLength((fixture('describe-tasks.json') as { tasks: unknown[] }).tasks.length);
    expect(ids.filter((id) => !id.startsWith('arn:aws:ecs:'))).toEqual(ids.filter((id) => id.startsWith('existing-')));
    const existingPerInstance = new Map<string, number>();
    for (const task of cluster.tasks()) if (task.group === ECS_EXISTING_GROUP) existingPerInstance.set(task.instanceId, (existingPerInstance.get(task.instanceId) ?? 0) + 1);
    expect([...existingPerInstance.values()].every((count) => count === 1)).toBe(true);
    expect(cluster.snapshot().nextTaskNumber).toBe(1);
    expect(new Cluster(cluster.snapshot()).snapshot()).toStrictEqual(cluster.snapshot());
  });

  it('builds nothing when a document is wrong', () => {
    expect(inputErrorOf(() => clusterFromEcs(fixture('fleet.json'), { tasks: { tasks: [{ containerInstanceArn: arnOf('gone'), group: 'g' }] } }))).toEqual({
      code: 'unknown_instance', path: 'tasks[0].containerInstanceArn',
    });
  });
});

describe('fromDescribeTasks', () => {
  it('reads what each task reserves and binds, and skips stopping and Fargate tasks', () => {
    const tasks = fromDescribeTasks({
      tasks: [
        { taskArn: 't1', containerInstanceArn: arnOf('a'), group: 'service:web', desiredStatus: 'RUNNING', cpu: '256', memory: '512', containers: [{ networkBindings: [{ hostPort: 80, protocol: 'tcp' }, { hostPort: 53, protocol: 'udp' }] }] },
        { taskArn: 't2', containerInstanceArn: arnOf('a'), group: 'family:batch', containers: [{ cpu: '10', memory: '300', memoryReservation: '100', gpuIds: ['GPU-1'] }] },
        { taskArn: 't3', containerInstanceArn: arnOf('a'), group: 'family:batch', desiredStatus: 'STOPPED' },
        { taskArn: 't4', group: 'service:fargate', launchType: 'FARGATE' },
      ],
      failures: [],
    });
    expect(tasks).toEqual([
      { taskArn: 't1', containerInstanceArn: arnOf('a'), group: 'service:web', resources: { cpu: 256, memory: 512 }, ports: { tcp: [80], udp: [53] } },
      { taskArn: 't2', containerInstanceArn: arnOf('a'), group: 'family:batch', resources: { cpu: 10, memory: 100, gpu: 1 }, ports: { tcp: [], udp: [] } },
    ]);
  });

  it('refuses a running task listed twice, naming its path', () => {
    const task = { taskArn: 't1', containerInstanceArn: arnOf('a'), group: 'g' };
    expect(inputErrorOf(() => fromDescribeTasks({ tasks: [task, { ...task, desiredStatus: 'STOPPED' }, task] }))).toEqual({ code: 'duplicate_task', path: 'tasks[2].taskArn' });
  });

  it('refuses a task without a group, naming its path', () => {
    expect(inputErrorOf(() => fromDescribeTasks({ tasks: [{ containerInstanceArn: arnOf('a') }] }))).toEqual({ code: 'invalid_ecs_json', path: 'tasks[0].group' });
  });
});
