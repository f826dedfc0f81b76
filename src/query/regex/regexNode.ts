import type { CharClass } from './charClass';

/** A half-open range `[start, end)` of UTF-16 offsets in the pattern. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * A zero-width test on the position between two code points.
 *
 * - `inputStart`: `^` and `\A`.
 * - `inputEnd`: `\z`.
 * - `inputEndOrFinalTerminator`: `$` and `\Z`; Java also lets them match
 *   just before a line terminator (or `\r\n`) that ends the value.
 * - `wordBoundary` / `notWordBoundary`: `\b` / `\B` over ASCII word characters.
 */
export type Assertion =
  | 'inputStart'
  | 'inputEnd'
  | 'inputEndOrFinalTerminator'
  | 'wordBoundary'
  | 'notWordBoundary';

/** Matches the empty string: an empty alternative or group. */
interface EmptyNode {
  readonly kind: 'empty';
  readonly span: Span;
}

/**
 * Matches one code point from a set. Literals, `.`, escapes and classes all
 * become sets at parse time, with the case flag already applied, so the
 * compiler never needs to know which flags were on.
 */
export interface CharsNode {
  readonly kind: 'chars';
  readonly set: CharClass;
  readonly span: Span;
}

/** A zero-width assertion. */
interface AssertNode {
  readonly kind: 'assert';
  readonly assertion: Assertion;
  readonly span: Span;
}

/** Its items one after another. */
interface ConcatNode {
  readonly kind: 'concat';
  readonly items: readonly RegexNode[];
  readonly span: Span;
}

/** Any one of its alternatives. */
interface AlternateNode {
  readonly kind: 'alternate';
  readonly alternatives: readonly RegexNode[];
  readonly span: Span;
}

/** A parenthesised group; capturing or not, it matches exactly its body. */
export interface GroupNode {
  readonly kind: 'group';
  readonly capturing: boolean;
  /** The name of a `(?<name>...)` group. */
  readonly name: string | undefined;
  readonly body: RegexNode;
  readonly span: Span;
}

/** Its body repeated between `min` and `max` times (`max` may be `Infinity`). */
export interface RepeatNode {
  readonly kind: 'repeat';
  readonly body: RegexNode;
  readonly min: number;
  readonly max: number;
  /** Kept for fidelity to the pattern; a whole-value boolean match ignores it. */
  readonly lazy: boolean;
  readonly span: Span;
}

/** A parsed regular expression. */
export type RegexNode = EmptyNode | CharsNode | AssertNode | ConcatNode | AlternateNode | GroupNode | RepeatNode;
