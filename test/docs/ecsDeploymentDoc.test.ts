import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runExample } from './consoleExamples';
import { fixture } from '../ecs/ecsJson';

// The CloudFormation and Terraform sections of docs/ecs.md: the commands that
// make the files, and the library example, run on the fixtures. Their console
// examples are run with every other one by ecsDoc.test.ts.
const page = readFileSync(new URL('../../docs/ecs.md', import.meta.url), 'utf8');
const section = (title: string) => page.slice(page.indexOf(`## ${title}\n`), page.indexOf('\n## ', page.indexOf(`## ${title}\n`) + 1));

describe('docs/ecs.md, CloudFormation and Terraform', () => {
  it('gives the commands that make the files place reads, and runs place on each kind', () => {
    expect(section('CloudFormation')).toContain('aws cloudformation get-template --stack-name web --query TemplateBody > web-stack.json');
    expect(section('CloudFormation')).toContain('$ task-placement place --instances fleet.json --tasks describe-tasks.json --request web-stack.json');
    expect(section('Terraform')).toContain('terraform show -json > terraform-state.json');
    expect(section('Terraform')).toContain('terraform plan -out=tfplan && terraform show -json tfplan > terraform-plan.json');
    expect(section('Terraform')).toContain('$ task-placement place --instances fleet.json --tasks describe-tasks.json --request terraform-plan.json');
  });

  it('is right that the registered task definition gives the answer for the service ECS describes, to the byte', () => {
    const withTemplate = runExample(['place', '--instances', 'fleet.json', '--tasks', 'describe-tasks.json', '--request', 'web-stack.json', '--task-definition', 'web-task-definition.json', '--output', 'table']);
    const described = runExample(['place', '--instances', 'fleet.json', '--tasks', 'describe-tasks.json', '--request', 'web-service.json', '--task-definition', 'web-task-definition.json', '--output', 'table']);
    expect(withTemplate).toBe(described);
  });

  it('runs the library example', async () => {
    expect(page).toContain("const { request, taskDefinition } = fromCloudFormation(template, { resource: 'WebService' });");
    const { clusterFromEcs, fromCloudFormation, fromTerraform, toRunTaskResponse } = await import('../../src/ecs/index');
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const template = fixture('web-stack.json');
    const { request, taskDefinition } = fromCloudFormation(template, { resource: 'WebService' });
    const result = cluster.place(request);
    const response = toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
    expect(response.tasks).toHaveLength(4);
    expect(fromTerraform(fixture('terraform-plan.json'), { resource: 'module.web.aws_ecs_service.this' }).request.count).toBe(4);
  });
});
