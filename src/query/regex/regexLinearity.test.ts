import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileRegex } from './compileRegex';
import { regexTree, valueArbitrary } from '../../../test/support/regex/genRegex';
import { printJava } from '../../../test/support/regex/printJava';
import { runs } from '../../../test/support/runs';

const longValue = fc.array(valueArbitrary, { maxLength: 6 }).map((parts) => parts.join(''));

test.prop([regexTree, longValue], { numRuns: runs(2000) })('never takes more than (length + 1) * size steps', (tree, value) => {
  const program = compileRegex(printJava(tree));
  expect(program.run(value).steps).toBeLessThanOrEqual((value.length + 1) * program.size);
});

/** Patterns that take exponential time in a backtracking engine, with the answer on each value. */
const ADVERSARIAL: readonly (readonly [string, (value: string) => boolean])[] = [
  ['(a+)+b', (v) => /^a+b$/.test(v)],
  ['(a|a)*c', (v) => /^a*c$/.test(v)],
  ['(.*)*x', (v) => v.endsWith('x')],
  ['(a*)*', (v) => /^a*$/.test(v)],
  ['(a|aa)+$', (v) => /^a+$/.test(v)],
  // Word runs, each followed by at most one space; said without nested quantifiers, which would backtrack here too.
  ['(\\w+\\s?)*$', (v) => v === '' || (/^\w[\w\s]*$/.test(v) && !/\s\s/.test(v))],
  ['^(a+)+$', (v) => /^a+$/.test(v)],
  ['(a?){64}a{64}', (v) => /^a{64,128}$/.test(v)],
  ['(?:a*)*(?:a*)*b', (v) => /^a*b$/.test(v)],
  ['(x+x+)+y', (v) => /^x{2,}y$/.test(v)],
];

const VALUES: readonly ((n: number) => string)[] = [
  (n) => 'a'.repeat(n),
  (n) => `${'a'.repeat(n - 1)}!`,
  (n) => `${'a'.repeat(n - 1)}b`,
  (n) => `${'x'.repeat(n - 1)}y`,
  (n) => 'ab '.repeat(n).slice(0, n - 1) + '!',
];

describe('adversarial patterns', () => {
  it.each(ADVERSARIAL)('%s answers correctly in linear steps', (pattern, expected) => {
    const program = compileRegex(pattern);
    for (const make of VALUES) {
      const short = make(128);
      const long = make(256);
      const shortRun = program.run(short);
      const longRun = program.run(long);
      expect(shortRun.matched, JSON.stringify(short)).toBe(expected(short));
      expect(longRun.matched, JSON.stringify(long)).toBe(expected(long));
      expect(shortRun.steps).toBeLessThanOrEqual((short.length + 1) * program.size);
      expect(longRun.steps).toBeLessThanOrEqual((long.length + 1) * program.size);
      expect(longRun.steps).toBeLessThanOrEqual(2.2 * shortRun.steps + program.size);
    }
  });
});
