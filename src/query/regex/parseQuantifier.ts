import type { ParseContext } from './parseContext';
import type { Span } from './regexNode';

/** Counted repetitions may not exceed this bound, so expanding them stays cheap. */
const MAX_REPEAT_COUNT = 1000;

/** A parsed quantifier: how many times, and whether it was written lazily. */
export interface Quantifier {
  readonly min: number;
  readonly max: number;
  readonly lazy: boolean;
  readonly span: Span;
}

/**
 * quantifier := ( '*' | '+' | '?' | counted ) ( '?' )?
 *
 * A trailing `+` (possessive) is rejected: it needs backtracking control.
 *
 * @returns The quantifier at the cursor, or `undefined` when there is none.
 * @throws RegexSyntaxError for a malformed count or a possessive quantifier.
 */
export function parseQuantifier(ctx: ParseContext): Quantifier | undefined {
  const start = ctx.pos;
  const c = ctx.peek();
  let min: number;
  let max: number;
  if (c === '*' || c === '+' || c === '?') {
    ctx.next();
    min = c === '+' ? 1 : 0;
    max = c === '?' ? 1 : Infinity;
  } else if (c === '{') {
    [min, max] = parseCounted(ctx);
  } else {
    return undefined;
  }
  const lazy = ctx.peek() === '?';
  if (lazy) ctx.next();
  if (!lazy && ctx.peek() === '+') {
    ctx.fail('unsupported_regex', start, ctx.pos + 1, 'Possessive quantifiers (such as *+) need backtracking control; drop the trailing +, which gives the same answer unless the pattern relies on giving nothing back.');
  }
  return { min, max, lazy, span: ctx.span(start) };
}

/**
 * counted := '{' digits ( ',' digits? )? '}'
 *
 * Java has no `{,n}` form, and a `{` that starts no valid count is an error
 * rather than a literal.
 */
function parseCounted(ctx: ParseContext): [number, number] {
  const open = ctx.pos;
  ctx.next();
  if (!isDigit(ctx.peek())) {
    ctx.fail('invalid_regex', open, open + 1, 'A { must start a repetition count such as {2}, {2,} or {2,5}; write \\{ for a literal brace.');
  }
  const min = readNumber(ctx);
  let max = min;
  if (ctx.peek() === ',') {
    ctx.next();
    max = isDigit(ctx.peek()) ? readNumber(ctx) : Infinity;
  }
  if (ctx.peek() !== '}') {
    ctx.fail('invalid_regex', open, ctx.pos + 1, 'This repetition count is not closed; write it as {n}, {n,} or {n,m}.');
  }
  ctx.next();
  if (max < min) {
    ctx.fail('invalid_regex', open, ctx.pos, `The repetition ${ctx.text.slice(open, ctx.pos)} has its maximum below its minimum; swap the two numbers.`);
  }
  if (min > MAX_REPEAT_COUNT || (max !== Infinity && max > MAX_REPEAT_COUNT)) {
    ctx.fail('regex_too_large', open, ctx.pos, `Repetition counts above ${MAX_REPEAT_COUNT} are not supported; use a smaller count or * / +.`);
  }
  return [min, max];
}

/** Reads decimal digits, saturating so a huge count cannot lose precision. */
function readNumber(ctx: ParseContext): number {
  let value = 0;
  while (isDigit(ctx.peek())) value = Math.min(value * 10 + (ctx.next().charCodeAt(0) - 0x30), 1e9);
  return value;
}

function isDigit(unit: string): boolean {
  return unit.length === 1 && unit >= '0' && unit <= '9';
}
