/**
 * User text made safe to print on a terminal.
 *
 * @module
 */

/**
 * What a terminal would act on or not show: control characters (an escape
 * sequence can clear the screen or recolour it), format characters (zero-width
 * spaces, byte order marks, and the bidirectional overrides that reorder what
 * follows), line and paragraph separators, spaces other than the plain one,
 * lone surrogates, private-use and unassigned code points.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;

const SHORT: Readonly<Record<string, string>> = { '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * Escapes the characters of `text` that a terminal would act on or not show,
 * as `\t`, `\n`, `\r` or `\u001b` (`\u{1f8ff}` beyond the first plane), so
 * that what is printed is what was given, one character for one.
 *
 * @remarks
 * Backslashes are left as they are: a regular expression such as `t3\..*`
 * reads better unchanged, and the escapes matter only where a terminal would
 * otherwise be fooled.
 *
 * @param text - text that came from the user or from a file
 * @returns the text with every invisible character escaped
 */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (char) => SHORT[char] ?? escapeCode(char.codePointAt(0) ?? 0));
}

function escapeCode(codePoint: number): string {
  const hex = codePoint.toString(16);
  return codePoint > 0xffff ? `\\u{${hex}}` : `\\u${hex.padStart(4, '0')}`;
}

/**
 * Prints a value as indented JSON with the same characters escaped, as JSON
 * escapes (`\u202e`, or a surrogate pair beyond the first plane), so that the
 * text is still exactly the value for a program that reads it.
 *
 * @param value - a JSON-friendly value
 * @returns the JSON text, with a trailing newline
 */
export function visibleJson(value: unknown): string {
  // JSON.stringify has escaped control characters inside strings already: a
  // raw one in its output is a line break of the indentation.
  const json = JSON.stringify(value, null, 2).replace(INVISIBLE, (char) =>
    char < ' ' ? char : char.split('').map((unit) => escapeCode(unit.charCodeAt(0))).join(''));
  return `${json}\n`;
}
