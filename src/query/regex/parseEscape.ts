import type { CharClass } from './charClass';
import type { ParseContext } from './parseContext';
import { parseControl, parseHex, parseOctal, parseUnicode } from './parseNumericEscape';
import { shorthandClass } from './predefinedClasses';
import type { Assertion } from './regexNode';
import { rejectUnsupportedEscape } from './rejectUnsupportedEscape';

/** What an escape sequence stands for. */
export type EscapeResult =
  | { readonly kind: 'codePoint'; readonly codePoint: number }
  | { readonly kind: 'set'; readonly set: CharClass }
  | { readonly kind: 'assert'; readonly assertion: Assertion };

const CONTROL_LETTERS: Readonly<Record<string, number>> = { t: 0x09, n: 0x0a, f: 0x0c, r: 0x0d, a: 0x07, e: 0x1b };

const ASSERTIONS: Readonly<Record<string, Assertion>> = {
  A: 'inputStart',
  z: 'inputEnd',
  Z: 'inputEndOrFinalTerminator',
  b: 'wordBoundary',
  B: 'notWordBoundary',
};

/**
 * escape := '\' ( controlLetter | octal | hex | unicode | control
 *               | shorthand | assertion | nonAlphanumeric )
 *
 * Called with the cursor on the backslash. Assertions are not allowed inside
 * a class, where Java rejects them.
 *
 * @param inClass - True inside `[...]`.
 * @throws RegexSyntaxError for a bad, unsupported or misplaced escape.
 */
export function parseEscape(ctx: ParseContext, inClass: boolean): EscapeResult {
  const start = ctx.pos;
  ctx.next();
  if (ctx.atEnd) {
    ctx.fail('invalid_regex', start, ctx.pos, 'The pattern ends with a lone backslash; write \\\\ for a literal backslash.');
  }
  const letter = ctx.peek();
  rejectUnsupportedEscape(ctx, start, inClass);
  const set = shorthandClass(letter);
  if (set !== undefined) {
    ctx.next();
    return { kind: 'set', set };
  }
  const assertion = Object.hasOwn(ASSERTIONS, letter) ? ASSERTIONS[letter] : undefined;
  if (assertion !== undefined && !inClass) {
    ctx.next();
    return { kind: 'assert', assertion };
  }
  return { kind: 'codePoint', codePoint: parseCodePointEscape(ctx, start) };
}

/** The escapes that stand for one code point; the cursor is just past the backslash. */
function parseCodePointEscape(ctx: ParseContext, start: number): number {
  const letter = ctx.peek();
  if (Object.hasOwn(CONTROL_LETTERS, letter)) {
    ctx.next();
    return CONTROL_LETTERS[letter] ?? 0;
  }
  switch (letter) {
    case '0':
      ctx.next();
      return parseOctal(ctx, start);
    case 'x':
      ctx.next();
      return parseHex(ctx, start);
    case 'u':
      ctx.next();
      return parseUnicode(ctx, start);
    case 'c':
      ctx.next();
      return parseControl(ctx, start);
  }
  if (/^[A-Za-z0-9]$/.test(letter)) {
    ctx.fail('invalid_regex', start, ctx.pos + 1, `\\${letter} is not a valid escape; to match '${letter}' literally, drop the backslash.`);
  }
  // Java lets a backslash quote any other character, even a non-ASCII one.
  return ctx.nextCodePoint();
}
