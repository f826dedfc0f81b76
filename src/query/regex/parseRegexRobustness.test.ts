import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileRegex } from './compileRegex';
import { RegexSyntaxError } from './RegexSyntaxError';
import { runs } from '../../../test/support/runs';

/** Compiles, and on success runs once; any failure other than a located syntax error is a bug. */
function compileOrReject(pattern: string): void {
  let program;
  try {
    program = compileRegex(pattern);
  } catch (error) {
    expect(error).toBeInstanceOf(RegexSyntaxError);
    const { start, end } = error as RegexSyntaxError;
    expect(0 <= start && start <= end && end <= pattern.length, `${JSON.stringify(pattern)}: ${start}..${end}`).toBe(true);
    return;
  }
  expect(program.size).toBeGreaterThan(0);
  const value = 'ab]{}(x)\n😀';
  expect(program.run(value).steps).toBeLessThanOrEqual((value.length + 1) * program.size);
}

const regexish = fc.constantFrom(
  ...'ab()[]{}|*+?^$.\\-,0123789:=!<>&#iQEsdwbBpPkxucmAzZhvDWSHVeafnrtNGRX é\n'.split(''),
  '😀',
  '\ud83d',
  '\ude00',
  '\\Q',
  '\\E',
  '(?',
  '(?<',
  '(?i)',
  '\\x{',
  '\\u00',
  '{2}',
  '{1,3}',
  '[^',
  '&&',
);

test.prop([fc.string({ unit: regexish, maxLength: 30 })], { numRuns: runs(6000) })(
  'any regex-like string compiles or throws a located RegexSyntaxError',
  compileOrReject,
);

const anyUnit = fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\ud800', '\udfff'));

test.prop([fc.string({ unit: anyUnit, maxLength: 30 })], { numRuns: runs(5000) })(
  'any Unicode string compiles or throws a located RegexSyntaxError',
  compileOrReject,
);

describe('patterns built to exhaust the parser', () => {
  it.each([
    ['2000 open parentheses', '('.repeat(2000)],
    ['1000 nested groups', `${'('.repeat(1000)}a${')'.repeat(1000)}`],
    ['666 nested non-capturing groups', `${'(?:'.repeat(666)}a`],
    ['500 nested scoped-flag groups', `${'(?i:'.repeat(500)}a${')'.repeat(500)}`],
    ['2000 close parentheses', ')'.repeat(2000)],
    ['2000 open brackets', '['.repeat(2000)],
  ])('%s give a RegexSyntaxError', (_name, pattern) => {
    expect(() => compileRegex(pattern)).toThrow(RegexSyntaxError);
  });

  it.each([
    ['250 nested groups', `${'('.repeat(250)}a${')'.repeat(250)}`, 'a'],
    ['200 alternatives', Array.from({ length: 200 }, (_, k) => `${k}`).join('|'), '199'],
    ['499 optional characters', 'a?'.repeat(499), 'a'.repeat(499)],
    ['999 characters of literals', `${'ab'.repeat(499)}a`, `${'ab'.repeat(499)}a`],
    ['nested unbounded loops', `${'(?:'.repeat(200)}a*${')*'.repeat(200)}`, 'a'.repeat(100)],
  ])('%s compile and match', (_name, pattern, value) => {
    const program = compileRegex(pattern);
    expect(program.matches(value)).toBe(true);
    expect(program.run(value).steps).toBeLessThanOrEqual((value.length + 1) * program.size);
  });
});
