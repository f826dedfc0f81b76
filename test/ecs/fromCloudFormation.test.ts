import { describe, expect, it } from 'vitest';
import { fromCloudFormation } from '../../src/ecs/fromCloudFormation';
import { fromCreateServiceRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { inputErrorOf } from '../support/inputErrorOf';
import { fixture, withValue } from './ecsJson';
import { messageOf } from '../support/messageOf';

const TEMPLATE = fixture('web-stack.json');
const SERVICE = ['Resources', 'WebService', 'Properties'];
const TASK = ['Resources', 'WebTaskDefinition', 'Properties'];
const SERVICE_PATH = 'Resources.WebService.Properties';
const TASK_PATH = 'Resources.WebTaskDefinition.Properties';

/** The task definition of web-task-definition.json as given to RegisterTaskDefinition: without what ECS adds at registration. */
const registered = readTaskDefinition(fixture('web-task-definition.json'));
const unregistered = readTaskDefinition(withValue(withValue(fixture('web-task-definition.json'), ['taskDefinition', 'requiresAttributes'], undefined), ['taskDefinition', 'revision'], undefined));

describe('fromCloudFormation', () => {
  it('reads a template\'s service and task definition as the same CreateService request and task definition would be read', () => {
    const { request, taskDefinition, resource } = fromCloudFormation(TEMPLATE);
    const createService = (fixture('web-service.json') as { services: unknown[] }).services[0];
    expect(resource).toBe('WebService');
    expect(taskDefinition.task).toEqual(unregistered.task);
    expect(request).toEqual(fromCreateServiceRequest(createService, unregistered));
    expect(request).toMatchObject({ count: 5, service: 'web', placementConstraints: [{ type: 'distinctInstance' }] });
  });

  it('leaves out an image built with Fn::Sub, and does not read a role from Fn::GetAtt', () => {
    const { taskDefinition } = fromCloudFormation(TEMPLATE);
    expect(taskDefinition.family).toBe('web');
    expect(JSON.stringify(taskDefinition)).not.toContain('nginx:1.27');
  });

  it('reads the output of get-template whole, and a template given as JSON text', () => {
    const expected = fromCloudFormation(TEMPLATE).request;
    expect(fromCloudFormation({ TemplateBody: TEMPLATE, StagesAvailable: ['Original', 'Processed'] }).request).toEqual(expected);
    expect(fromCloudFormation(JSON.stringify(TEMPLATE)).request).toEqual(expected);
  });

  it('refuses a YAML template, saying how to convert it', () => {
    const yaml = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  WebService:\n    Type: AWS::ECS::Service\n';
    expect(inputErrorOf(() => fromCloudFormation({ TemplateBody: yaml }))).toEqual({ code: 'invalid_ecs_json', path: 'TemplateBody' });
    expect(messageOf(() => fromCloudFormation(yaml))).toContain('cfn-flip');
  });

  it('places the task definition given in the place of the template\'s, when its family is the same', () => {
    const { request, taskDefinition } = fromCloudFormation(TEMPLATE, { taskDefinition: registered });
    expect(taskDefinition).toBe(registered);
    expect(request.task.requiresAttributes).toContain('com.amazonaws.ecs.capability.logging-driver.awslogs');
    const other = { ...registered, family: 'api' };
    expect(inputErrorOf(() => fromCloudFormation(TEMPLATE, { taskDefinition: other }))).toEqual({ code: 'task_definition_mismatch', path: `${SERVICE_PATH}.TaskDefinition` });
  });

  it('takes a count and a service name that replace the template\'s, which are then not read', () => {
    const unresolved = withValue(withValue(TEMPLATE, [...SERVICE, 'DesiredCount'], { 'Fn::If': ['Prod', 5, 1] }), [...SERVICE, 'ServiceName'], { 'Fn::Sub': '${AWS::StackName}-web' });
    expect(fromCloudFormation(unresolved, { count: 2, serviceName: 'storefront' }).request).toMatchObject({ count: 2, service: 'storefront' });
  });

  it('reads what CloudFormation fills in: one task, the logical id for the service\'s name and the family, integers written as text', () => {
    let template = withValue(TEMPLATE, [...SERVICE, 'DesiredCount'], undefined);
    template = withValue(template, [...SERVICE, 'ServiceName'], undefined);
    template = withValue(template, [...TASK, 'Family'], undefined);
    template = withValue(template, [...TASK, 'ContainerDefinitions', 0, 'MemoryReservation'], '768');
    const { request, taskDefinition } = fromCloudFormation(template);
    expect(request).toMatchObject({ count: 1, service: 'WebService' });
    expect(taskDefinition.family).toBe('WebTaskDefinition');
    expect(request.task.resources.memory).toBe(768 + 64);
  });

  it('reads a service scaled to zero, DesiredCount 0 (as a number or text), as a request with nothing to place', () => {
    expect(fromCloudFormation(withValue(TEMPLATE, [...SERVICE, 'DesiredCount'], 0)).request).toMatchObject({ count: 0, service: 'web' });
    expect(fromCloudFormation(withValue(TEMPLATE, [...SERVICE, 'DesiredCount'], '0')).request.count).toBe(0);
  });

  it('resolves a Ref to a parameter from its Default, and removes a property that is a Ref to AWS::NoValue', () => {
    let template = withValue(TEMPLATE, ['Parameters', 'DesiredCount', 'Default'], '3');
    template = withValue(template, [...SERVICE, 'PlacementConstraints'], { Ref: 'AWS::NoValue' });
    template = withValue(template, [...SERVICE, 'PlacementStrategies', 1], { Ref: 'AWS::NoValue' });
    expect(fromCloudFormation(template).request).toMatchObject({ count: 3, placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] });
    expect(fromCloudFormation(template).request.placementConstraints).toBeUndefined();
  });

  it.each<[string, readonly (string | number)[], unknown, string, string]>([
    ['an Fn::If in DesiredCount', [...SERVICE, 'DesiredCount'], { 'Fn::If': ['Prod', 5, 1] }, `${SERVICE_PATH}.DesiredCount`, 'got Fn::If'],
    ['an Fn::If for a whole constraint', [...SERVICE, 'PlacementConstraints', 0], { 'Fn::If': ['Prod', { Type: 'distinctInstance' }, { Ref: 'AWS::NoValue' }] }, `${SERVICE_PATH}.PlacementConstraints[0]`, 'got Fn::If'],
    ['an Fn::Sub in a strategy\'s field', [...SERVICE, 'PlacementStrategies', 0, 'Field'], { 'Fn::Sub': 'attribute:${ZoneAttribute}' }, `${SERVICE_PATH}.PlacementStrategies[0].Field`, 'got Fn::Sub'],
    ['a Ref to a parameter without a default', [...SERVICE, 'ServiceName'], { Ref: 'Name' }, `${SERVICE_PATH}.ServiceName`, 'the parameter Name, which has no Default'],
    ['a Ref to a pseudo parameter in a container\'s memory', [...TASK, 'ContainerDefinitions', 0, 'Memory'], { Ref: 'AWS::Region' }, `${TASK_PATH}.ContainerDefinitions[0].Memory`, 'the pseudo parameter AWS::Region'],
    ['an Fn::Select for a host port', [...TASK, 'ContainerDefinitions', 0, 'PortMappings', 0, 'HostPort'], { 'Fn::Select': [0, [80, 8080]] }, `${TASK_PATH}.ContainerDefinitions[0].PortMappings[0].HostPort`, 'got Fn::Select'],
    ['an Fn::If for a whole container', [...TASK, 'ContainerDefinitions', 1], { 'Fn::If': ['Logs', { Name: 'log-router' }, { Ref: 'AWS::NoValue' }] }, `${TASK_PATH}.ContainerDefinitions[1]`, 'got Fn::If'],
    ['an Fn::ImportValue for the task definition', [...SERVICE, 'TaskDefinition'], { 'Fn::ImportValue': 'web-task-definition' }, `${SERVICE_PATH}.TaskDefinition`, 'a function the reader cannot evaluate'],
  ])('refuses %s with unresolved_value at its path', (_name, at, value, path, words) => {
    const template = withValue(withValue(TEMPLATE, ['Parameters', 'Name'], { Type: 'String' }), at, value);
    expect(inputErrorOf(() => fromCloudFormation(template))).toEqual({ code: 'unresolved_value', path });
    expect(messageOf(() => fromCloudFormation(template))).toContain(words);
  });

  it('reads a task definition the template does not define only when it is given', () => {
    const template = withValue(TEMPLATE, [...SERVICE, 'TaskDefinition'], 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7');
    expect(inputErrorOf(() => fromCloudFormation(template))).toEqual({ code: 'unresolved_value', path: `${SERVICE_PATH}.TaskDefinition` });
    expect(messageOf(() => fromCloudFormation(template))).toContain('--task-definition');
    expect(fromCloudFormation(template, { taskDefinition: registered }).taskDefinition).toBe(registered);
    const other = withValue(TEMPLATE, [...SERVICE, 'TaskDefinition'], 'api:3');
    expect(inputErrorOf(() => fromCloudFormation(other, { taskDefinition: registered }))).toEqual({ code: 'task_definition_mismatch', path: `${SERVICE_PATH}.TaskDefinition` });
  });

  it('refuses a template with several services unless one is chosen by its logical id', () => {
    const worker = { Type: 'AWS::ECS::Service', Properties: { ServiceName: 'worker', TaskDefinition: { Ref: 'WebTaskDefinition' }, DesiredCount: 2 } };
    const template = withValue(TEMPLATE, ['Resources', 'WorkerService'], worker);
    expect(inputErrorOf(() => fromCloudFormation(template))).toEqual({ code: 'ambiguous_service', path: 'Resources' });
    expect(messageOf(() => fromCloudFormation(template))).toContain('the template has 2: WebService, WorkerService; choose one by its logical id');
    expect(fromCloudFormation(template, { resource: 'WorkerService' }).request).toMatchObject({ service: 'worker', count: 2 });
    expect(inputErrorOf(() => fromCloudFormation(template, { resource: 'Worker' }))).toEqual({ code: 'invalid_option', path: 'Resources' });
    expect(messageOf(() => fromCloudFormation(template, { resource: 'LogGroup' }))).toContain('the resource is of type AWS::Logs::LogGroup');
  });

  it('refuses a template without a service, pointing at the processed template when it has a Transform', () => {
    const template = { AWSTemplateFormatVersion: '2010-09-09', Transform: 'AWS::Serverless-2016-10-31', Resources: { Api: { Type: 'AWS::Serverless::Function' } } };
    expect(inputErrorOf(() => fromCloudFormation(template))).toEqual({ code: 'invalid_ecs_json', path: 'Resources' });
    expect(messageOf(() => fromCloudFormation(template))).toContain('--template-stage Processed');
  });

  it.each<[string, readonly (string | number)[], unknown, string, string]>([
    ['a property AWS::ECS::Service does not have', [...SERVICE, 'PlacementStrategy'], [], 'unknown_field', `${SERVICE_PATH}.PlacementStrategy`],
    ['the Fargate launch type', [...SERVICE, 'LaunchType'], 'FARGATE', 'unsupported_ecs_feature', `${SERVICE_PATH}.LaunchType`],
    ['a DAEMON service', [...SERVICE, 'SchedulingStrategy'], 'DAEMON', 'unsupported_ecs_feature', `${SERVICE_PATH}.SchedulingStrategy`],
    ['a strategy field ECS does not have', [...SERVICE, 'PlacementStrategies', 0, 'Field'], 'zone', 'invalid_strategy_field', `${SERVICE_PATH}.PlacementStrategies[0].Field`],
    ['a strategy without a type', [...SERVICE, 'PlacementStrategies', 1, 'Type'], undefined, 'missing_field', `${SERVICE_PATH}.PlacementStrategies[1].Type`],
    ['a negative desired count', [...SERVICE, 'DesiredCount'], -1, 'invalid_ecs_json', `${SERVICE_PATH}.DesiredCount`],
    ['a container without memory', [...TASK, 'ContainerDefinitions', 1, 'MemoryReservation'], undefined, 'invalid_ecs_json', `${TASK_PATH}.ContainerDefinitions[1]`],
    ['a host port out of range', [...TASK, 'ContainerDefinitions', 0, 'PortMappings', 0, 'HostPort'], 80_000, 'invalid_port', `${TASK_PATH}.ContainerDefinitions[0].PortMappings[0].HostPort`],
    ['a Ref to a resource that is no task definition', [...SERVICE, 'TaskDefinition'], { Ref: 'LogGroup' }, 'invalid_ecs_json', `${SERVICE_PATH}.TaskDefinition`],
  ])('refuses %s at its path in the template', (_name, at, value, code, path) => {
    expect(inputErrorOf(() => fromCloudFormation(withValue(TEMPLATE, at, value)))).toEqual({ code, path });
  });

  it('suggests the property a misspelt one was meant to be', () => {
    expect(messageOf(() => fromCloudFormation(withValue(TEMPLATE, [...SERVICE, 'PlacementStrategy'], [])))).toContain('(did you mean PlacementStrategies?)');
  });
});
