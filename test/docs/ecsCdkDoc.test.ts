import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromCloudFormation } from '../../src/ecs/fromCloudFormation';
import { fromPlacementFields, type EcsPlacementFields } from '../../src/ecs/fromPlacementFields';
import { clusterFromEcs, toRunTaskResponse } from '../../src/ecs/index';
import { parseConstraintNotation, parseStrategyNotation } from '../../src/ecs/placementNotation';
import { fixture, withValue } from '../ecs/ecsJson';

// The AWS CDK section of docs/ecs.md: what each placement method of the CDK
// writes into a synthesized template, and how that template is placed. Its
// console example is run with every other one by ecsDoc.test.ts.
const page = readFileSync(new URL('../../docs/ecs.md', import.meta.url), 'utf8');
const start = page.indexOf('## The AWS CDK\n');
const section = page.slice(start, page.indexOf('\n## ', start + 1));
const TEMPLATE = fixture('WebStack.template.json');
const SERVICE = ['Resources', 'WebServiceC8E2F1A6', 'Properties'];

/** The rows of the section's table: the CDK call, the template's JSON, and the notation it is placed as. */
const rows = section.split('\n').filter((line) => line.startsWith('| `Placement')).map((line) => {
  const [call = '', json = '', placedAs = ''] = line.slice(2, -2).split(' | ');
  return { call: call.replaceAll('`', ''), json: JSON.parse(json.replaceAll('`', '')) as unknown[], notations: [...placedAs.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '') };
});

describe('docs/ecs.md, the AWS CDK', () => {
  it('says how a CDK app gets to place: cdk synth, then the template in cdk.out', () => {
    expect(section).toContain('cdk synth WebStack > /dev/null    # writes cdk.out/WebStack.template.json');
    expect(section).toContain('task-placement place --instances fleet.json --request cdk.out/WebStack.template.json');
    expect(section).toContain('$ task-placement place --instances fleet.json --tasks describe-tasks.json --request WebStack.template.json --output table');
  });

  it('names every placement method of the CDK', () => {
    const methods = rows.map((row) => row.call.slice(0, row.call.indexOf('(')));
    expect(methods).toEqual([
      'PlacementStrategy.packedByMemory', 'PlacementStrategy.packedByCpu', 'PlacementStrategy.spreadAcrossInstances', 'PlacementStrategy.spreadAcross',
      'PlacementStrategy.randomly', 'PlacementConstraint.distinctInstances', 'PlacementConstraint.memberOf',
    ]);
  });

  it.each(rows.map((row) => [row.call, row] as const))('reads what %s writes into a template as the table says it is placed', (_call, row) => {
    const isStrategy = row.call.startsWith('PlacementStrategy.');
    const property = isStrategy ? 'PlacementStrategies' : 'PlacementConstraints';
    const { request } = fromCloudFormation(withValue(TEMPLATE, [...SERVICE, property], row.json));
    if (isStrategy) {
      expect(fromPlacementFields({ placementStrategy: request.placementStrategy as EcsPlacementFields['placementStrategy'] }).placementStrategy).toEqual(parseStrategyNotation(row.notations[0] ?? ''));
    } else {
      expect(request.placementConstraints).toEqual(row.notations.map(parseConstraintNotation));
    }
  });

  it('has a fixture shaped like cdk synth\'s output, with the placement the section says the app gives', () => {
    const strategies = (call: string) => rows.find((row) => row.call === call)?.json ?? [];
    const service = (TEMPLATE as { Resources: Record<string, { Type: string; Properties: Record<string, unknown>; Metadata?: unknown }> }).Resources.WebServiceC8E2F1A6;
    expect(service?.Metadata).toEqual({ 'aws:cdk:path': 'WebStack/WebService/Service' });
    expect(service?.Properties.TaskDefinition).toEqual({ Ref: 'WebTaskDef9C4E8B2A' });
    expect(service?.Properties.PlacementStrategies).toEqual([{ Field: 'attribute:ecs.availability-zone', Type: 'spread' }, ...strategies('PlacementStrategy.packedByMemory()')]);
    expect(service?.Properties.PlacementConstraints).toEqual([
      { Expression: 'attribute:ecs.instance-type =~ m5.*', Type: 'memberOf' },
      ...strategies('PlacementConstraint.distinctInstances()'),
    ]);
    expect(section).toContain("placementStrategies: [PlacementStrategy.spreadAcross(BuiltInAttributes.AVAILABILITY_ZONE), PlacementStrategy.packedByMemory()]");
  });

  it('runs the library example on the synthesized template', () => {
    expect(section).toContain("const template = JSON.parse(readFileSync('cdk.out/WebStack.template.json', 'utf8'));");
    expect(section).toContain('const { request, taskDefinition } = fromCloudFormation(template);');
    const template = JSON.parse(readFileSync(new URL('../fixtures/ecs/WebStack.template.json', import.meta.url), 'utf8')) as unknown;
    const { request, taskDefinition } = fromCloudFormation(template);
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const response = toRunTaskResponse(cluster.place(request), { request, taskDefinition, instances: cluster.instances() });
    expect(request).toMatchObject({ count: 4, service: 'storefront' });
    expect(taskDefinition.family).toBe('WebStackWebTaskDef0D6A2C4B');
    expect(response.tasks).toHaveLength(3);
    expect(response.failures.map((failure) => failure.reason)).toEqual(['DistinctInstance placement constraint unsatisfied.']);
  });
});
