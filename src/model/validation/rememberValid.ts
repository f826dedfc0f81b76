/**
 * Texts found valid lately: names, values and versions repeat across a
 * fleet, and checking one against its pattern costs more than a look-up.
 *
 * @module
 */

/** Texts kept per set before it is emptied. */
const MAX_REMEMBERED = 4096;

/**
 * Notes that a text was found valid. A full set is emptied rather than
 * frozen, so that what is remembered follows what is validated now.
 *
 * @param valid - one set per kind of text
 * @param text - the text just found valid
 */
export function rememberValid(valid: Set<string>, text: string): void {
  if (valid.size >= MAX_REMEMBERED) valid.clear();
  valid.add(text);
}
