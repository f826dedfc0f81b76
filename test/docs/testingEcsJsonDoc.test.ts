import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createServiceRequest, describeContainerInstancesResponse, runTaskRequest, taskDefinition, type EcsJsonCase } from '../../src/arbitraries/index';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/testing.md'), 'utf8');
const EXAMPLES = join(import.meta.dirname, 'testingEcsJson');
const HEADING = "## ECS's own JSON";

/** The section of docs/testing.md on ECS's JSON, up to the next heading. */
function section(): string {
  const start = DOC.indexOf(`\n${HEADING}\n`);
  const end = DOC.indexOf('\n## ', start + 1);
  return start < 0 ? '' : DOC.slice(start, end < 0 ? undefined : end);
}

/** An example file as a user writes it: the package's own names instead of paths into this repository. */
function asUserWrites(file: string): string {
  return readFileSync(join(EXAMPLES, file), 'utf8')
    .replaceAll("'../../../src/arbitraries/index'", "'task-placement/arbitraries'")
    .replaceAll("'../../../src/ecs/index'", "'task-placement/ecs'")
    .trimEnd();
}

/** The kinds of fault the table lists on the row of `name`. */
function listedKinds(name: string): string[] {
  const row = section().split('\n').find((line) => line.startsWith(`| \`${name}()\``)) ?? '';
  return [...(row.split('|')[3] ?? '').matchAll(/`([a-z_]+)`/g)].map((match) => match[1] ?? '');
}

function drawnKinds(arbitrary: fc.Arbitrary<EcsJsonCase>): Set<string | undefined> {
  return new Set(fc.sample(arbitrary, { numRuns: 300, seed: 7 }).map((json) => json.fault?.kind));
}

// The section on ECS's JSON shows its examples as they run, and lists the faults the arbitraries draw.
describe("docs/testing.md: ECS's own JSON", () => {
  it('follows the section on the arbitraries', () => {
    const headings = [...DOC.matchAll(/^## .*$/gm)].map((match) => match[0]);
    expect(headings[headings.indexOf('## The arbitraries') + 1]).toBe(HEADING);
  });

  it.each(readdirSync(EXAMPLES).filter((file) => file.endsWith('.test.ts')))('shows %s exactly as it runs', (file) => {
    const blocks = [...section().matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => (match[1] ?? '').trimEnd());
    expect(blocks).toContain(asUserWrites(file));
  });

  it('lists each fault the arbitraries draw', () => {
    const request = ['fargate', 'launch_type_and_providers', 'fargate_provider', 'other_task_definition', 'unknown_spread_field', 'unknown_strategy_type', 'too_many_strategies', 'unparsable_expression', 'misspelt_field'];
    expect(drawnKinds(describeContainerInstancesResponse({ validity: 'invalid' }))).toEqual(new Set(listedKinds('describeContainerInstancesResponse')));
    expect(drawnKinds(taskDefinition({ validity: 'invalid' }))).toEqual(new Set(listedKinds('taskDefinition')));
    expect(listedKinds('createServiceRequest').slice(-request.length)).toEqual(request);
    expect(drawnKinds(runTaskRequest({ validity: 'invalid' }))).toEqual(new Set([...listedKinds('runTaskRequest'), ...request]));
    expect(drawnKinds(createServiceRequest({ validity: 'invalid' }))).toEqual(new Set(listedKinds('createServiceRequest')));
  });
});
