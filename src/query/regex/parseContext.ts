import { type QuoteExpansion, expandQuotes } from './expandQuotes';
import { type RegexErrorCode, RegexSyntaxError } from './RegexSyntaxError';
import type { Span } from './regexNode';

/** Groups may nest this deep; deeper patterns are refused rather than risking the call stack. */
export const MAX_GROUP_DEPTH = 250;

/** The inline flags that this engine implements. */
export interface RegexFlags {
  /** `(?i)`: ASCII case-insensitive matching. */
  readonly caseInsensitive: boolean;
  /** `(?s)`: `.` also matches line terminators. */
  readonly dotAll: boolean;
}

/**
 * The cursor and mutable state shared by the grammar rules while one pattern
 * is parsed: position, flags in force, group depth and group names.
 */
export class ParseContext {
  /** The pattern after `\Q...\E` expansion; offsets into it are mapped back for errors. */
  readonly text: string;
  /** Offset of the next unread UTF-16 unit of `text`. */
  pos = 0;
  /** Flags in force at `pos`; groups save and restore them as Java does. */
  flags: RegexFlags = { caseInsensitive: false, dotAll: false };
  /** How many groups enclose `pos`. */
  depth = 0;
  /** Names of the `(?<name>...)` groups seen so far. */
  readonly groupNames = new Set<string>();
  private readonly expansion: QuoteExpansion;

  /** @param pattern - The pattern as the user wrote it. */
  constructor(pattern: string) {
    this.expansion = expandQuotes(pattern);
    this.text = this.expansion.text;
  }

  /** True when the whole text has been read. */
  get atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /**
   * The UTF-16 unit `ahead` places past the cursor, or `''` past the end.
   *
   * @param ahead - How far to look; 0 is the next unread unit.
   */
  peek(ahead = 0): string {
    return this.text.charAt(this.pos + ahead);
  }

  /** True when the text at the cursor starts with `prefix`. */
  lookingAt(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos);
  }

  /** Consumes one UTF-16 unit and returns it (`''` at the end). */
  next(): string {
    const unit = this.text.charAt(this.pos);
    this.pos++;
    return unit;
  }

  /**
   * Consumes one code point: a surrogate pair in the pattern is one character,
   * as in Java.
   *
   * @returns The code point; call only when not at the end.
   */
  nextCodePoint(): number {
    const codePoint = this.text.codePointAt(this.pos) ?? 0;
    this.pos += codePoint > 0xffff ? 2 : 1;
    return codePoint;
  }

  /**
   * The span of the original pattern that `[start, end)` of the text came from.
   *
   * @param start - Start offset in the text.
   * @param end - Exclusive end offset in the text; defaults to the cursor.
   */
  span(start: number, end: number = this.pos): Span {
    return this.expansion.toPatternSpan(start, Math.min(Math.max(end, start), this.text.length));
  }

  /**
   * Throws a syntax error located at `[start, end)` of the text.
   *
   * @throws RegexSyntaxError always.
   */
  fail(code: RegexErrorCode, start: number, end: number, message: string): never {
    const { start: s, end: e } = this.span(start, end);
    throw new RegexSyntaxError(code, s, e, message);
  }
}
