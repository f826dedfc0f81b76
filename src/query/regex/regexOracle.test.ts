import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { compileRegex } from './compileRegex';
import { regexTree, valueArbitrary } from '../../../test/support/regex/genRegex';
import { printJava } from '../../../test/support/regex/printJava';
import { printJavaScript } from '../../../test/support/regex/printJavaScript';
import { runs } from '../../../test/support/runs';

/*
 * JavaScript's RegExp with the `u` flag is the oracle: like Java it reads
 * both pattern and value by code point, so a surrogate pair is one character
 * for `.` and classes. Where Java's meaning differs from JavaScript's (`.`
 * and `$` around line terminators, `\s`, ASCII-only `(?i)`, `\Q...\E`,
 * `\x{...}`, scoped flags), the tree is printed twice: as Java syntax for the
 * engine and as an equivalent JavaScript pattern for the oracle.
 */
test.prop([regexTree, fc.array(valueArbitrary, { minLength: 1, maxLength: 6 })], { numRuns: runs(3000) })(
  'agrees with an equivalent JavaScript u-mode RegExp',
  (tree, values) => {
    const java = printJava(tree);
    const oracle = new RegExp(`^(?:${printJavaScript(tree)})$`, 'u');
    const program = compileRegex(java);
    for (const value of values) {
      expect(program.matches(value), `${JSON.stringify(java)} on ${JSON.stringify(value)}`).toBe(oracle.test(value));
    }
  },
);

/** Patterns whose text means the same in Java and JavaScript, for values without line terminators. */
const sharedSyntax = fc.letrec<{ re: string; seq: string; term: string }>((tie) => ({
  re: fc.oneof({ maxDepth: 3, depthIdentifier: 'shared' }, tie('seq'), fc.array(tie('seq'), { minLength: 2, maxLength: 3 }).map((alts) => alts.join('|'))),
  seq: fc.array(tie('term'), { maxLength: 4 }).map((terms) => terms.join('')),
  term: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'shared' },
    fc.constantFrom('a', 'b', 'c', '.', '\\d', '\\w', '\\W', '[ab]', '[^a]', '[a-c-]', '\\.', '\\*', '^', '$', '\\b', '\\B'),
    fc
      .tuple(
        fc.oneof(fc.constantFrom('a', 'b', '.', '[bc]'), tie('re').map((re) => `(${re})`), tie('re').map((re) => `(?:${re})`)),
        fc.constantFrom('*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '+?', '??', '{1,3}?'),
      )
      .map(([body, quantifier]) => body + quantifier),
  ),
})).re;

const plainValue = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '-', '1', ' ', '😀'), maxLength: 8 });

test.prop([sharedSyntax, fc.array(plainValue, { minLength: 1, maxLength: 6 })], { numRuns: runs(2000) })(
  'agrees with JavaScript on the very same pattern text where both syntaxes coincide',
  (pattern, values) => {
    const oracle = new RegExp(`^(?:${pattern})$`, 'u');
    const program = compileRegex(pattern);
    for (const value of values) {
      expect(program.matches(value), `${JSON.stringify(pattern)} on ${JSON.stringify(value)}`).toBe(oracle.test(value));
    }
  },
);
