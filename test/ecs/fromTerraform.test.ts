import { describe, expect, it } from 'vitest';
import { fromCreateServiceRequest } from '../../src/ecs/fromPlacementRequest';
import { readTaskDefinition } from '../../src/ecs/fromTaskDefinition';
import { fromTerraform } from '../../src/ecs/fromTerraform';
import { inputErrorOf } from '../support/inputErrorOf';
import { fixture, withValue } from './ecsJson';
import { messageOf } from '../support/messageOf';

const STATE = fixture('terraform-state.json');
const PLAN = fixture('terraform-plan.json');
const WEB = 'module.web.aws_ecs_service.this';
const WORKER = 'aws_ecs_service.worker';
/** Where the web module's service and task definition are, in the state and in the plan. */
const STATE_SERVICE = ['values', 'root_module', 'child_modules', 0, 'resources', 1, 'values'];
const STATE_TASK = ['values', 'root_module', 'child_modules', 0, 'resources', 2, 'values'];
const PLAN_SERVICE = ['planned_values', 'root_module', 'child_modules', 0, 'resources', 1, 'values'];
const PLAN_TASK = ['planned_values', 'root_module', 'child_modules', 0, 'resources', 2, 'values'];
const at = (path: readonly (string | number)[]) => path.map((step) => (typeof step === 'number' ? `[${step}]` : `.${step}`)).join('').slice(1);

const registered = readTaskDefinition(fixture('web-task-definition.json'));
const unregistered = readTaskDefinition(withValue(fixture('web-task-definition.json'), ['taskDefinition', 'requiresAttributes'], undefined));
const worker = readTaskDefinition({ family: 'worker', revision: 3, containerDefinitions: [{ name: 'worker', memory: 256 }] });

describe('fromTerraform on a state', () => {
  it('reads a module\'s service and task definition as the same CreateService request and task definition would be read', () => {
    const { request, taskDefinition, resource } = fromTerraform(STATE, { resource: WEB });
    const createService = (fixture('web-service.json') as { services: unknown[] }).services[0];
    expect(resource).toBe(WEB);
    expect(taskDefinition.task).toEqual(unregistered.task);
    expect(taskDefinition).toMatchObject({ family: 'web', revision: 7, taskDefinitionArn: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:7' });
    expect(request).toEqual(fromCreateServiceRequest(createService, unregistered));
  });

  it('reads an attribute the provider writes as "" as absent: a random strategy\'s field, a distinctInstance\'s expression, a task-level size', () => {
    const { request } = fromTerraform(STATE, { resource: WORKER, taskDefinition: worker });
    expect(request).toMatchObject({ service: 'worker', count: 2, placementStrategy: [{ type: 'random' }], placementConstraints: [{ type: 'memberOf', expression: 'attribute:stack == prod' }] });
    expect(request.placementStrategy?.[0]).toEqual({ type: 'random' });
    expect(fromTerraform(STATE, { resource: WEB }).request.placementConstraints).toEqual([{ type: 'distinctInstance' }]);
  });

  it('reads a service scaled to zero, desired_count = 0, as a request with nothing to place', () => {
    expect(fromTerraform(withValue(STATE, [...STATE_SERVICE, 'desired_count'], 0), { resource: WEB }).request).toMatchObject({ count: 0, service: 'web' });
  });

  it('refuses a document with several services unless one is chosen by its address', () => {
    expect(inputErrorOf(() => fromTerraform(STATE))).toEqual({ code: 'ambiguous_service', path: '' });
    expect(messageOf(() => fromTerraform(STATE))).toBe(
      'expected one aws_ecs_service, but the document has 2: aws_ecs_service.worker, module.web.aws_ecs_service.this; choose one by its address (the resource option; --resource on the command line)',
    );
    expect(inputErrorOf(() => fromTerraform(STATE, { resource: 'aws_ecs_service.web' }))).toEqual({ code: 'invalid_option', path: '' });
  });

  it('reads a task definition the document does not describe only when it is given, and checks it against the service\'s', () => {
    const path = 'values.root_module.resources[1].values.task_definition';
    expect(inputErrorOf(() => fromTerraform(STATE, { resource: WORKER }))).toEqual({ code: 'unresolved_value', path });
    expect(messageOf(() => fromTerraform(STATE, { resource: WORKER }))).toContain('names "worker:3", which it does not');
    expect(inputErrorOf(() => fromTerraform(STATE, { resource: WORKER, taskDefinition: registered }))).toEqual({ code: 'task_definition_mismatch', path });
    expect(fromTerraform(STATE, { resource: WEB, taskDefinition: registered }).taskDefinition).toBe(registered);
  });

  it('finds the task definition by family:revision, or by family when one has it', () => {
    expect(fromTerraform(withValue(STATE, [...STATE_SERVICE, 'task_definition'], 'web:7'), { resource: WEB }).taskDefinition.revision).toBe(7);
    expect(fromTerraform(withValue(STATE, [...STATE_SERVICE, 'task_definition'], 'web'), { resource: WEB }).taskDefinition.revision).toBe(7);
  });

  it.each<[string, readonly (string | number)[], unknown, string, readonly (string | number)[]]>([
    ['the Fargate launch type', [...STATE_SERVICE, 'launch_type'], 'FARGATE', 'unsupported_ecs_feature', [...STATE_SERVICE, 'launch_type']],
    ['a DAEMON service', [...STATE_SERVICE, 'scheduling_strategy'], 'DAEMON', 'unsupported_ecs_feature', [...STATE_SERVICE, 'scheduling_strategy']],
    ['a negative desired count', [...STATE_SERVICE, 'desired_count'], -1, 'invalid_ecs_json', [...STATE_SERVICE, 'desired_count']],
    ['a strategy field ECS does not have', [...STATE_SERVICE, 'ordered_placement_strategy', 0, 'field'], 'zone', 'invalid_strategy_field', [...STATE_SERVICE, 'ordered_placement_strategy', 0, 'field']],
    ['container definitions that are not JSON', [...STATE_TASK, 'container_definitions'], '[{"name":', 'invalid_ecs_json', [...STATE_TASK, 'container_definitions']],
    ['an unknown network mode', [...STATE_TASK, 'network_mode'], 'nat', 'invalid_ecs_json', [...STATE_TASK, 'network_mode']],
  ])('refuses %s at its path in the document', (_name, path, value, code, errorPath) => {
    expect(inputErrorOf(() => fromTerraform(withValue(STATE, path, value), { resource: WEB }))).toEqual({ code, path: at(errorPath) });
  });

  it('follows a path into the JSON text of container_definitions', () => {
    const containers = JSON.parse((STATE as { values: { root_module: { child_modules: { resources: { values: { container_definitions: string } }[] }[] } } })
      .values.root_module.child_modules[0]?.resources[2]?.values.container_definitions ?? '[]') as unknown;
    const bad = withValue(containers, [0, 'portMappings', 0, 'hostPort'], 80_000);
    const error = inputErrorOf(() => fromTerraform(withValue(STATE, [...STATE_TASK, 'container_definitions'], JSON.stringify(bad)), { resource: WEB }));
    expect(error).toEqual({ code: 'invalid_port', path: `${at(STATE_TASK)}.container_definitions[0].portMappings[0].hostPort` });
  });

  it('refuses a state file, and a format it does not know', () => {
    const stateFile = { version: 4, terraform_version: '1.9.8', serial: 12, lineage: '3f2a1b6c-9d8e-4f7a-b1c2-d3e4f5a6b7c8', outputs: {}, resources: [] };
    expect(inputErrorOf(() => fromTerraform(stateFile))).toEqual({ code: 'invalid_ecs_json', path: '' });
    expect(messageOf(() => fromTerraform(stateFile))).toContain('terraform show -json');
    expect(inputErrorOf(() => fromTerraform({ ...(STATE as object), format_version: '2.0' }))).toEqual({ code: 'unsupported_ecs_feature', path: 'format_version' });
    expect(inputErrorOf(() => fromTerraform({ format_version: '1.0' }))).toEqual({ code: 'invalid_ecs_json', path: '' });
  });
});

describe('fromTerraform on a saved plan', () => {
  it('reads the planned service, and the planned task definition its configuration refers to', () => {
    const { request, taskDefinition } = fromTerraform(PLAN, { resource: WEB });
    expect(taskDefinition).toMatchObject({ family: 'web', networkMode: 'bridge' });
    expect(taskDefinition.revision).toBeUndefined();
    expect(request).toMatchObject({
      count: 4,
      service: 'web',
      task: { resources: { cpu: 256, memory: 768 + 64 }, ports: { tcp: [80] } },
      placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }, { type: 'binpack', field: 'cpu' }],
    });
  });

  it('refuses a value placement needs that the plan knows only after apply', () => {
    const unknown = withValue(withValue(PLAN, [...PLAN_SERVICE, 'desired_count'], undefined), ['resource_changes', 1, 'change', 'after_unknown', 'desired_count'], true);
    expect(inputErrorOf(() => fromTerraform(unknown, { resource: WEB }))).toEqual({ code: 'unresolved_value', path: at([...PLAN_SERVICE, 'desired_count']) });
    expect(messageOf(() => fromTerraform(unknown, { resource: WEB }))).toContain('Terraform knows only after apply');
    expect(fromTerraform(unknown, { resource: WEB, count: 3 }).request.count).toBe(3);
  });

  it('refuses container definitions known only after apply', () => {
    const unknown = withValue(withValue(PLAN, [...PLAN_TASK, 'container_definitions'], undefined), ['resource_changes', 2, 'change', 'after_unknown', 'container_definitions'], true);
    expect(inputErrorOf(() => fromTerraform(unknown, { resource: WEB }))).toEqual({ code: 'unresolved_value', path: at([...PLAN_TASK, 'container_definitions']) });
  });

  it('refuses a task definition known only after apply that the configuration does not point at', () => {
    const unconfigured = withValue(PLAN, ['configuration', 'root_module', 'module_calls', 'web', 'module', 'resources', 1, 'expressions', 'task_definition'], { references: ['var.task_definition'] });
    expect(inputErrorOf(() => fromTerraform(unconfigured, { resource: WEB }))).toEqual({ code: 'unresolved_value', path: at([...PLAN_SERVICE, 'task_definition']) });
    expect(fromTerraform(unconfigured, { resource: WEB, taskDefinition: registered }).taskDefinition).toBe(registered);
  });
});
