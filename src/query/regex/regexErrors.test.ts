import { describe, expect, it } from 'vitest';
import { compileRegex } from './compileRegex';
import { type RegexErrorCode, RegexSyntaxError } from './RegexSyntaxError';

/** [pattern, code, start, end]: where the fault is, in UTF-16 offsets of the pattern. */
type ErrorCase = readonly [string, RegexErrorCode, number, number];

function compileError(pattern: string): RegexSyntaxError {
  try {
    compileRegex(pattern);
  } catch (error) {
    if (error instanceof RegexSyntaxError) return error;
    throw error;
  }
  throw new Error(`${pattern} compiled`);
}

function check(cases: readonly ErrorCase[]): void {
  it.each(cases)('%j', (pattern, code, start, end) => {
    const error = compileError(pattern);
    expect({ code: error.code, start: error.start, end: error.end }).toEqual({ code, start, end });
    expect(error.message).toMatch(/^\S.*\.$/);
    expect(error.name).toBe('RegexSyntaxError');
  });
}

describe('invalid patterns', () => {
  check([
    ['(ab', 'invalid_regex', 0, 1],
    ['(?:a|(b)', 'invalid_regex', 0, 1],
    ['(?', 'invalid_regex', 0, 1],
    ['a)', 'invalid_regex', 1, 2],
    ['[ab', 'invalid_regex', 0, 1],
    ['[]', 'invalid_regex', 0, 1],
    ['[^]', 'invalid_regex', 0, 1],
    ['x[a-', 'invalid_regex', 1, 2],
    ['[z-a]', 'invalid_regex', 1, 4],
    ['[a-\\d]', 'invalid_regex', 1, 5],
    ['[\\b]', 'invalid_regex', 1, 3],
    ['[\\1]', 'invalid_regex', 1, 3],
    ['\\y', 'invalid_regex', 0, 2],
    ['a\\', 'invalid_regex', 1, 2],
    ['\\E', 'invalid_regex', 0, 2],
    ['\\k', 'invalid_regex', 0, 2],
    ['\\0', 'invalid_regex', 0, 2],
    ['\\08', 'invalid_regex', 0, 2],
    ['\\xZ1', 'invalid_regex', 0, 3],
    ['\\x{}', 'invalid_regex', 0, 4],
    ['\\x{110000}', 'invalid_regex', 0, 10],
    ['\\u12', 'invalid_regex', 0, 4],
    ['\\c', 'invalid_regex', 0, 2],
    ['*a', 'invalid_regex', 0, 1],
    ['a|*', 'invalid_regex', 2, 3],
    ['a**', 'invalid_regex', 2, 3],
    ['a+?+', 'invalid_regex', 3, 4],
    ['(?i)*', 'invalid_regex', 4, 5],
    ['a{', 'invalid_regex', 1, 2],
    ['a{x}', 'invalid_regex', 1, 2],
    ['a{,2}', 'invalid_regex', 1, 2],
    ['a{2', 'invalid_regex', 1, 3],
    ['a{2,x}', 'invalid_regex', 1, 5],
    ['a{3,1}', 'invalid_regex', 1, 6],
    ['x{3}{2,1}', 'invalid_regex', 4, 9],
    ['(?q)', 'invalid_regex', 2, 3],
    ['(?i-s-i)', 'invalid_regex', 5, 6],
    ['(?<1a>x)', 'invalid_regex', 3, 4],
    ['(?<>x)', 'invalid_regex', 3, 4],
    ['(?<a-b>x)', 'invalid_regex', 4, 5],
    ['(?<ab>x)(?<ab>y)', 'invalid_regex', 11, 13],
  ]);
});

describe('unsupported patterns', () => {
  check([
    ['(a+)+\\1b', 'unsupported_regex', 5, 7],
    ['(a)\\12', 'unsupported_regex', 3, 6],
    ['(?<n>a)\\k<n>', 'unsupported_regex', 7, 12],
    ['(?=a)', 'unsupported_regex', 0, 3],
    ['x(?!a)', 'unsupported_regex', 1, 4],
    ['(?<=a)b', 'unsupported_regex', 0, 4],
    ['(?<!a)b', 'unsupported_regex', 0, 4],
    ['(?>a)', 'unsupported_regex', 0, 3],
    ['a*+', 'unsupported_regex', 1, 3],
    ['a++', 'unsupported_regex', 1, 3],
    ['a?+', 'unsupported_regex', 1, 3],
    ['a{1,2}+', 'unsupported_regex', 1, 7],
    ['\\p{L}', 'unsupported_regex', 0, 5],
    ['\\pL', 'unsupported_regex', 0, 3],
    ['[\\P{Lu}]', 'unsupported_regex', 1, 7],
    ['\\N{DIGIT ONE}', 'unsupported_regex', 0, 13],
    ['\\b{g}', 'unsupported_regex', 0, 5],
    ['\\G', 'unsupported_regex', 0, 2],
    ['\\R', 'unsupported_regex', 0, 2],
    ['\\X', 'unsupported_regex', 0, 2],
    ['[a-d[m-p]]', 'unsupported_regex', 4, 5],
    ['[a-z&&[^e]]', 'unsupported_regex', 4, 6],
    ['(?m)^a', 'unsupported_regex', 2, 3],
    ['(?x)a', 'unsupported_regex', 2, 3],
    ['(?iu:a)', 'unsupported_regex', 3, 4],
    ['(?d)a', 'unsupported_regex', 2, 3],
    ['(?U)a', 'unsupported_regex', 2, 3],
  ]);
});

describe('patterns over the size limits', () => {
  check([
    ['a{1001}', 'regex_too_large', 1, 7],
    ['a{0,99999999999}', 'regex_too_large', 1, 16],
    ['(a{100}){10}', 'regex_too_large', 0, 12],
    ['x((?:a{100}){20})', 'regex_too_large', 2, 16],
    ['(?:a{1000}){10}', 'regex_too_large', 3, 10],
    ['a{1000}', 'regex_too_large', 0, 7],
    ['a{100}b{100}c{100}d{100}e{100}f{100}g{100}h{100}i{100}j{100}', 'regex_too_large', 0, 60],
    ['ab'.repeat(1000), 'regex_too_large', 0, 2000],
    [`${'('.repeat(300)}a${')'.repeat(300)}`, 'regex_too_large', 250, 251],
  ]);

  it('accepts a program of exactly the maximum size', () => {
    expect(compileRegex('(?:a{99}){10}b{9}').size).toBe(1000);
  });
});

describe('offsets after \\Q...\\E quotes refer to the pattern as written', () => {
  check([
    ['\\Qab\\E\\9', 'unsupported_regex', 6, 8],
    ['\\Q(*\\E)', 'invalid_regex', 6, 7],
    ['[\\Qab', 'invalid_regex', 0, 1],
    ['\\Q1\\E\\Q2\\E{3,1}', 'invalid_regex', 10, 15],
    ['\\0\\Q1\\E', 'invalid_regex', 0, 2],
    ['\\Q\\E*', 'invalid_regex', 4, 5],
  ]);
});

describe('errors at the end of the pattern', () => {
  it('points at the end when the fault is a missing character', () => {
    const error = compileError('\\u12');
    expect(error.end).toBe(4);
    expect(compileError('a{2,').end).toBe(4);
  });
});
