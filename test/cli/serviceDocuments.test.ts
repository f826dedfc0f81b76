import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { PlaceResponse } from '../../src/cli/PlaceResponse';
import { fixture, withValue } from '../ecs/ecsJson';
import { ecsIo } from './ecsFiles';

const FLEET = ['--instances', 'fixtures/fleet.json', '--tasks', 'fixtures/describe-tasks.json'];
const WEB = ['--task-definition', 'fixtures/web-task-definition.json'];
const WEB_MODULE = ['--resource', 'module.web.aws_ecs_service.this'];

function run(args: readonly string[], files: Record<string, string> = {}): { code: number; stdout: string; stderr: string } {
  const io = ecsIo(files);
  const code = main(['place', ...args], io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('task-placement place with a CloudFormation template or Terraform\'s JSON as --request', () => {
  it('answers for a template\'s service, given the registered task definition, exactly as for the same service described by ECS', () => {
    const described = run([...FLEET, ...WEB, '--request', 'fixtures/web-service.json']);
    const template = run([...FLEET, ...WEB, '--request', 'fixtures/web-stack.json']);
    const state = run([...FLEET, ...WEB, '--request', 'fixtures/terraform-state.json', ...WEB_MODULE]);
    expect(described.code).toBe(1);
    expect(template).toEqual(described);
    expect(state).toEqual(described);
  });

  it('places with the task definition a template defines when no --task-definition is given', () => {
    const { code, stdout, stderr } = run([...FLEET, '--request', 'fixtures/web-stack.json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const response = JSON.parse(stdout) as PlaceResponse;
    // Without the requiresAttributes ECS adds at registration, the GPU instance without the awslogs driver takes a task too.
    expect(response.tasks).toHaveLength(4);
    expect(response.tasks.every((task) => task.group === 'service:web' && task.taskDefinitionArn === 'web')).toBe(true);
  });

  it('places a saved plan\'s service with the task definition the plan registers', () => {
    const { code, stdout } = run([...FLEET, '--request', 'fixtures/terraform-plan.json', ...WEB_MODULE, '--output', 'table']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Placed 4 of 4 tasks of group service:web \(task definition web\)\./);
  });

  it('lets flags override the document: count and service', () => {
    const { stdout } = run([...FLEET, '--request', 'fixtures/web-stack.json', '--count', '1', '--service', 'canary']);
    expect((JSON.parse(stdout) as PlaceResponse).tasks).toEqual([expect.objectContaining({ group: 'service:canary' })]);
  });

  it.each<[string, string[], Record<string, string>, string]>([
    [
      'an object that is not a request, naming its fields',
      [...FLEET, ...WEB, '--request', 'bad.json'], { 'bad.json': JSON.stringify({ name: 'web', replicas: 5 }) },
      'task-placement place: bad.json: expected a RunTask, CreateService or UpdateService request, or a service as ECS describes it, but ECS has none of these fields: name, replicas.',
    ],
    [
      'a misspelt field of a request',
      [...FLEET, ...WEB, '--request', 'bad.json'], { 'bad.json': JSON.stringify(withValue(fixture('create-service.json'), ['placementStrategies'], [])) },
      'task-placement place: bad.json: placementStrategies: not a field of a CreateService request or a service as ECS describes it (did you mean placementStrategy?)',
    ],
    [
      'a template with several services and no --resource',
      [...FLEET, '--request', 'bad.json'], { 'bad.json': JSON.stringify(withValue(fixture('web-stack.json'), ['Resources', 'Other'], { Type: 'AWS::ECS::Service', Properties: {} })) },
      'task-placement place: bad.json: Resources: expected one AWS::ECS::Service, but the template has 2: WebService, Other;',
    ],
    [
      'an intrinsic function where placement needs a value',
      [...FLEET, '--request', 'bad.json'], { 'bad.json': JSON.stringify(withValue(fixture('web-stack.json'), ['Resources', 'WebService', 'Properties', 'DesiredCount'], { 'Fn::If': ['Prod', 5, 1] })) },
      'task-placement place: bad.json: Resources.WebService.Properties.DesiredCount: expected a value, got Fn::If, which this reader does not evaluate: write the resolved value in its place',
    ],
    [
      'a Terraform service whose task definition is not in the document, without --task-definition',
      [...FLEET, '--request', 'fixtures/terraform-state.json', '--resource', 'aws_ecs_service.worker'], {},
      'task-placement place: fixtures/terraform-state.json: values.root_module.resources[1].values.task_definition: expected a task definition this document describes, but this names "worker:3", which it does not: give that task definition as well (the taskDefinition option; --task-definition on the command line)',
    ],
    [
      'a --resource no service has',
      [...FLEET, '--request', 'fixtures/terraform-state.json', '--resource', 'aws_ecs_service.web'], {},
      'expected the address of an aws_ecs_service, but the document has none at "aws_ecs_service.web"; its services are aws_ecs_service.worker, module.web.aws_ecs_service.this',
    ],
    [
      '--resource with an ECS request',
      [...FLEET, ...WEB, '--request', 'fixtures/web-service.json', '--resource', 'WebService'], {},
      "task-placement place: --resource chooses a service of a CloudFormation template or of Terraform's JSON given as --request, but fixtures/web-service.json is neither.",
    ],
    [
      'a template given as --task-definition',
      [...FLEET, '--task-definition', 'fixtures/web-stack.json'], {},
      'task-placement place: fixtures/web-stack.json is a CloudFormation template, not a task definition: give it as --request',
    ],
    [
      'a YAML template',
      [...FLEET, '--request', 'web.yaml'], { 'web.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  WebService:\n    Type: AWS::ECS::Service\n' },
      'It looks like a CloudFormation template in YAML: convert it to JSON first, for example with cfn-flip (cfn-flip template.yaml > template.json).',
    ],
    [
      'an ECS request without --task-definition',
      [...FLEET, '--request', 'fixtures/web-service.json'], {},
      '--task-definition is required',
    ],
  ])('refuses %s, exit 2, nothing on stdout', (_name, args, files, message) => {
    const { code, stdout, stderr } = run(args, files);
    expect(stderr).toContain(message);
    expect(stdout).toBe('');
    expect(code).toBe(2);
  });
});
