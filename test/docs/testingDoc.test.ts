import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fleet, strategyChain } from '../../src/arbitraries/index';
import { messageOf } from '../support/messageOf';

const DOC = readFileSync(join(import.meta.dirname, '../../docs/testing.md'), 'utf8');
const EXAMPLES = join(import.meta.dirname, 'testing');

/** The code blocks of a language in the page, in order. */
function blocks(language: string): string[] {
  return [...DOC.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((match) => (match[1] ?? '').trimEnd());
}

/** An example file as a user writes it: the package's own names instead of paths into this repository. */
function asUserWrites(file: string): string {
  return readFileSync(join(EXAMPLES, file), 'utf8')
    .replaceAll("'../../../src/arbitraries/index'", "'task-placement/arbitraries'")
    .replaceAll("'../../../src/index'", "'task-placement'")
    .trimEnd();
}

// The examples in docs/testing.md are the test files beside this one, word for word: each runs as a test.
describe('docs/testing.md', () => {
  const files = readdirSync(EXAMPLES).filter((file) => file.endsWith('.test.ts')).sort();

  it('has an example file for each example on the page', () => {
    expect(files).toEqual([
      'beyondEcs.test.ts', 'customStrategy.test.ts', 'feasibility.test.ts', 'firstProperty.test.ts', 'literalFields.test.ts', 'oneCause.test.ts', 'room.test.ts', 'steering.test.ts', 'zoneSkew.test.ts',
    ]);
  });

  it.each(files)('shows %s exactly as it runs', (file) => {
    expect(blocks('ts')).toContain(asUserWrites(file));
  });

  it('quotes the error messages the arbitraries give', () => {
    const quoted = blocks('text')[0]?.split('\n') ?? [];
    const actual = [
      messageOf(() => fleet({ minInstances: 5, maxInstances: 3 })),
      messageOf(() => fleet({ zone: ['eu-west-1a'] } as never)),
      messageOf(() => strategyChain({ binpackFields: ['GPU'] })),
    ];
    expect(quoted).toHaveLength(actual.length);
    quoted.forEach((line, index) => expect(actual[index]?.startsWith(line.replace(/\.\.\.\)?$/, ''))).toBe(true));
  });
});
