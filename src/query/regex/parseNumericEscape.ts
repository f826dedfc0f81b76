import { MAX_CODE_POINT } from './charClass';
import type { ParseContext } from './parseContext';

/**
 * octal := '\0' ( [0-3][0-7][0-7] | [0-7][0-7] | [0-7] )
 *
 * Called with the cursor just past `\0`.
 *
 * @param start - Offset of the backslash, for error spans.
 * @throws RegexSyntaxError when no octal digit follows `\0`.
 */
export function parseOctal(ctx: ParseContext, start: number): number {
  const first = octalDigit(ctx.peek());
  if (first < 0) {
    ctx.fail('invalid_regex', start, ctx.pos, 'Write an octal escape as \\0 followed by one to three octal digits, e.g. \\011.');
  }
  ctx.next();
  const second = octalDigit(ctx.peek());
  if (second < 0) return first;
  ctx.next();
  const third = octalDigit(ctx.peek());
  // Three digits only while the value stays within \0377, as Java reads them.
  if (third < 0 || first > 3) return first * 8 + second;
  ctx.next();
  return first * 64 + second * 8 + third;
}

/**
 * hex := '\x' hexDigit hexDigit | '\x{' hexDigit+ '}'
 *
 * Called with the cursor just past `\x`.
 *
 * @param start - Offset of the backslash, for error spans.
 * @throws RegexSyntaxError on missing digits or a value above U+10FFFF.
 */
export function parseHex(ctx: ParseContext, start: number): number {
  if (ctx.peek() !== '{') return fixedHex(ctx, start, 2, 'Write \\x followed by exactly two hex digits, e.g. \\x41, or use \\x{...}.');
  ctx.next();
  let value = 0;
  let digits = 0;
  while (hexDigit(ctx.peek()) >= 0) {
    value = Math.min(value * 16 + hexDigit(ctx.next()), MAX_CODE_POINT + 1);
    digits++;
  }
  if (digits === 0 || ctx.peek() !== '}') {
    ctx.fail('invalid_regex', start, ctx.pos + 1, 'Write \\x{...} with one or more hex digits and a closing brace, e.g. \\x{1F600}.');
  }
  ctx.next();
  if (value > MAX_CODE_POINT) {
    ctx.fail('invalid_regex', start, ctx.pos, 'The code point in \\x{...} is above U+10FFFF, the largest Unicode code point.');
  }
  return value;
}

/**
 * unicode := '\u' hexDigit{4} ( '\u' hexDigit{4} )?
 *
 * Called with the cursor just past `\u`. Like Java, a high-surrogate escape
 * directly followed by a low-surrogate escape means the one supplementary
 * code point they encode.
 *
 * @param start - Offset of the backslash, for error spans.
 * @throws RegexSyntaxError unless exactly four hex digits follow.
 */
export function parseUnicode(ctx: ParseContext, start: number): number {
  const message = 'Write \\u followed by exactly four hex digits, e.g. \\u00e9.';
  const unit = fixedHex(ctx, start, 4, message);
  if (unit < 0xd800 || unit > 0xdbff || !ctx.lookingAt('\\u')) return unit;
  const resume = ctx.pos;
  ctx.pos += 2;
  if ([0, 1, 2, 3].every((k) => hexDigit(ctx.peek(k)) >= 0)) {
    const low = fixedHex(ctx, resume, 4, message);
    if (low >= 0xdc00 && low <= 0xdfff) return 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
  }
  ctx.pos = resume;
  return unit;
}

/**
 * control := '\c' anyChar
 *
 * Java maps the character to itself XOR 64, so `\cA` is U+0001.
 *
 * @param start - Offset of the backslash, for error spans.
 * @throws RegexSyntaxError when the pattern ends right after `\c`.
 */
export function parseControl(ctx: ParseContext, start: number): number {
  if (ctx.atEnd) {
    ctx.fail('invalid_regex', start, ctx.pos, 'Write \\c followed by a letter, e.g. \\cI for a tab.');
  }
  return ctx.nextCodePoint() ^ 64;
}

function fixedHex(ctx: ParseContext, start: number, count: number, message: string): number {
  let value = 0;
  for (let k = 0; k < count; k++) {
    const digit = hexDigit(ctx.peek());
    if (digit < 0) ctx.fail('invalid_regex', start, ctx.pos + 1, message);
    ctx.next();
    value = value * 16 + digit;
  }
  return value;
}

function octalDigit(unit: string): number {
  return unit >= '0' && unit <= '7' && unit.length === 1 ? unit.charCodeAt(0) - 0x30 : -1;
}

/**
 * The value of one hex digit.
 *
 * @returns 0-15, or -1 when `unit` is not a hex digit.
 */
function hexDigit(unit: string): number {
  if (unit.length !== 1) return -1;
  const code = unit.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}
