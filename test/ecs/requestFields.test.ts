import type { CreateServiceRequest, RunTaskRequest, Service, UpdateServiceRequest } from '@aws-sdk/client-ecs';
import { describe, expect, it } from 'vitest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { fromCreateServiceRequest, fromPlacementRequest, fromRunTaskRequest } from '../../src/ecs/fromPlacementRequest';
import { inputErrorOf } from '../support/inputErrorOf';
import { fixture } from './ecsJson';
import { messageOf } from '../support/messageOf';

const web = readTaskDefinition(fixture('web-task-definition.json'));
const ARN = 'arn:aws:ecs:us-east-1:123456789012';

/** Every field of an SDK shape, each with a value: the type checker says when the SDK has a field these documents lack. */
type Complete<T> = { [K in keyof Required<T>]-?: NonNullable<T[K]> };

const placement = {
  placementConstraints: [{ type: 'distinctInstance' as const }],
  placementStrategy: [{ type: 'spread' as const, field: 'attribute:ecs.availability-zone' }, { type: 'binpack' as const, field: 'memory' }],
};
const network = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d'], securityGroups: ['sg-0a1b2c3d'], assignPublicIp: 'DISABLED' as const } };
/** What CreateService, UpdateService and a described service have in common. */
const serviceSettings = {
  availabilityZoneRebalancing: 'ENABLED' as const,
  capacityProviderStrategy: [],
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
  deploymentController: { type: 'ECS' as const },
  enableECSManagedTags: true,
  enableExecuteCommand: false,
  healthCheckGracePeriodSeconds: 30,
  loadBalancers: [{ targetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'nginx', containerPort: 80 }],
  networkConfiguration: network,
  platformVersion: 'LATEST',
  propagateTags: 'SERVICE' as const,
  serviceRegistries: [],
};
/** What the two requests have, and a described service does not. */
const requestSettings = {
  gatewayConnectors: [],
  monitoring: { metricConfigurations: [] },
  serviceConnectConfiguration: { enabled: false },
  volumeConfigurations: [{ name: 'data' }],
  vpcLatticeConfigurations: [],
};
const tags = [{ key: 'team', value: 'storefront' }];

const runTask: Complete<RunTaskRequest> = {
  capacityProviderStrategy: [],
  clientToken: '4c0b3f6e-1c1d-4a3e-9f57-2d6f0a8b1c2d',
  cluster: 'prod',
  count: 2,
  enableECSManagedTags: true,
  enableExecuteCommand: false,
  group: 'batch',
  launchType: 'EC2',
  networkConfiguration: network,
  overrides: {
    containerOverrides: [{ name: 'nginx', command: ['nginx', '-g', 'daemon off;'], environment: [{ name: 'MODE', value: 'batch' }], environmentFiles: [] }],
    executionRoleArn: 'arn:aws:iam::123456789012:role/web-execution',
    taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
    inferenceAcceleratorOverrides: [],
    ephemeralStorage: { sizeInGiB: 30 },
  },
  ...placement,
  platformVersion: 'LATEST',
  propagateTags: 'TASK_DEFINITION',
  referenceId: 'batch-2025-03-04',
  startedBy: 'nightly',
  tags,
  taskDefinition: 'web:7',
  volumeConfigurations: [],
};

const createService: Complete<CreateServiceRequest> = {
  ...serviceSettings,
  ...requestSettings,
  ...placement,
  clientToken: '4c0b3f6e-1c1d-4a3e-9f57-2d6f0a8b1c2d',
  cluster: 'prod',
  desiredCount: 3,
  launchType: 'EC2',
  tags,
  role: 'ecsServiceRole',
  schedulingStrategy: 'REPLICA',
  serviceName: 'web',
  taskDefinition: 'web:7',
};

const updateService: Complete<UpdateServiceRequest> = {
  ...serviceSettings,
  ...requestSettings,
  ...placement,
  cluster: 'prod',
  desiredCount: 4,
  forceNewDeployment: true,
  service: `${ARN}:service/prod/web`,
  taskDefinition: `${ARN}:task-definition/web:7`,
};

const service: Complete<Service> = {
  ...serviceSettings,
  ...placement,
  clusterArn: `${ARN}:cluster/prod`,
  createdAt: new Date('2025-02-27T16:45:12.103Z'),
  createdBy: 'arn:aws:iam::123456789012:role/deploy',
  currentServiceDeployment: `${ARN}:service-deployment/prod/web/0a1b2c3d`,
  currentServiceRevisions: [],
  deployments: [],
  desiredCount: 5,
  events: [{ id: '0f4b2c3d', createdAt: new Date('2025-03-03T08:05:00Z'), message: 'service web has reached a steady state.' }],
  launchType: 'EC2',
  pendingCount: 0,
  platformFamily: 'Linux',
  resourceManagementType: 'CUSTOMER',
  roleArn: 'arn:aws:iam::123456789012:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS',
  runningCount: 2,
  schedulingStrategy: 'REPLICA',
  serviceArn: `${ARN}:service/prod/web`,
  serviceName: 'web',
  status: 'ACTIVE',
  tags,
  taskDefinition: `${ARN}:task-definition/web:7`,
  taskSets: [],
};

describe('the fields of ECS\'s request shapes', () => {
  it('reads a RunTask request with every field RunTask has, ignoring those placement does not use', () => {
    expect(fromRunTaskRequest(runTask, web)).toEqual({ task: web.task, count: 2, group: 'batch', ...placement });
  });

  it('reads a CreateService request with every field CreateService has', () => {
    expect(fromCreateServiceRequest(createService, web)).toEqual({ task: web.task, count: 3, service: 'web', ...placement });
  });

  it('reads an UpdateService request with every field UpdateService has: the service by its ARN', () => {
    expect(fromPlacementRequest(updateService, web)).toEqual({ task: web.task, count: 4, service: 'web', ...placement });
  });

  it('reads every field of a service as DescribeServices, CreateService and UpdateService describe it', () => {
    const expected = { task: web.task, count: 5, service: 'web', ...placement };
    expect(fromPlacementRequest({ services: [service], failures: [], $metadata: { httpStatusCode: 200 } }, web)).toEqual(expected);
    expect(fromPlacementRequest({ service, $metadata: { httpStatusCode: 200 } }, web)).toEqual(expected);
    expect(fromPlacementRequest(service, web)).toEqual(expected);
  });

  it('asks for a count when an UpdateService request keeps the service\'s', () => {
    const { desiredCount: _count, ...keeping } = updateService;
    expect(inputErrorOf(() => fromPlacementRequest(keeping, web))).toEqual({ code: 'invalid_ecs_json', path: 'desiredCount' });
    expect(messageOf(() => fromPlacementRequest(keeping, web))).toContain('give a count');
    expect(fromPlacementRequest(keeping, web, { count: 2 }).count).toBe(2);
  });
});

describe('fields ECS does not have', () => {
  it('refuses an object none of whose fields a request has, naming them all', () => {
    const json = { name: 'web', replicas: 5, strategy: 'spread' };
    expect(inputErrorOf(() => fromPlacementRequest(json, web))).toEqual({ code: 'unknown_field', path: '' });
    expect(messageOf(() => fromPlacementRequest(json, web))).toBe(
      'expected a RunTask, CreateService or UpdateService request, or a service as ECS describes it, but ECS has none of these fields: name, replicas, strategy.',
    );
  });

  it('says when a document refused as a request is a CloudFormation template or Terraform\'s JSON', () => {
    expect(messageOf(() => fromPlacementRequest(fixture('web-stack.json'), web))).toMatch(
      /none of these fields: AWSTemplateFormatVersion, Description, Parameters, Resources, Outputs\. It looks like a CloudFormation template: read it with fromCloudFormation\.$/,
    );
    expect(messageOf(() => fromRunTaskRequest(fixture('terraform-state.json'), web))).toMatch(
      /^expected a RunTask request, but ECS has none of these fields: format_version, terraform_version, values\. It looks like Terraform's JSON: read it with fromTerraform\.$/,
    );
  });

  it.each<[string, () => unknown, string, string]>([
    ['a CloudFormation-cased field in a CreateService request', () => fromPlacementRequest({ serviceName: 'web', desiredCount: 2, PlacementStrategies: [] }, web), 'PlacementStrategies', '(did you mean placementStrategy?)'],
    ['a plural in a RunTask request', () => fromRunTaskRequest({ taskDefinition: 'web', placementConstraint: [] }, web), 'placementConstraint', '(did you mean placementConstraints?)'],
    ['a field of no override', () => fromRunTaskRequest({ taskDefinition: 'web', overrides: { containerOverride: [], taskRoleArn: 'arn:aws:iam::123456789012:role/web-task' } }, web), 'overrides.containerOverride', '(did you mean containerOverrides?)'],
    ['a field of no container override', () => fromRunTaskRequest({ taskDefinition: 'web', overrides: { containerOverrides: [{ name: 'nginx', memoryReservations: 1 }] } }, web), 'overrides.containerOverrides[0].memoryReservations', '(did you mean memoryReservation?)'],
    ['a field of no UpdateService request', () => fromPlacementRequest({ service: 'web', desiredCount: 1, launchType: 'EC2' }, web), 'launchType', 'not a field of an UpdateService request'],
  ])('refuses %s with unknown_field at its path', (_name, run, path, words) => {
    expect(inputErrorOf(run)).toEqual({ code: 'unknown_field', path });
    expect(messageOf(run)).toContain(words);
  });

  it('reads a service ECS describes with fields the library does not know, since ECS adds fields to what it returns', () => {
    const expected = fromPlacementRequest({ services: [service], failures: [] }, web);
    const newer = { ...service, availabilityZoneRebalancingStatus: 'ENABLED', deploymentAlarms: {} };
    expect(fromPlacementRequest({ services: [newer], failures: [], nextToken: 'abc' }, web)).toEqual(expected);
    expect(fromPlacementRequest({ service: newer, newResponseField: 1 }, web)).toEqual(expected);
    expect(fromPlacementRequest({ ...newer, serviceArn: 'arn:aws:ecs:us-east-1:123456789012:service/default/web' }, web)).toEqual(expected);
  });

  it('still refuses a described service, or its response, with no field ECS has', () => {
    expect(inputErrorOf(() => fromPlacementRequest({ services: [{ name: 'web' }] }, web))).toEqual({ code: 'unknown_field', path: 'services[0]' });
    expect(inputErrorOf(() => fromPlacementRequest({ service: { name: 'web' } }, web))).toEqual({ code: 'unknown_field', path: 'service' });
  });

  it('names every unknown field of a request, at the first', () => {
    const run = () => fromRunTaskRequest({ taskDefinition: 'web', DesiredCount: 2, strategy: 'spread', count: 2 }, web);
    expect(inputErrorOf(run)).toEqual({ code: 'unknown_field', path: 'DesiredCount' });
    expect(messageOf(run)).toBe('DesiredCount: not a field of a RunTask request, nor strategy; correct or remove them: settings the reader does not know would otherwise be ignored');
  });
});
