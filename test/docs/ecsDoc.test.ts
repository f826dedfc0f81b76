import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../ecs/ecsJson';
import { consoleExamples, runExample } from './consoleExamples';

// Every `$ task-placement ...` block of docs/ecs.md, run again on the fixtures:
// the page shows what the commands print today, or this fails.
const page = readFileSync(new URL('../../docs/ecs.md', import.meta.url), 'utf8');
const examples = consoleExamples(page);

describe('docs/ecs.md', () => {
  it('shows the place and query commands, a failure and a bad input', () => {
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(examples.map((example) => example.args[0])).toEqual(expect.arrayContaining(['place', 'query']));
  });

  it.each(examples.map((example) => [example.command, example] as const))('prints what the page shows for: task-placement %s', (_command, example) => {
    expect(runExample(example.args)).toBe(example.output);
  });
});

// The library example of docs/ecs.md, on the fixtures.
describe('docs/ecs.md library example', () => {
  it('answers in RunTask\'s shape and in service events', async () => {
    const { clusterFromEcs, fromPlacementRequest, readTaskDefinition, serviceEventMessage, toRunTaskResponse } = await import('../../src/ecs/index');
    const cluster = clusterFromEcs(fixture('fleet.json'), { tasks: fixture('describe-tasks.json') });
    const taskDefinition = readTaskDefinition(fixture('web-task-definition.json'));
    const request = fromPlacementRequest(fixture('web-service.json'), taskDefinition);
    const result = cluster.place(request);
    const response = toRunTaskResponse(result, { request, taskDefinition, instances: cluster.instances() });
    expect(response.failures[0]).toMatchObject({ reason: 'RESOURCE:PORTS', arn: expect.any(String), detail: expect.any(String) });
    expect(result.failures.map((failure) => serviceEventMessage('web', failure))[0]).toMatch(/^service web was unable to place a task/);
  });
});
