import { type CharClass, MAX_CODE_POINT, charClassFromRanges, negateClass } from './charClass';

/** `\d`: Java's default is ASCII digits only (no `UNICODE_CHARACTER_CLASS`). */
const DIGIT: CharClass = charClassFromRanges([0x30, 0x39]);

/** `\w`: ASCII letters, digits and underscore. */
const WORD: CharClass = charClassFromRanges([0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a]);

/** `\s`: `[ \t\n\x0B\f\r]`, narrower than JavaScript's Unicode-aware `\s`. */
const SPACE: CharClass = charClassFromRanges([0x09, 0x0d, 0x20, 0x20]);

/** `\h`: Java's horizontal whitespace. */
const HORIZONTAL_SPACE: CharClass = charClassFromRanges([
  0x09, 0x09, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x180e, 0x180e, 0x2000, 0x200a, 0x202f, 0x202f,
  0x205f, 0x205f, 0x3000, 0x3000,
]);

/** `\v`: Java's vertical whitespace (since Java 8; not the single `\x0B`). */
const VERTICAL_SPACE: CharClass = charClassFromRanges([0x0a, 0x0d, 0x85, 0x85, 0x2028, 0x2029]);

/** The line terminators that `.` skips unless `(?s)` is on. */
const LINE_TERMINATORS: CharClass = charClassFromRanges([0x0a, 0x0a, 0x0d, 0x0d, 0x85, 0x85, 0x2028, 0x2029]);

/** `.` by default: any code point but a line terminator. */
export const DOT: CharClass = negateClass(LINE_TERMINATORS);

/** `.` under `(?s)`: any code point at all. */
export const ANY: CharClass = charClassFromRanges([0, MAX_CODE_POINT]);

const SHORTHANDS: Readonly<Record<string, CharClass>> = {
  d: DIGIT,
  D: negateClass(DIGIT),
  w: WORD,
  W: negateClass(WORD),
  s: SPACE,
  S: negateClass(SPACE),
  h: HORIZONTAL_SPACE,
  H: negateClass(HORIZONTAL_SPACE),
  v: VERTICAL_SPACE,
  V: negateClass(VERTICAL_SPACE),
};

/**
 * The set named by a shorthand escape letter such as `d` in `\d`.
 *
 * @param letter - The character after the backslash.
 * @returns The set, or `undefined` when the letter names no shorthand class.
 */
export function shorthandClass(letter: string): CharClass | undefined {
  return Object.hasOwn(SHORTHANDS, letter) ? SHORTHANDS[letter] : undefined;
}
