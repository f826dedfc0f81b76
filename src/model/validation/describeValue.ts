/**
 * Words for untrusted values in error messages: the kind of a value (named
 * in the query layer, which validation shares) and quoted user text.
 *
 * @module
 */

export { describeValue } from '../../query/describeValue';

const MAX_QUOTED = 60;

/**
 * Quotes user text as a JSON string, shortened when long, so that spaces,
 * control characters and empty strings stay visible.
 *
 * @param text - the text
 * @returns the quoted text
 */
export function quote(text: string): string {
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED - 1)}…` : text);
}
