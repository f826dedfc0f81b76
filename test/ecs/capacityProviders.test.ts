import { describe, expect, it } from 'vitest';
import { clusterFromEcs } from '../../src/ecs/clusterFromEcs';
import { fromCloudFormation } from '../../src/ecs/fromCloudFormation';
import { fromDescribeContainerInstances } from '../../src/ecs/fromDescribeContainerInstances';
import { fromCreateServiceRequest, fromRunTaskRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { fromTerraform } from '../../src/ecs/fromTerraform';
import { CAPACITY_PROVIDER_ATTRIBUTE } from '../../src/ecs/index';
import { toRunTaskResponse } from '../../src/ecs/toRunTaskResponse';
import { inputErrorOf } from '../support/inputErrorOf';
import { messageOf } from '../support/messageOf';
import { arnOf, containerInstance, describeResponse, fixture, withValue, type InstanceShape } from './ecsJson';

const api = readTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', memory: 256 }] });
const instance = (id: string, capacityProviderName?: string, memory = 4096): InstanceShape => ({
  id, cpu: 2048, memory, attributes: { 'ecs.availability-zone': 'us-east-1a' }, ...(capacityProviderName === undefined ? {} : { capacityProviderName }),
});
/** Two instances of the on-demand provider, registered first, and one of spot. */
const FLEET = describeResponse(instance('od-1', 'on-demand'), instance('od-2', 'on-demand'), instance('spot-1', 'spot'));

function placedOn(request: Record<string, unknown>, fleet: unknown = FLEET): string[] {
  const cluster = clusterFromEcs(fleet);
  const placement = fromRunTaskRequest({ taskDefinition: 'api', ...request }, api);
  return cluster.place(placement).placements.map(({ instanceId }) => instanceId);
}

describe('an instance\'s capacity provider', () => {
  it('is recorded among its attributes, under a name of the library\'s own', () => {
    const [spot] = fromDescribeContainerInstances(describeResponse(instance('spot-1', 'spot')));
    expect(CAPACITY_PROVIDER_ATTRIBUTE).toBe('task-placement.capacity-provider');
    expect(spot?.capacityProviderName).toBe('spot');
    expect(spot?.spec.attributes).toEqual({ 'ecs.availability-zone': 'us-east-1a', 'task-placement.capacity-provider': 'spot' });
    const [plain] = fromDescribeContainerInstances(describeResponse(instance('plain')));
    expect(plain?.spec.attributes).toEqual({ 'ecs.availability-zone': 'us-east-1a' });
  });

  it('is kept but not recorded when its name is longer than an attribute value may be', () => {
    const long = 'p'.repeat(129);
    const [instanceRead] = fromDescribeContainerInstances(describeResponse(instance('x', long)));
    expect(instanceRead?.capacityProviderName).toBe(long);
    expect(instanceRead?.spec.attributes).not.toHaveProperty(CAPACITY_PROVIDER_ATTRIBUTE);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a name ECS does not give a provider', { capacityProviderName: 'prod asg' }, 'containerInstances[0].capacityProviderName'],
    ['an attribute of the library\'s name beside a provider', { capacityProviderName: 'spot', attributes: [{ name: 'task-placement.capacity-provider', value: 'x' }] }, 'containerInstances[0].attributes'],
  ])('refuses %s', (_name, fields, path) => {
    const json = { containerInstances: [{ ...containerInstance(instance('x')), ...fields }] };
    expect(inputErrorOf(() => fromDescribeContainerInstances(json))).toEqual({ code: 'invalid_ecs_json', path });
  });
});

describe('a request\'s capacity provider strategy', () => {
  it('keeps the tasks on the instances of the providers it names, never elsewhere', () => {
    expect(placedOn({ count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }] })).toEqual([arnOf('od-1'), arnOf('od-2'), arnOf('spot-1')]);
    const spot = { count: 3, placementStrategy: [{ type: 'spread', field: 'instanceId' }], capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }] };
    expect(placedOn(spot)).toEqual([arnOf('spot-1'), arnOf('spot-1'), arnOf('spot-1')]);
  });

  it('shares the tasks by base and weight, each placed among its provider\'s instances only', () => {
    const strategy = [{ capacityProvider: 'on-demand', base: 1, weight: 1 }, { capacityProvider: 'spot', weight: 2 }];
    expect(placedOn({ count: 7, placementStrategy: [{ type: 'spread', field: 'instanceId' }], capacityProviderStrategy: strategy }))
      .toEqual(['od-1', 'spot-1', 'od-2', 'spot-1', 'spot-1', 'od-1', 'spot-1'].map(arnOf));
  });

  it('fails a task no instance of its provider can take, with the reason of the closest among the provider\'s, though others could', () => {
    const fleet = describeResponse(instance('od-1', 'on-demand'), instance('spot-1', 'spot', 300));
    const cluster = clusterFromEcs(fleet);
    const request = fromRunTaskRequest({ taskDefinition: 'api', count: 2, capacityProviderStrategy: [{ capacityProvider: 'spot' }] }, api);
    const result = cluster.place(request);
    expect(result.placements.map(({ instanceId }) => instanceId)).toEqual([arnOf('spot-1')]);
    expect(result.failures[0]).toMatchObject({ reason: 'RESOURCE:MEMORY', instanceId: arnOf('spot-1') });
    expect(result.failures[0]?.diagnosis.summary).toBe('0/2 instances are available: 1 did not match memberOf(attribute:task-placement.capacity-provider == spot), 1 has insufficient memory.');
  });

  it('is the request\'s own strategy, base and weight kept as written, and leaves the constraints as they are', () => {
    const withOwn = readTaskDefinition({ family: 'api', containerDefinitions: [{ name: 'api', memory: 256 }], placementConstraints: [{ type: 'memberOf', expression: 'attribute:ecs.os-type == linux' }] });
    const strategy = [{ capacityProvider: 'spot' }, { capacityProvider: 'on-demand', weight: 1, base: 2 }];
    const request = fromRunTaskRequest({ taskDefinition: 'api', placementConstraints: [{ type: 'distinctInstance' }], capacityProviderStrategy: strategy }, withOwn);
    expect(request.capacityProviderStrategy).toEqual(strategy);
    expect(request.task).toBe(withOwn.task);
    expect(request.placementConstraints).toEqual([{ type: 'distinctInstance' }]);
  });

  it('counts not against the 10 constraints a task may have', () => {
    const request = fromRunTaskRequest({ taskDefinition: 'api', placementConstraints: Array.from({ length: 10 }, () => ({ type: 'distinctInstance' })), capacityProviderStrategy: [{ capacityProvider: 'spot' }] }, api);
    expect(request.capacityProviderStrategy).toEqual([{ capacityProvider: 'spot' }]);
  });

  it('names none when it is empty: the cluster\'s default strategy applies, which the documents do not tell, so any instance may take the tasks', () => {
    expect(fromRunTaskRequest({ taskDefinition: 'api', capacityProviderStrategy: [] }, api)).toEqual({ task: api.task, count: 1 });
    expect(fromRunTaskRequest({ taskDefinition: 'api', launchType: 'EC2', capacityProviderStrategy: [] }, api).task).toBe(api.task);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a launch type beside it, as ECS does', { launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'spot' }] }, 'conflicting_launch_type', 'launchType'],
    ['Fargate\'s providers', { capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1 }] }, 'unsupported_ecs_feature', 'capacityProviderStrategy[0].capacityProvider'],
    ['several providers all of weight 0, as ECS does', { capacityProviderStrategy: [{ capacityProvider: 'a' }, { capacityProvider: 'b', base: 1 }] }, 'invalid_ecs_json', 'capacityProviderStrategy'],
    ['a weight above 1,000', { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1001 }] }, 'invalid_ecs_json', 'capacityProviderStrategy[0].weight'],
    ['an item without its provider', { capacityProviderStrategy: [{ weight: 1 }] }, 'invalid_ecs_json', 'capacityProviderStrategy[0].capacityProvider'],
    ['a field an item does not have', { capacityProviderStrategy: [{ capacityProvider: 'a', weigth: 1 }] }, 'unknown_field', 'capacityProviderStrategy[0].weigth'],
    ['more than 20 providers', { capacityProviderStrategy: Array.from({ length: 21 }, (_, index) => ({ capacityProvider: `p${index}`, weight: 1 })) }, 'invalid_ecs_json', 'capacityProviderStrategy'],
    ['a provider whose name is longer than the library can tell', { capacityProviderStrategy: [{ capacityProvider: 'p'.repeat(129) }] }, 'unsupported_ecs_feature', 'capacityProviderStrategy[0].capacityProvider'],
    ['a provider named twice', { capacityProviderStrategy: [{ capacityProvider: 'spot', weight: 1 }, { capacityProvider: 'spot', weight: 2 }] }, 'invalid_capacity_provider_strategy', 'capacityProviderStrategy[1].capacityProvider'],
    ['a base on two providers, as ECS does', { capacityProviderStrategy: [{ capacityProvider: 'a', weight: 1, base: 1 }, { capacityProvider: 'b', base: 2 }] }, 'invalid_capacity_provider_strategy', 'capacityProviderStrategy[1].base'],
  ])('refuses %s', (_name, fields, code, path) => {
    expect(inputErrorOf(() => fromRunTaskRequest({ taskDefinition: 'api', ...fields }, api))).toEqual({ code, path });
  });

  it('says ECS\'s words when a launch type is given beside it', () => {
    expect(messageOf(() => fromCreateServiceRequest({ serviceName: 'web', desiredCount: 1, launchType: 'EC2', capacityProviderStrategy: [{ capacityProvider: 'spot' }] }, api)))
      .toContain('Specifying both a launch type and capacity provider strategy is not supported');
  });

  it('gives each task its instance\'s provider in RunTask\'s answer', () => {
    const cluster = clusterFromEcs(FLEET);
    const request = fromRunTaskRequest({ taskDefinition: 'api', capacityProviderStrategy: [{ capacityProvider: 'spot' }] }, api);
    const response = toRunTaskResponse(cluster.place(request), { request, taskDefinition: api, containerInstances: fromDescribeContainerInstances(FLEET) });
    expect(response.tasks.map((task) => task.capacityProviderName)).toEqual(['spot']);
  });
});

describe('a capacity provider strategy in a template or Terraform\'s JSON', () => {
  const SERVICE = ['Resources', 'WebService', 'Properties'];
  const template = withValue(withValue(
    withValue(fixture('web-stack.json'), [...SERVICE, 'LaunchType'], undefined),
    ['Resources', 'SpotProvider'], { Type: 'AWS::ECS::CapacityProvider', Properties: { Name: 'spot', AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'SpotGroup' } } } },
  ), [...SERVICE, 'CapacityProviderStrategy'], [{ CapacityProvider: { Ref: 'SpotProvider' }, Weight: '1' }, { CapacityProvider: 'on-demand', Weight: 0, Base: 1 }]);

  it('reads CloudFormation\'s, a Ref to a capacity provider being its Name', () => {
    expect(fromCloudFormation(template).request.capacityProviderStrategy).toEqual([{ capacityProvider: 'spot', weight: 1 }, { capacityProvider: 'on-demand', weight: 0, base: 1 }]);
  });

  it('refuses a Ref to a capacity provider without a Name, whose name CloudFormation makes up, and a launch type beside it', () => {
    const unnamed = withValue(template, ['Resources', 'SpotProvider', 'Properties', 'Name'], undefined);
    expect(inputErrorOf(() => fromCloudFormation(unnamed))).toEqual({ code: 'unresolved_value', path: 'Resources.WebService.Properties.CapacityProviderStrategy[0].CapacityProvider' });
    expect(messageOf(() => fromCloudFormation(unnamed))).toContain('give the provider a Name (capacityProviderName in the CDK)');
    expect(inputErrorOf(() => fromCloudFormation(withValue(template, [...SERVICE, 'LaunchType'], 'EC2')))).toEqual({ code: 'conflicting_launch_type', path: 'Resources.WebService.Properties.LaunchType' });
  });

  it('reads Terraform\'s, at its own paths', () => {
    const service = ['values', 'root_module', 'child_modules', 0, 'resources', 1, 'values'];
    const state = withValue(withValue(fixture('terraform-state.json'), [...service, 'launch_type'], ''), [...service, 'capacity_provider_strategy'], [{ base: 0, capacity_provider: 'spot', weight: 1 }]);
    const { request } = fromTerraform(state, { resource: 'module.web.aws_ecs_service.this' });
    expect(request.capacityProviderStrategy).toEqual([{ capacityProvider: 'spot', base: 0, weight: 1 }]);
    const fargate = withValue(state, [...service, 'capacity_provider_strategy', 0, 'capacity_provider'], 'FARGATE');
    expect(inputErrorOf(() => fromTerraform(fargate, { resource: 'module.web.aws_ecs_service.this' })))
      .toEqual({ code: 'unsupported_ecs_feature', path: 'values.root_module.child_modules[0].resources[1].values.capacity_provider_strategy[0].capacity_provider' });
  });
});
