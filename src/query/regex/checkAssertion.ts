import {
  ASSERT_END_OR_FINAL_TERMINATOR,
  ASSERT_INPUT_END,
  ASSERT_INPUT_START,
  ASSERT_WORD_BOUNDARY,
} from './program';

/**
 * Evaluates a zero-width assertion at a position of the value.
 *
 * @param code - An assertion number, one of the `ASSERT_*` constants.
 * @param value - The whole value being matched.
 * @param pos - A UTF-16 offset at a code point boundary, `0..value.length`.
 * @returns True when the assertion holds at `pos`.
 */
export function checkAssertion(code: number, value: string, pos: number): boolean {
  switch (code) {
    case ASSERT_INPUT_START:
      return pos === 0;
    case ASSERT_INPUT_END:
      return pos === value.length;
    case ASSERT_END_OR_FINAL_TERMINATOR:
      return atEndOrFinalTerminator(value, pos);
    case ASSERT_WORD_BOUNDARY:
      return isWordUnit(value.charCodeAt(pos - 1)) !== isWordUnit(value.charCodeAt(pos));
    default: // ASSERT_NOT_WORD_BOUNDARY
      return isWordUnit(value.charCodeAt(pos - 1)) === isWordUnit(value.charCodeAt(pos));
  }
}

/**
 * Java's `$` without MULTILINE: the end of the value, or just before a line
 * terminator (or `\r\n`) that ends it, but never between `\r` and `\n`.
 */
function atEndOrFinalTerminator(value: string, pos: number): boolean {
  const rest = value.length - pos;
  if (rest === 0) return true;
  const c = value.charCodeAt(pos);
  if (rest === 2) return c === 0x0d && value.charCodeAt(pos + 1) === 0x0a;
  if (rest !== 1) return false;
  if (c === 0x0a) return pos === 0 || value.charCodeAt(pos - 1) !== 0x0d;
  return c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * ASCII word characters, as `\w`. Checking UTF-16 units suffices: a
 * surrogate is never a word character, so a pair's halves agree with the
 * code point they form. `NaN` (outside the value) is not a word character.
 */
function isWordUnit(unit: number): boolean {
  return (
    (unit >= 0x61 && unit <= 0x7a) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x30 && unit <= 0x39) || unit === 0x5f
  );
}
