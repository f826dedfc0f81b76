import { foldAsciiCase, singletonClass } from './charClass';
import { ParseContext } from './parseContext';
import { parseCharClass } from './parseCharClass';
import { parseEscape } from './parseEscape';
import { parseGroup } from './parseGroup';
import { parseQuantifier } from './parseQuantifier';
import { ANY, DOT } from './predefinedClasses';
import type { RegexNode } from './regexNode';

/**
 * pattern := alternation EOF
 *
 * Parses a Java regular expression into its syntax tree. `\Q...\E` quotes are
 * expanded first, as Java does; every error offset still refers to `pattern`.
 *
 * @param pattern - The pattern as the user wrote it.
 * @returns The syntax tree, with offsets into `pattern`.
 * @throws RegexSyntaxError when the pattern is invalid, unsupported or too deeply nested.
 */
export function parseRegex(pattern: string): RegexNode {
  const ctx = new ParseContext(pattern);
  const node = parseAlternation(ctx);
  if (!ctx.atEnd) {
    ctx.fail('invalid_regex', ctx.pos, ctx.pos + 1, 'This ) closes no group; remove it or write \\) for a literal parenthesis.');
  }
  return node;
}

/** alternation := sequence ( '|' sequence )* */
function parseAlternation(ctx: ParseContext): RegexNode {
  const start = ctx.pos;
  const alternatives = [parseSequence(ctx)];
  while (ctx.peek() === '|') {
    ctx.next();
    alternatives.push(parseSequence(ctx));
  }
  const [only] = alternatives;
  if (alternatives.length === 1 && only !== undefined) return only;
  return { kind: 'alternate', alternatives, span: ctx.span(start) };
}

/**
 * sequence := ( flagGroup | term )*
 * term     := ( atom | group | <nothing, before a '{'> ) quantifier?
 *
 * Java reads a `{n}` with nothing before it (at the start, or after another
 * quantifier) as repeating the empty string, so `a{2}{3}` is `aa`; that is
 * kept. A `*`, `+` or `?` with nothing to repeat is an error, as in Java.
 */
function parseSequence(ctx: ParseContext): RegexNode {
  const start = ctx.pos;
  const items: RegexNode[] = [];
  let quantified = false;
  for (;;) {
    const c = ctx.peek();
    if (c === '' || c === '|' || c === ')') break;
    if (c === '*' || c === '+' || c === '?') failDangling(ctx, c, quantified);
    const termStart = ctx.pos;
    const atom = c === '(' ? parseGroup(ctx, parseAlternation) : parseAtom(ctx);
    if (atom === undefined) {
      quantified = false;
      continue;
    }
    const quantifier = parseQuantifier(ctx);
    quantified = quantifier !== undefined;
    items.push(
      quantifier === undefined
        ? atom
        : { kind: 'repeat', body: atom, min: quantifier.min, max: quantifier.max, lazy: quantifier.lazy, span: ctx.span(termStart) },
    );
  }
  const [only] = items;
  if (items.length === 1 && only !== undefined) return only;
  return items.length === 0 ? { kind: 'empty', span: ctx.span(start) } : { kind: 'concat', items, span: ctx.span(start) };
}

/** Reports a `*`, `+` or `?` with nothing to repeat, as Java does, including one stacked on another quantifier. */
function failDangling(ctx: ParseContext, c: string, afterQuantifier: boolean): never {
  const message = afterQuantifier
    ? `This ${c} follows another quantifier; put the repeated part in a group first, as in (?:a*)${c}.`
    : `This ${c} has nothing to repeat; put it after a character or group, or write \\${c} for a literal.`;
  return ctx.fail('invalid_regex', ctx.pos, ctx.pos + 1, message);
}

/** atom := '.' | '^' | '$' | class | escape | <nothing, before a '{'> | literal */
function parseAtom(ctx: ParseContext): RegexNode {
  const start = ctx.pos;
  switch (ctx.peek()) {
    case '.':
      ctx.next();
      return { kind: 'chars', set: ctx.flags.dotAll ? ANY : DOT, span: ctx.span(start) };
    case '^':
      ctx.next();
      return { kind: 'assert', assertion: 'inputStart', span: ctx.span(start) };
    case '$':
      ctx.next();
      return { kind: 'assert', assertion: 'inputEndOrFinalTerminator', span: ctx.span(start) };
    case '[':
      return parseCharClass(ctx);
    case '{':
      return { kind: 'empty', span: ctx.span(start) };
    case '\\':
      return parseEscapeAtom(ctx);
    default:
      return literal(ctx, start, ctx.nextCodePoint());
  }
}

/** An escape outside a class: a code point, a shorthand set or an assertion. */
function parseEscapeAtom(ctx: ParseContext): RegexNode {
  const start = ctx.pos;
  const escape = parseEscape(ctx, false);
  switch (escape.kind) {
    case 'set':
      return { kind: 'chars', set: escape.set, span: ctx.span(start) };
    case 'assert':
      return { kind: 'assert', assertion: escape.assertion, span: ctx.span(start) };
    case 'codePoint':
      return literal(ctx, start, escape.codePoint);
  }
}

function literal(ctx: ParseContext, start: number, codePoint: number): RegexNode {
  const set = singletonClass(codePoint);
  return { kind: 'chars', set: ctx.flags.caseInsensitive ? foldAsciiCase(set) : set, span: ctx.span(start) };
}
