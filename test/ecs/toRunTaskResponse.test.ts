import { describe, expect, it } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { fromDescribeContainerInstances } from '../../src/ecs/fromDescribeContainerInstances';
import { fromPlacementRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { toRunTaskResponse } from '../../src/ecs/toRunTaskResponse';
import { inputErrorOf } from '../support/inputErrorOf';
import { messageOf } from '../support/messageOf';
import { arnOf, describeResponse, fixture } from './ecsJson';

describe('toRunTaskResponse', () => {
  it('answers the documentation\'s RunTask sample in RunTask\'s shape', () => {
    const cluster = clusterFromEcs(fixture('describe-container-instances.json'));
    const taskDefinition = readTaskDefinition(fixture('sleep360-registered.json'));
    const request = fromPlacementRequest(fixture('run-task.json'), taskDefinition);
    const response = toRunTaskResponse(cluster.place(request), { request, taskDefinition, instances: cluster.instances() });
    expect(response).toEqual({
      tasks: [{
        taskArn: 'arn:aws:ecs:us-west-2:aws_account_id:task/task-1',
        containerInstanceArn: 'arn:aws:ecs:us-west-2:aws_account_id:container-instance/container_instance_ID',
        taskDefinitionArn: 'arn:aws:ec2:us-east-1:aws_account_id:task-definition/sleep360:1',
        group: 'family:sleep360',
        lastStatus: 'PENDING',
        desiredStatus: 'RUNNING',
        launchType: 'EC2',
        containers: [{ name: 'sleep', image: 'busybox', taskArn: 'arn:aws:ecs:us-west-2:aws_account_id:task/task-1', lastStatus: 'PENDING', cpu: '10', memory: '10' }],
        cpu: '10',
        memory: '10',
        version: 1,
      }],
      failures: [],
    });
  });

  it('gives each failure the closest container instance as arn, the ECS reason and a detail by short id', () => {
    const cluster = clusterFromEcs(describeResponse(
      { id: 'small', cpu: 1024, memory: 1024, attributes: { 'ecs.availability-zone': 'us-east-1a' } },
      { id: 'big', cpu: 1024, memory: 4096, memoryLeft: 1500, attributes: { 'ecs.availability-zone': 'us-east-1b' } },
    ));
    const taskDefinition = readTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', memory: 1000 }] });
    const request = { task: taskDefinition.task, count: 3, group: 'api' };
    const response = toRunTaskResponse(cluster.place(request), { request, taskDefinition, instances: cluster.instances() });
    const placed = response.tasks.map((task) => [task.containerInstanceArn, task.availabilityZone, task.group, task.clusterArn]);
    expect(placed.sort()).toEqual([
      [arnOf('big'), 'us-east-1b', 'api', 'arn:aws:ecs:us-east-1:123456789012:cluster/test'],
      [arnOf('small'), 'us-east-1a', 'api', 'arn:aws:ecs:us-east-1:123456789012:cluster/test'],
    ]);
    expect(response.failures).toEqual([{
      arn: arnOf('small'),
      reason: 'RESOURCE:MEMORY',
      detail: 'The closest matching container-instance small has insufficient memory available: the task needs 1000 MiB, 24 remain.',
    }]);
  });

  it('gives each task the instance\'s cpu architecture as RunTask\'s attribute, its capacity provider and the time given', () => {
    const json = describeResponse({ id: 'arm', cpu: 2048, memory: 4096, attributes: { 'ecs.availability-zone': 'us-east-1a', 'ecs.cpu-architecture': 'arm64' } });
    const [instance] = (json as { containerInstances: Record<string, unknown>[] }).containerInstances;
    const containerInstances = fromDescribeContainerInstances({ containerInstances: [{ ...instance, capacityProviderName: 'graviton' }] });
    const cluster = clusterFromEcs(json);
    const taskDefinition = readTaskDefinition({
      family: 'api', networkMode: 'host',
      containerDefinitions: [{ name: 'api', image: 'api:3', memory: 256, portMappings: [{ containerPort: 8080 }, { containerPort: 8125, protocol: 'udp' }] }],
    });
    const request = { task: taskDefinition.task };
    const createdAt = new Date('2025-03-04T12:00:00.000Z');
    const response = toRunTaskResponse(cluster.place(request), { request, taskDefinition, instances: cluster.instances(), containerInstances, createdAt });
    expect(response.tasks[0]).toMatchObject({
      capacityProviderName: 'graviton',
      attributes: [{ name: 'ecs.cpu-architecture', value: 'arm64' }],
      containers: [{
        name: 'api', image: 'api:3', lastStatus: 'PENDING', memory: '256',
        networkBindings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }, { containerPort: 8125, hostPort: 8125, protocol: 'udp' }],
      }],
      createdAt,
      version: 1,
    });
    // Each task has a Date of its own, and JSON carries it as an ISO 8601 string.
    expect(response.tasks[0]?.createdAt).not.toBe(createdAt);
    expect(JSON.parse(JSON.stringify(response)).tasks[0].createdAt).toBe('2025-03-04T12:00:00.000Z');
  });

  it('names no containers, attributes or time it was not given', () => {
    const cluster = clusterFromEcs(describeResponse({ id: 'a', cpu: 1024, memory: 1024 }));
    const request = { task: { family: 'x', resources: { memory: 1 } } };
    const [task] = toRunTaskResponse(cluster.place(request), { request, instances: cluster.instances() }).tasks;
    expect(task).not.toHaveProperty('containers');
    expect(task).not.toHaveProperty('attributes');
    expect(task).not.toHaveProperty('createdAt');
    expect(task).not.toHaveProperty('capacityProviderName');
  });

  it('answers a service scaled to zero, which has nothing to place, with no task and no failure', () => {
    const taskDefinition = readTaskDefinition(fixture('web-task-definition.json'));
    const request = fromPlacementRequest({ serviceName: 'web', desiredCount: 0 }, taskDefinition);
    expect(toRunTaskResponse({ placements: [], failures: [] }, { request, taskDefinition })).toEqual({ tasks: [], failures: [] });
    expect(inputErrorOf(() => toRunTaskResponse({ placements: [], failures: [] }, { request: { task: request.task, count: 0 } }))).toEqual({ code: 'invalid_count', path: 'context.request.count' });
  });

  it('refuses RunTask on a cluster without container instances, as ECS\'s call throws InvalidParameterException', () => {
    const cluster = clusterFromEcs([]);
    const request = { task: { family: 'x', resources: { memory: 1 } } };
    expect(inputErrorOf(() => toRunTaskResponse(cluster.place(request), { request }))).toEqual({ code: 'no_container_instances', path: '' });
    expect(messageOf(() => toRunTaskResponse(cluster.place(request), { request, instances: [] }))).toMatch(/^InvalidParameterException: No Container Instances were found in your cluster\. /);
  });

  it('counts a cluster whose instances are all INACTIVE as one without container instances, and a DRAINING one as an instance', () => {
    const request = { task: { family: 'x', resources: { memory: 1 } } };
    const answer = (status: string) => {
      const cluster = clusterFromEcs(describeResponse({ id: 'gone', cpu: 1024, memory: 1024, status }, { id: 'also-gone', cpu: 1024, memory: 1024, status: 'INACTIVE' }));
      return () => toRunTaskResponse(cluster.place(request), { request, instances: cluster.instances() });
    };
    expect(inputErrorOf(answer('INACTIVE'))).toEqual({ code: 'no_container_instances', path: '' });
    expect(answer('DRAINING')().failures).toEqual([{ arn: arnOf('gone'), reason: 'AGENT', detail: expect.stringContaining('DRAINING') }]);
  });

  it('keeps the failure, with no arn, for a service\'s task in a cluster without container instances: its scheduler records the event', () => {
    const cluster = clusterFromEcs([]);
    const request = { task: { family: 'x', resources: { memory: 1 } }, service: 'web' };
    expect(toRunTaskResponse(cluster.place(request), { request, instances: cluster.instances() })).toEqual({
      tasks: [],
      failures: [{ reason: 'No Container Instances were found in your cluster.', detail: 'No Container Instances were found in your cluster.' }],
    });
  });
});

describe('toRunTaskResponse refuses arguments of the wrong shape with a typed error', () => {
  const request = { task: { family: 'web', resources: { cpu: 256, memory: 512 } } };
  const result = { placements: [{ taskId: 'task-1', instanceId: 'i-1' }], failures: [] };
  it.each<[string, unknown, unknown, string, string]>([
    ['a null result', null, { request }, 'invalid_type', 'result'],
    ['a result without placements', { failures: [] }, { request }, 'invalid_type', 'result.placements'],
    ['a placement that is not an object', { placements: [7], failures: [] }, { request }, 'invalid_type', 'result.placements[0]'],
    ['a failure without a reason', { placements: [], failures: [{ detail: 'x' }] }, { request }, 'invalid_type', 'result.failures[0].reason'],
    ['a null context', result, null, 'invalid_type', 'context'],
    ['a context without a request', result, {}, 'invalid_type', 'context.request'],
    ['a request without a task', result, { request: {} }, 'missing_field', 'context.request.task'],
    ['instances that are not an array', result, { request, instances: {} }, 'invalid_type', 'context.instances'],
    ['an instance without attributes', result, { request, instances: [{ id: 'i-1' }] }, 'invalid_type', 'context.instances[0]'],
    ['a createdAt that is a string', result, { request, createdAt: '2025-03-04T12:00:00Z' }, 'invalid_type', 'context.createdAt'],
    ['a createdAt that holds no time', result, { request, createdAt: new Date(Number.NaN) }, 'invalid_date', 'context.createdAt'],
    ['container instances that are not an array', result, { request, containerInstances: {} }, 'invalid_type', 'context.containerInstances'],
    ['a container instance without its spec', result, { request, containerInstances: [{ id: 'i-1' }] }, 'invalid_type', 'context.containerInstances[0]'],
    ['a capacity provider that is not a string', result, { request, containerInstances: [{ spec: { id: 'i-1' }, capacityProviderName: 7 }] }, 'invalid_type', 'context.containerInstances[0].capacityProviderName'],
  ])('%s', (_, given, context, code, path) => {
    expect(inputErrorOf(() => toRunTaskResponse(given as never, context as never))).toEqual({ code, path });
  });
});
