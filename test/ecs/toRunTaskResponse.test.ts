import { describe, expect, it } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { fromPlacementRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { toRunTaskResponse } from '../../src/ecs/toRunTaskResponse';
import { inputErrorOf } from '../support/inputErrorOf';
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
        cpu: '10',
        memory: '10',
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

  it('reports a cluster without instances with no arn', () => {
    const cluster = clusterFromEcs([]);
    const request = { task: { family: 'x', resources: { memory: 1 } } };
    expect(toRunTaskResponse(cluster.place(request), { request })).toEqual({
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
  ])('%s', (_, given, context, code, path) => {
    expect(inputErrorOf(() => toRunTaskResponse(given as never, context as never))).toEqual({ code, path });
  });
});
