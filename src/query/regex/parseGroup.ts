import { MAX_GROUP_DEPTH, type ParseContext, type RegexFlags } from './parseContext';
import type { GroupNode, RegexNode } from './regexNode';

/** Parses the alternation inside a group; passed in to keep the grammar rules in separate files. */
export type ParseBody = (ctx: ParseContext) => RegexNode;

/** Flags Java knows but this engine does not implement: setting one is refused. */
const UNSUPPORTED_FLAGS: Readonly<Record<string, string>> = {
  m: 'MULTILINE',
  d: 'UNIX_LINES',
  u: 'UNICODE_CASE',
  c: 'CANON_EQ',
  x: 'COMMENTS',
  U: 'UNICODE_CHARACTER_CLASS',
};

/**
 * group := '(' ( '?:' | '?<' name '>' | '?' flags ':' )? alternation ')'
 *        | '(' '?' flags ')'
 *
 * A flags-only group changes the flags until the end of the enclosing group
 * and matches nothing, so it returns `undefined`; Java then allows no
 * quantifier after it. Every group restores the flags it started with.
 *
 * @throws RegexSyntaxError for an unclosed group, a bad name or flag, a
 * look-around or atomic group, or nesting deeper than {@link MAX_GROUP_DEPTH}.
 */
export function parseGroup(ctx: ParseContext, parseBody: ParseBody): GroupNode | undefined {
  const open = ctx.pos;
  if (ctx.depth >= MAX_GROUP_DEPTH) {
    ctx.fail('regex_too_large', open, open + 1, `Groups nest more than ${MAX_GROUP_DEPTH} deep here; flatten the pattern.`);
  }
  ctx.next();
  let capturing = true;
  let name: string | undefined;
  const saved = ctx.flags;
  if (ctx.peek() === '?') {
    ctx.next();
    rejectLookaround(ctx, open);
    capturing = false;
    if (ctx.peek() === '<') {
      name = parseGroupName(ctx);
      capturing = true;
    } else if (ctx.peek() === ':') {
      ctx.next();
    } else if (parseFlags(ctx, open) === ')') {
      return undefined;
    }
  }
  ctx.depth++;
  const body = parseBody(ctx);
  ctx.depth--;
  ctx.flags = saved;
  if (ctx.peek() !== ')') {
    ctx.fail('invalid_regex', open, open + 1, 'This group is never closed; add a ) (write \\( for a literal parenthesis).');
  }
  ctx.next();
  return { kind: 'group', capturing, name, body, span: ctx.span(open) };
}

/** Rejects `(?=`, `(?!`, `(?<=`, `(?<!` and `(?>`; the cursor is just past `(?`. */
function rejectLookaround(ctx: ParseContext, open: number): void {
  const c = ctx.peek();
  if (c === '=' || c === '!' || (c === '<' && (ctx.peek(1) === '=' || ctx.peek(1) === '!'))) {
    const end = c === '<' ? ctx.pos + 2 : ctx.pos + 1;
    ctx.fail('unsupported_regex', open, end, 'Look-ahead and look-behind groups need backtracking; matching must stay linear, so they are not supported.');
  }
  if (c === '>') {
    ctx.fail('unsupported_regex', open, ctx.pos + 1, 'Atomic groups (?>...) need backtracking control; use (?:...) instead.');
  }
}

/**
 * name := '<' asciiLetter asciiLetterOrDigit* '>'
 *
 * @returns The name; the cursor ends just past the `>`.
 */
function parseGroupName(ctx: ParseContext): string {
  ctx.next();
  const start = ctx.pos;
  if (!/^[A-Za-z]$/.test(ctx.peek())) {
    ctx.fail('invalid_regex', start, start + 1, 'A group name must start with an ASCII letter, as in (?<name>...).');
  }
  while (/^[A-Za-z0-9]$/.test(ctx.peek())) ctx.next();
  const name = ctx.text.slice(start, ctx.pos);
  if (ctx.peek() !== '>') {
    ctx.fail('invalid_regex', ctx.pos, ctx.pos + 1, 'A group name may hold only ASCII letters and digits and must end with >.');
  }
  if (ctx.groupNames.has(name)) {
    ctx.fail('invalid_regex', start, ctx.pos, `The group name '${name}' is already used; give each named group its own name.`);
  }
  ctx.groupNames.add(name);
  ctx.next();
  return name;
}

/**
 * flags := flagLetter* ( '-' flagLetter* )? ( ')' | ':' )
 *
 * Only `i` and `s` can be turned on. Turning another known flag off is a
 * no-op and accepted, since it can never be on.
 *
 * @returns The closing `)` or `:`, consumed; the new flags are in force.
 */
function parseFlags(ctx: ParseContext, open: number): string {
  let { caseInsensitive, dotAll } = ctx.flags;
  let on = true;
  for (;;) {
    const c = ctx.peek();
    if (c === ')' || c === ':') {
      ctx.next();
      ctx.flags = { caseInsensitive, dotAll } satisfies RegexFlags;
      return c;
    }
    if (c === '') {
      ctx.fail('invalid_regex', open, open + 1, 'This group is never closed; add a ) (write \\( for a literal parenthesis).');
    }
    if (c === '-' && on) on = false;
    else if (c === 'i') caseInsensitive = on;
    else if (c === 's') dotAll = on;
    else if (Object.hasOwn(UNSUPPORTED_FLAGS, c)) {
      if (on) ctx.fail('unsupported_regex', ctx.pos, ctx.pos + 1, `The inline flag (?${c}) (${UNSUPPORTED_FLAGS[c] ?? ''}) is not supported; only (?i) and (?s) are.`);
    } else {
      ctx.fail('invalid_regex', ctx.pos, ctx.pos + 1, `'${c}' is not an inline flag; Java knows i, d, m, s, u, c, x and U, of which (?i) and (?s) are supported.`);
    }
    ctx.next();
  }
}
