import { type CharClass, charClassFromRanges, foldAsciiCase, negateClass } from './charClass';
import type { ParseContext } from './parseContext';
import { parseEscape } from './parseEscape';
import type { CharsNode } from './regexNode';

/** One item of a class before ranges are formed: a code point or a whole set. */
type ClassAtom = { readonly codePoint: number } | { readonly set: CharClass };

/**
 * class := '[' '^'? ']'? classItem* ']'
 *
 * As in Java, a `]` right after `[` or `[^` is a literal, so `[]a]` matches `]`
 * or `a` and `[]` is an unterminated class. Java's nested classes (`[a[b]]`)
 * and intersections (`[a&&b]`) are rejected as unsupported. Under `(?i)` the
 * items are case-folded before negation, so `(?i)[^a]` rejects `A` too.
 *
 * @throws RegexSyntaxError for an unterminated class, a bad range or an unsupported form.
 */
export function parseCharClass(ctx: ParseContext): CharsNode {
  const open = ctx.pos;
  ctx.next();
  const negated = ctx.peek() === '^';
  if (negated) ctx.next();
  const pairs: number[] = [];
  let first = true;
  for (;;) {
    if (ctx.atEnd) {
      ctx.fail('invalid_regex', open, open + 1, 'This character class is never closed; add a ] (write \\] for a literal bracket).');
    }
    if (ctx.peek() === ']' && !first) break;
    first = false;
    rejectSetOperation(ctx);
    parseClassItem(ctx, pairs);
  }
  ctx.next();
  let set = charClassFromRanges(pairs);
  if (ctx.flags.caseInsensitive) set = foldAsciiCase(set);
  return { kind: 'chars', set: negated ? negateClass(set) : set, span: ctx.span(open) };
}

/**
 * classItem := classAtom ( '-' classAtom )?
 *
 * A `-` is a literal when it cannot end a range: first, last, or right after
 * a shorthand such as `\d`.
 */
function parseClassItem(ctx: ParseContext, pairs: number[]): void {
  const itemStart = ctx.pos;
  const low = parseClassAtom(ctx);
  if ('set' in low) {
    pairs.push(...low.set.ranges);
    return;
  }
  const after = ctx.peek(1);
  if (ctx.peek() !== '-' || after === ']' || after === '[' || after === '') {
    pairs.push(low.codePoint, low.codePoint);
    return;
  }
  ctx.next();
  const high = parseClassAtom(ctx);
  if ('set' in high || high.codePoint < low.codePoint) {
    ctx.fail('invalid_regex', itemStart, ctx.pos, 'This range is backwards or ends in a class shorthand; write the smaller character first, as in [a-z].');
  }
  pairs.push(low.codePoint, high.codePoint);
}

/** classAtom := escape | anyCodePointButBackslash */
function parseClassAtom(ctx: ParseContext): ClassAtom {
  if (ctx.peek() !== '\\') return { codePoint: ctx.nextCodePoint() };
  const escape = parseEscape(ctx, true);
  return escape.kind === 'set' ? { set: escape.set } : { codePoint: escape.kind === 'codePoint' ? escape.codePoint : 0 };
}

/** Rejects Java's nested-class union and `&&` intersection, which this engine does not implement. */
function rejectSetOperation(ctx: ParseContext): void {
  if (ctx.peek() === '[') {
    ctx.fail('unsupported_regex', ctx.pos, ctx.pos + 1, 'Nested character classes such as [a-d[m-p]] are not supported; list all ranges in one class, as in [a-dm-p], or write \\[ for a literal bracket.');
  }
  if (ctx.lookingAt('&&')) {
    ctx.fail('unsupported_regex', ctx.pos, ctx.pos + 2, 'Class intersections (&&) are not supported; list the characters you want instead, or write \\&\\& for literal ampersands.');
  }
}
