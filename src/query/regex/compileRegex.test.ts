import { describe, expect, it } from 'vitest';
import { compileRegex } from './compileRegex';

/** [pattern, values that match, values that do not]. */
type Example = readonly [string, readonly string[], readonly string[]];

function check(examples: readonly Example[]): void {
  it.each(examples)('%j', (pattern, yes, no) => {
    const program = compileRegex(pattern);
    for (const value of yes) expect(program.matches(value), `${pattern} should match ${JSON.stringify(value)}`).toBe(true);
    for (const value of no) expect(program.matches(value), `${pattern} should not match ${JSON.stringify(value)}`).toBe(false);
  });
}

describe('literals and escapes', () => {
  check([
    ['abc', ['abc'], ['ab', 'abcd', 'ABC', '']],
    ['', [''], ['a']],
    ['\\\\\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$\\/\\-', ['\\.*+?()[]{}|^$/-'], ['']],
    ['\\#\\ \\!\\@\\%', ['# !@%'], []],
    ['\\t\\n\\r\\f\\a\\e', ['\t\n\r\f\u0007\u001b'], []],
    ['\\011\\0101\\0377\\0400', ['\tA\u00ff 0'], []],
    ['\\x41\\x{1F600}\\x{0}', ['A😀\u0000'], []],
    ['\\u00e9\\uD83D\\uDE00', ['é😀'], ['é\ud83d\ude00x']],
    ['\\cA\\cI\\c?', ['\u0001\t\u007f'], []],
    ['\\é\\😀', ['é😀'], []],
    ['}]', ['}]'], []],
    ['a{2}{3}', ['aa'], ['aaaaaa', 'a']],
    ['{2}a', ['a'], ['aa']],
  ]);
});

describe('dot, shorthands and classes', () => {
  check([
    ['.', ['a', '😀', '\ud83d', ' ', '\u00a0'], ['\n', '\r', '\u0085', '\u2028', '\u2029', '', 'ab']],
    ['..', ['\ud83d\ud83d', 'ab'], ['😀']],
    ['\\d\\D', ['1a', '9 '], ['a1', '\u0661a']],
    ['\\w+', ['a_Z9'], ['é', 'a-b']],
    ['\\W', ['-', 'é', '😀'], ['a', '_']],
    ['\\s+', [' \t\n\u000b\f\r'], ['\u00a0', '\u2028', '\u0085']],
    ['\\S', ['\u00a0', 'x'], [' ', '\u000b']],
    ['\\h\\v', ['\u00a0\u2028', '\t\u0085', '\u3000\n'], ['\n\n', 'a\u000b']],
    ['[abc]', ['a', 'c'], ['d', 'A', '']],
    ['[^abc]', ['d', '😀', '\n'], ['a', '']],
    ['[a-cx-z]', ['b', 'y'], ['d', 'w']],
    ['[-a]', ['-', 'a'], ['b']],
    ['[a-]', ['-', 'a'], ['b']],
    ['[]a]', [']', 'a'], ['b']],
    ['[^]a]', ['b'], [']', 'a']],
    ['[\\d-z]', ['5', '-', 'z'], ['a']],
    ['[a-b-c]', ['a', '-', 'c'], ['d']],
    ['[\\]\\[\\-\\^\\\\]', [']', '[', '-', '^', '\\'], ['a']],
    ['[\\x{1F600}-\\x{1F64F}]', ['😀', '🙏'], ['\ud83d', 'a']],
    ['[\\uD800-\\uDFFF]', ['\ud83d', '\ude00'], ['😀']],
    ['[&a]', ['&', 'a'], []],
    ['[\\Q]-\\E]', [']', '-'], ['\\']],
  ]);
});

describe('quoting', () => {
  check([
    ['\\Qa.b*\\E', ['a.b*'], ['axb', 'a.bbb']],
    ['\\Qab\\E*', ['a', 'abbb'], ['abab']],
    ['\\Q(\\E+', ['((('], []],
    ['x\\Q', ['x'], []],
    ['\\Q\\\\E', ['\\'], []],
    ['\\\\Q', ['\\Q'], []],
    ['\\Q1\\E{2}', ['11'], []],
  ]);
});

describe('groups, alternation and quantifiers', () => {
  check([
    ['(ab)+', ['ab', 'abab'], ['', 'aba']],
    ['(?:ab)*', ['', 'abab'], ['a']],
    ['(?<year>\\d{4})-(?<month>\\d\\d)', ['2024-05'], ['24-05']],
    ['a|b|', ['a', 'b', ''], ['ab']],
    ['|', [''], ['a']],
    ['a(|b)c', ['ac', 'abc'], ['abbc']],
    ['a*', ['', 'aaa'], ['b']],
    ['a+', ['a', 'aa'], ['']],
    ['a?', ['', 'a'], ['aa']],
    ['a{3}', ['aaa'], ['aa', 'aaaa']],
    ['a{2,}', ['aa', 'aaaaa'], ['a']],
    ['a{2,3}', ['aa', 'aaa'], ['a', 'aaaa']],
    ['a{0}', [''], ['a']],
    ['a*?b+?c??d{1,2}?', ['bd', 'aabbcdd'], ['aabbccd']],
    ['(a*)*', ['', 'aaaa'], ['b']],
    ['(a|)*b', ['b', 'aab'], ['aa']],
    ['((((a))))', ['a'], ['aa']],
    ['😀+', ['😀😀'], ['\ud83d\ude00\ude00']],
  ]);
});

describe('flags', () => {
  check([
    ['(?i)abc', ['ABC', 'aBc'], ['abd']],
    ['a(?i)b', ['aB', 'ab'], ['AB']],
    ['(?i:a)b', ['Ab'], ['AB']],
    ['(a(?i)b|c)d', ['aBd', 'Cd'], ['abD']],
    ['(?:(?i)a)b', ['Ab'], ['AB']],
    ['(?i)(?-i:a)b', ['aB'], ['AB']],
    ['(?i)[a-c]', ['B', 'b'], ['d']],
    ['(?i)[^a]', ['b'], ['a', 'A']],
    ['(?i)k', ['K', 'k'], ['\u212a']],
    ['(?i)s', ['S'], ['\u017f']],
    ['(?i)é', ['é'], ['É']],
    ['(?i)\\w', ['A'], ['\u212a']],
    ['(?s).', ['\n', '\u2028', 'a'], ['']],
    ['(?s:.)(?-s:.)', ['\na'], ['\n\n']],
    ['(?is)a.', ['A\n'], []],
    ['(?)a(?-)', ['a'], []],
    ['(?-mx)a', ['a'], []],
  ]);
});

describe('anchors and boundaries', () => {
  check([
    ['^abc$', ['abc'], []],
    ['\\Aabc\\z', ['abc'], ['abc\n']],
    ['a^b', [], ['ab']],
    ['a$b', [], ['ab']],
    ['a$\\n', ['a\n'], ['a\r\n']],
    ['a$\\r\\n', ['a\r\n'], []],
    ['a$\\s*', ['a', 'a\n', 'a\r', 'a\r\n'], ['a\n\n', 'a\u000b', 'a\u2028']],
    ['a\\Z\\n', ['a\n'], []],
    ['a$[\\u0085\\u2028\\u2029\\r]', ['a\u0085', 'a\u2028', 'a\u2029', 'a\r'], []],
    ['a\\z\\n', [], ['a\n']],
    ['\\bab\\b', ['ab'], []],
    ['a\\bb', [], ['ab']],
    ['a\\Bb', ['ab'], []],
    ['a\\b-', ['a-'], []],
    ['a\\bé', ['aé'], []],
    ['é\\B😀', ['é😀'], []],
    ['\\b', [], ['']],
    ['\\B', [''], []],
    ['^*a', ['a'], []],
    ['\\b+a', ['a'], []],
  ]);
});

describe('program and run', () => {
  it('reports its pattern and size, and counts steps', () => {
    const program = compileRegex('a+b');
    expect(program.pattern).toBe('a+b');
    expect(program.size).toBe(4);
    expect(program.run('aab')).toEqual({ matched: true, steps: 8 });
    expect(program.run('')).toEqual({ matched: false, steps: 1 });
  });

  it('stops early once no thread is alive', () => {
    expect(compileRegex('ab').run('xbbbbbbbbb').steps).toBe(1);
  });

  it('gives the same answers when reused, in any order', () => {
    const program = compileRegex('(a|ab)(c|bcd)(d*)');
    const values = ['abcd', 'abcdd', 'ab', 'acd', 'abc', 'abcd'];
    const fresh = values.map((value) => compileRegex(program.pattern).matches(value));
    expect(values.map((value) => program.matches(value))).toEqual(fresh);
    expect(values.map((value) => program.run(value).matched)).toEqual(fresh);
  });

  it('is not corrupted by a run that threw part-way', () => {
    const program = compileRegex('a*b');
    let reads = 0;
    const hostile = {
      length: 10,
      codePointAt: () => {
        if (++reads > 3) throw new Error('boom');
        return 0x61;
      },
    } as unknown as string;
    expect(() => program.matches(hostile)).toThrow('boom');
    expect(program.run('aab')).toEqual(compileRegex('a*b').run('aab'));
    expect(program.matches('aac')).toBe(false);
  });
});
