import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterCommands, clusterModelRun, fleet } from '../../src/arbitraries/index';
import { messageOf } from '../support/messageOf';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/testing.md'), 'utf8');

/** The section on model-based tests, up to the next one. */
function section(): string {
  const start = DOC.indexOf('\n## Model-based tests\n');
  const end = DOC.indexOf('\n## ', start + 1);
  return start < 0 ? '' : DOC.slice(start, end < 0 ? undefined : end);
}

/** The TypeScript blocks of the section, in order. */
function blocks(): string[] {
  return [...section().matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => (match[1] ?? '').trimEnd());
}

// The examples of the section run here, or as the test file beside this one, word for word.
describe('docs/testing.md, model-based tests', () => {
  it('is the section just before the last', () => {
    const headings = [...DOC.matchAll(/^## (.*)$/gm)].map((match) => match[1]);
    expect(headings.at(-2)).toBe('Model-based tests');
  });

  it('shows the scheduler example exactly as it runs', () => {
    const file = readFileSync(join(import.meta.dirname, 'testingModelBased/auditedScheduler.test.ts'), 'utf8')
      .replaceAll("'../../../src/arbitraries/index'", "'task-placement/arbitraries'")
      .replaceAll("'../../../src/index'", "'task-placement'")
      .trimEnd();
    expect(blocks()).toContain(file);
  });

  it('runs the one-line test', () => {
    expect(blocks()[0]).toBe('fc.assert(fc.property(clusterCommands(), (commands) => clusterModelRun(commands)));');
    expect(messageOf(() => fc.assert(fc.property(clusterCommands(), (commands) => clusterModelRun(commands))))).toBe('nothing thrown');
  });

  it('runs the example of the options', () => {
    const run = (): void => {
      const placeAndDrain = clusterCommands({ commands: ['place', 'drain', 'undrain'], maxCommands: 20 });
      fc.assert(fc.property(fleet({ minInstances: 3, maxInstances: 3 }), placeAndDrain, (instances, commands) =>
        clusterModelRun(commands, { instances, engine: 'reference', seed: 7 })));
    };
    const source = readFileSync(import.meta.filename, 'utf8');
    const body = /const run = \(\): void => \{\n([\s\S]*?)\n {4}\};/.exec(source)?.[1]?.replace(/^ {6}/gm, '');
    expect(blocks()).toContain(body);
    expect(messageOf(run)).toBe('nothing thrown');
  });
});
