import type { ParseContext } from './parseContext';

/** Escapes Java accepts only outside a class, where each has a meaning this engine lacks. */
const OUTSIDE_CLASS_ONLY: Readonly<Record<string, string>> = {
  G: '\\G (end of the previous match) has no meaning for a whole-value match, so it is not supported.',
  R: '\\R is an atomic linebreak matcher that needs backtracking; write (?:\\r\\n|[\\n\\x0B\\f\\r\\x85\\u2028\\u2029]) instead.',
  X: '\\X (grapheme cluster) is not supported; match the characters explicitly instead.',
};

/**
 * Rejects the escapes that Java accepts but that need backtracking or are out
 * of scope (back-references, `\p{...}`, `\G`, `\R`, `\X`, `\N{...}`,
 * `\b{g}`), and the escapes that Java itself refuses inside a class.
 *
 * Called with the cursor just past the backslash; returns without reading
 * anything when the escape is acceptable.
 *
 * @param start - Offset of the backslash.
 * @param inClass - True inside `[...]`.
 * @throws RegexSyntaxError for an unsupported or misplaced escape.
 */
export function rejectUnsupportedEscape(ctx: ParseContext, start: number, inClass: boolean): void {
  const letter = ctx.peek();
  if (inClass && /^[1-9AzZbBGRXk]$/.test(letter)) {
    ctx.fail('invalid_regex', start, ctx.pos + 1, `\\${letter} is not allowed inside a character class.`);
  }
  if (letter >= '1' && letter <= '9') {
    let end = ctx.pos + 1;
    while (/^[0-9]$/.test(ctx.text.charAt(end))) end++;
    const ref = ctx.text.slice(start, end);
    ctx.fail('unsupported_regex', start, end, `Back-references (${ref}) need backtracking; matching must stay linear, so they are not supported.`);
  }
  if (letter === 'k') {
    if (ctx.peek(1) !== '<') {
      ctx.fail('invalid_regex', start, ctx.pos + 1, '\\k must be followed by <name>; to match \'k\' literally, drop the backslash.');
    }
    const close = ctx.text.indexOf('>', ctx.pos);
    const end = close < 0 ? ctx.pos + 1 : close + 1;
    ctx.fail('unsupported_regex', start, end, 'Named back-references (\\k<name>) need backtracking; matching must stay linear, so they are not supported.');
  }
  if (letter === 'p' || letter === 'P') {
    ctx.fail('unsupported_regex', start, braceEnd(ctx, ctx.pos + 1, 1), `Unicode property classes (\\${letter}{...}) are not supported; list the characters in a class such as [a-zA-Z] instead.`);
  }
  if (letter === 'N') {
    ctx.fail('unsupported_regex', start, braceEnd(ctx, ctx.pos + 1, 0), 'Named characters (\\N{...}) are not supported; write the character itself or \\x{...} instead.');
  }
  if (letter === 'b' && ctx.text.startsWith('{g}', ctx.pos + 1)) {
    ctx.fail('unsupported_regex', start, ctx.pos + 4, 'Grapheme cluster boundaries (\\b{g}) are not supported.');
  }
  const message = Object.hasOwn(OUTSIDE_CLASS_ONLY, letter) ? OUTSIDE_CLASS_ONLY[letter] : undefined;
  if (message !== undefined) ctx.fail('unsupported_regex', start, ctx.pos + 1, message);
  if (letter === 'E') {
    ctx.fail('invalid_regex', start, ctx.pos + 1, '\\E ends a quote that was never opened with \\Q; remove it or write \\\\E.');
  }
}

/**
 * The end of a `{...}` argument starting at `from`, or of `single` characters
 * when there is no brace (as in `\pL`).
 */
function braceEnd(ctx: ParseContext, from: number, single: number): number {
  if (ctx.text.charAt(from) !== '{') return Math.min(from + single, ctx.text.length);
  const close = ctx.text.indexOf('}', from);
  return close < 0 ? ctx.text.length : close + 1;
}
