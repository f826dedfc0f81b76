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
    expect(instance?.taskGroups).toEqual({ [ECS_EXISTING_GROUP]: 3 });
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

  it('fills what no described task accounts for with tasks of the existing group', () => {
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const busiest = cluster.instances()[7];
    expect(busiest?.taskGroups).toEqual({ [ECS_EXISTING_GROUP]: 4 });
    expect(busiest?.portsInUse).toEqual({ tcp: [], udp: [8125] });
  });

  it('restores the described tasks under their ARNs and the rest as existing-N, and numbers new tasks from task-1', () => {
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const ids = cluster.tasks().map((task) => task.taskId);
    expect(ids.filter((id) => id.startsWith('arn:aws:ecs:'))).toHaveLength((fixture('describe-tasks.json') as { tasks: unknown[] }).tasks.length);
    expect(ids.filter((id) => !id.startsWith('arn:aws:ecs:'))).toEqual(ids.filter((id) => id.startsWith('existing-')));
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
