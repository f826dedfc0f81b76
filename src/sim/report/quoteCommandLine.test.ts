import { describe, expect, it } from 'vitest';
import { quoteCommandLine } from './quoteCommandLine';

describe('quoteCommandLine', () => {
  it('leaves plain words as they are', () => {
    expect(quoteCommandLine(['task-placement', 'simulate', '--instances', '5000', '--report=out/r.html'])).toBe('task-placement simulate --instances 5000 --report=out/r.html');
  });

  it('single-quotes words a shell would split or expand, quotes within them closed and escaped', () => {
    expect(quoteCommandLine(['a b', '$HOME', "it's", ''])).toBe(`'a b' '$HOME' 'it'\\''s' ''`);
  });

  it('writes control characters as escapes in $\'…\', so the line stays one line', () => {
    expect(quoteCommandLine(['a\nb', 'tab\there', "q'\u001b\\"])).toBe(`$'a\\nb' $'tab\\there' $'q\\'\\x1b\\\\'`);
  });
});
