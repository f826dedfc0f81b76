/**
 * Text that would not print as itself: ids and group names reach terminals,
 * logs and JSON, where control characters act and broken characters garble.
 *
 * @module
 */

/** Printable ASCII only, as nearly every id and name is: one scan answers for both tests below. */
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
/** Half of a UTF-16 surrogate pair without the other half: not a character. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * What keeps a text from printing as itself.
 *
 * @param text - an id or a name
 * @param what - what it is, for the sentence: `id`, `group`
 * @returns a sentence that says what to remove, or `undefined` when the text prints as itself
 */
export function unprintableProblem(text: string, what: string): string | undefined {
  if (PRINTABLE_ASCII.test(text)) return undefined;
  if (CONTROL.test(text)) return `Remove the control characters from this ${what}.`;
  if (LONE_SURROGATE.test(text)) return `Remove the broken character from this ${what}: it holds half of a UTF-16 surrogate pair.`;
  return undefined;
}
