import type {
  ContainerInstance,
  DescribeContainerInstancesCommandOutput,
  DescribeServicesCommandOutput,
  DescribeTaskDefinitionCommandOutput,
  DescribeTasksCommandOutput,
  RunTaskCommandOutput,
} from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { fromDescribeContainerInstances } from '../../src/ecs/fromDescribeContainerInstances';
import { fromDescribeTasks } from '../../src/ecs/fromDescribeTasks';
import { fromPlacementRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { toRunTaskResponse } from '../../src/ecs/toRunTaskResponse';
import { inputErrorOf } from '../support/inputErrorOf';

// Objects shaped exactly as the AWS SDK for JavaScript v3 returns them: every
// timestamp a Date, `$metadata` beside the answer, members set to undefined,
// and typed with the SDK's own output types, so that this file also proves
// that the shapes line up.

const ARN = 'arn:aws:ecs:us-east-1:123456789012';
// The client also sets extendedRequestId and cfId to undefined, which the SDK's
// type (`extendedRequestId?: string`) does not admit under exactOptionalPropertyTypes;
// test/docs/ecsSdkDoc.test.ts runs the real client, which gives them.
const metadata = { httpStatusCode: 200, requestId: '6d3ac1b5-3f4e-4c0e-9d8f-2f1f7b4e0a11', attempts: 1, totalRetryDelay: 0 };

/** A container instance with 2048 CPU units and 7680 MiB; `busy` when it runs the web task of {@link describedTasks}. */
function containerInstance(id: string, zone: string, busy: boolean): ContainerInstance {
  const integer = (name: string, value: number) => ({ name, type: 'INTEGER', doubleValue: 0, longValue: 0, integerValue: value, stringSetValue: undefined });
  const ports = (name: string, value: string[]) => ({ name, type: 'STRINGSET', doubleValue: 0, longValue: 0, integerValue: 0, stringSetValue: value });
  return {
    containerInstanceArn: `${ARN}:container-instance/prod/${id}`,
    ec2InstanceId: `i-0${id}`,
    capacityProviderName: 'prod-asg',
    version: 12,
    versionInfo: { agentVersion: '1.86.3', agentHash: 'a7c6a3d6', dockerVersion: 'DockerVersion: 25.0.8' },
    remainingResources: [
      integer('CPU', busy ? 1792 : 2048), integer('MEMORY', busy ? 7168 : 7680),
      ports('PORTS', ['22', '2375', '2376', '51678', '51679', ...(busy ? ['80'] : [])]), ports('PORTS_UDP', []),
    ],
    registeredResources: [integer('CPU', 2048), integer('MEMORY', 7680), ports('PORTS', ['22', '2375', '2376', '51678', '51679']), ports('PORTS_UDP', [])],
    status: 'ACTIVE',
    statusReason: undefined,
    agentConnected: true,
    runningTasksCount: busy ? 1 : 0,
    pendingTasksCount: 0,
    agentUpdateStatus: undefined,
    attributes: [
      { name: 'ecs.availability-zone', value: zone, targetType: undefined, targetId: undefined },
      { name: 'ecs.cpu-architecture', value: 'x86_64' },
      { name: 'ecs.os-type', value: 'linux' },
      { name: 'ecs.capability.task-eni', value: undefined },
      { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
      { name: 'com.amazonaws.ecs.capability.docker-remote-api.1.19' },
    ],
    registeredAt: new Date('2025-03-02T09:11:07.512Z'),
    attachments: [],
    tags: [],
    healthStatus: {
      overallStatus: 'OK',
      details: [{ type: 'CONTAINER_RUNTIME', status: 'OK', lastUpdated: new Date('2025-03-04T10:00:00Z'), lastStatusChange: new Date('2025-03-02T09:11:08Z') }],
    },
  };
}

const describedInstances: DescribeContainerInstancesCommandOutput = {
  $metadata: metadata,
  containerInstances: [containerInstance('0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5', 'us-east-1a', true), containerInstance('2d3e4f5a6b7c48d9c0d1e2f3a4b5c6d7', 'us-east-1b', false)],
  failures: [],
};

const describedTasks: DescribeTasksCommandOutput = {
  $metadata: metadata,
  tasks: [{
    attachments: [],
    attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
    availabilityZone: 'us-east-1a',
    capacityProviderName: 'prod-asg',
    clusterArn: `${ARN}:cluster/prod`,
    connectivity: 'CONNECTED',
    connectivityAt: new Date('2025-03-03T08:00:01Z'),
    containerInstanceArn: `${ARN}:container-instance/prod/0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5`,
    containers: [{
      containerArn: `${ARN}:container/prod/a3f5c1d2e4b64f7a9c0d1e2f3a4b5c6d/3f1e2d4c-5b6a-4789-8a0b-1c2d3e4f5a6b`,
      taskArn: `${ARN}:task/prod/a3f5c1d2e4b64f7a9c0d1e2f3a4b5c6d`,
      name: 'nginx',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      lastStatus: 'RUNNING',
      exitCode: undefined,
      networkBindings: [{ bindIP: '0.0.0.0', containerPort: 80, hostPort: 80, protocol: 'tcp', containerPortRange: undefined, hostPortRange: undefined }],
      networkInterfaces: [],
      healthStatus: 'UNKNOWN',
      cpu: '256',
      memory: '1024',
      memoryReservation: '512',
      gpuIds: undefined,
    }],
    cpu: '256',
    createdAt: new Date('2025-03-03T08:00:00Z'),
    desiredStatus: 'RUNNING',
    enableExecuteCommand: false,
    group: 'service:web',
    healthStatus: 'UNKNOWN',
    lastStatus: 'RUNNING',
    launchType: 'EC2',
    memory: '512',
    overrides: { containerOverrides: [{ name: 'nginx', cpu: undefined }], inferenceAcceleratorOverrides: [] },
    pullStartedAt: new Date('2025-03-03T08:00:02Z'),
    pullStoppedAt: new Date('2025-03-03T08:00:05Z'),
    startedAt: new Date('2025-03-03T08:00:06Z'),
    startedBy: 'ecs-svc/1234567890123456789',
    stoppedAt: undefined,
    tags: [],
    taskArn: `${ARN}:task/prod/a3f5c1d2e4b64f7a9c0d1e2f3a4b5c6d`,
    taskDefinitionArn: `${ARN}:task-definition/web:7`,
    version: 3,
  }],
  failures: [],
};

const describedTaskDefinition: DescribeTaskDefinitionCommandOutput = {
  $metadata: metadata,
  taskDefinition: {
    taskDefinitionArn: `${ARN}:task-definition/web:7`,
    containerDefinitions: [{
      name: 'nginx',
      image: 'public.ecr.aws/nginx/nginx:1.27',
      cpu: 256,
      memory: 1024,
      memoryReservation: 512,
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp', name: undefined, appProtocol: undefined }],
      essential: true,
      environment: [],
      mountPoints: [],
      volumesFrom: [],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/web' } },
    }],
    family: 'web',
    taskRoleArn: undefined,
    networkMode: 'bridge',
    revision: 7,
    volumes: [],
    status: 'ACTIVE',
    requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs', value: undefined, targetType: undefined, targetId: undefined }],
    placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
    compatibilities: ['EXTERNAL', 'EC2'],
    requiresCompatibilities: ['EC2'],
    cpu: undefined,
    memory: undefined,
    registeredAt: new Date('2025-02-27T16:41:09.381Z'),
    deregisteredAt: undefined,
    registeredBy: `arn:aws:iam::123456789012:role/deploy`,
  },
  tags: [],
};

const describedServices: DescribeServicesCommandOutput = {
  $metadata: metadata,
  services: [{
    serviceArn: `${ARN}:service/prod/web`,
    serviceName: 'web',
    clusterArn: `${ARN}:cluster/prod`,
    loadBalancers: [],
    serviceRegistries: [],
    status: 'ACTIVE',
    desiredCount: 2,
    runningCount: 1,
    pendingCount: 0,
    launchType: 'EC2',
    taskDefinition: `${ARN}:task-definition/web:7`,
    deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: undefined },
    deployments: [{
      id: 'ecs-svc/1234567890123456789', status: 'PRIMARY', taskDefinition: `${ARN}:task-definition/web:7`, desiredCount: 2, pendingCount: 0, runningCount: 1,
      createdAt: new Date('2025-02-27T16:45:12.103Z'), updatedAt: new Date('2025-03-03T08:00:06Z'), launchType: 'EC2', rolloutState: 'COMPLETED',
    }],
    events: [{ id: '0f4b2c3d', createdAt: new Date('2025-03-03T08:05:00Z'), message: 'service web has reached a steady state.' }],
    createdAt: new Date('2025-02-27T16:45:12.103Z'),
    placementConstraints: [{ type: 'distinctInstance', expression: undefined }],
    // As DescribeServices reports binpack's field, and as CDK writes it.
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'MEMORY' }],
    schedulingStrategy: 'REPLICA',
    enableECSManagedTags: false,
    propagateTags: 'NONE',
    enableExecuteCommand: false,
    availabilityZoneRebalancing: 'ENABLED',
  }],
  failures: [],
};

describe('the readers on objects of the AWS SDK for JavaScript v3', () => {
  it('reads DescribeContainerInstances output: registeredAt a Date, $metadata, undefined members', () => {
    const [first, second] = fromDescribeContainerInstances(describedInstances);
    expect(first?.spec).toMatchObject({
      id: `${ARN}:container-instance/prod/0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5`,
      registeredAt: '2025-03-02T09:11:07.512Z',
      agentVersion: '1.86.3',
      resources: { cpu: 2048, memory: 7680 },
    });
    expect(first?.spec.attributes?.['ecs.capability.task-eni']).toBeNull();
    expect(first?.held).toEqual({ resources: { cpu: 256, memory: 512 }, ports: { tcp: [80], udp: [] } });
    expect(first?.capacityProviderName).toBe('prod-asg');
    expect(second?.spec.attributes?.['ecs.availability-zone']).toBe('us-east-1b');
  });

  it('refuses a registeredAt Date that holds no time, at its path', () => {
    const [instance] = describedInstances.containerInstances ?? [];
    const broken: DescribeContainerInstancesCommandOutput = { ...describedInstances, containerInstances: [{ ...instance, registeredAt: new Date(Number.NaN) }] };
    expect(inputErrorOf(() => fromDescribeContainerInstances(broken))).toEqual({ code: 'invalid_date', path: 'containerInstances[0].registeredAt' });
  });

  it('reads DescribeTasks output: Dates, string sizes, undefined members', () => {
    expect(fromDescribeTasks(describedTasks)).toEqual([{
      taskArn: `${ARN}:task/prod/a3f5c1d2e4b64f7a9c0d1e2f3a4b5c6d`,
      containerInstanceArn: `${ARN}:container-instance/prod/0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5`,
      group: 'service:web',
      family: 'web',
      revision: 7,
      resources: { cpu: 256, memory: 512 },
      ports: { tcp: [80], udp: [] },
    }]);
  });

  it('reads DescribeTaskDefinition output: registeredAt a Date, $metadata beside the definition', () => {
    const definition = readTaskDefinition(describedTaskDefinition);
    expect(definition.task).toEqual({
      family: 'web',
      revision: 7,
      resources: { cpu: 256, memory: 512 },
      ports: { tcp: [80] },
      requiresAttributes: ['com.amazonaws.ecs.capability.logging-driver.awslogs'],
      placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }],
    });
    expect(definition.revision).toBe(7);
  });

  it('reads DescribeServices output: Dates in deployments and events, binpack on MEMORY', () => {
    const taskDefinition = readTaskDefinition(describedTaskDefinition);
    const request = fromPlacementRequest(describedServices, taskDefinition);
    expect(request).toMatchObject({ service: 'web', count: 2 });
    const cluster = clusterFromEcs(describedInstances, { tasks: describedTasks });
    expect(cluster.explain(request).strategies).toEqual(['spread(attribute:ecs.availability-zone)', 'binpack(memory)']);
  });

  it('reads fields the library does not know, as ECS adds them to its answers', () => {
    const [instance] = describedInstances.containerInstances ?? [];
    const grown: unknown = { ...describedInstances, nextToken: 'abc', containerInstances: [{ ...instance, futureField: { at: new Date(0), list: [1, 2] } }] };
    expect(fromDescribeContainerInstances(grown)).toHaveLength(1);
    const [task] = describedTasks.tasks ?? [];
    expect(fromDescribeTasks({ ...describedTasks, tasks: [{ ...task, futureField: new Date(0) }] })).toHaveLength(1);
    const definition = { ...describedTaskDefinition.taskDefinition, futureField: { enabled: true } };
    expect(readTaskDefinition({ ...describedTaskDefinition, taskDefinition: definition }).family).toBe('web');
  });

  it('places the service on the cluster they describe, and answers what RunTask answers', () => {
    const taskDefinition = readTaskDefinition(describedTaskDefinition);
    const request = fromPlacementRequest(describedServices, taskDefinition);
    const containerInstances = fromDescribeContainerInstances(describedInstances);
    const cluster = clusterFromEcs(describedInstances, { tasks: describedTasks });
    const createdAt = new Date('2025-03-04T12:00:00Z');
    const response: Omit<RunTaskCommandOutput, '$metadata'> = toRunTaskResponse(cluster.place(request), {
      request, taskDefinition, instances: cluster.instances(), containerInstances, createdAt,
    });
    // One instance already runs a task of the service on port 80; the other takes one task, and then port 80 is taken on both.
    expect(response.tasks).toEqual([{
      taskArn: `${ARN}:task/prod/task-1`,
      clusterArn: `${ARN}:cluster/prod`,
      containerInstanceArn: `${ARN}:container-instance/prod/2d3e4f5a6b7c48d9c0d1e2f3a4b5c6d7`,
      taskDefinitionArn: `${ARN}:task-definition/web:7`,
      group: 'service:web',
      lastStatus: 'PENDING',
      desiredStatus: 'RUNNING',
      launchType: 'EC2',
      capacityProviderName: 'prod-asg',
      availabilityZone: 'us-east-1b',
      attributes: [{ name: 'ecs.cpu-architecture', value: 'x86_64' }],
      containers: [{
        name: 'nginx',
        image: 'public.ecr.aws/nginx/nginx:1.27',
        taskArn: `${ARN}:task/prod/task-1`,
        lastStatus: 'PENDING',
        networkBindings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
        cpu: '256',
        memory: '1024',
        memoryReservation: '512',
      }],
      cpu: '256',
      memory: '512',
      createdAt,
      version: 1,
    }]);
    expect(response.failures).toEqual([{
      arn: `${ARN}:container-instance/prod/0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5`,
      reason: 'RESOURCE:PORTS',
      detail: 'The closest matching container-instance 0b1c2d3e4f5a46b7a8b9c0d1e2f3a4b5 is already using a port required by your task: TCP 80.',
    }]);
  });
});
