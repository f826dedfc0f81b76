import { describe, expect, it } from 'vitest';
import { expandQuotes } from './expandQuotes';

describe('expandQuotes', () => {
  it.each([
    ['abc', 'abc'],
    ['\\Qa.b\\E', 'a\\.b'],
    ['\\Q1+2\\E', '\\x31\\+2'],
    ['x\\Q', 'x'],
    ['\\Q\\\\E', '\\\\'],
    ['\\Qa\\b\\E', 'a\\\\b'],
    ['\\\\Q', '\\\\Q'],
    ['\\Qé😀\\E', 'é😀'],
    ['a\\Q*\\E\\Q?', 'a\\*\\?'],
    ['\\Q\\E\\Q\\E', ''],
    ['\\.\\Q.', '\\.\\.'],
  ])('rewrites %j as %j', (pattern, text) => {
    expect(expandQuotes(pattern).text).toBe(text);
  });

  it('maps spans of the rewritten text back to the pattern', () => {
    const { text, toPatternSpan } = expandQuotes('ab\\Q.1\\E\\)');
    expect(text).toBe('ab\\.1\\)');
    expect(toPatternSpan(2, 4)).toEqual({ start: 4, end: 5 });
    expect(toPatternSpan(4, 5)).toEqual({ start: 5, end: 6 });
    expect(toPatternSpan(5, 7)).toEqual({ start: 8, end: 10 });
    expect(toPatternSpan(7, 7)).toEqual({ start: 10, end: 10 });
    expect(toPatternSpan(0, 7)).toEqual({ start: 0, end: 10 });
  });

  it('maps spans one to one when there is no quote', () => {
    expect(expandQuotes('a(b').toPatternSpan(1, 2)).toEqual({ start: 1, end: 2 });
  });
});
