/**
 * Text broken into lines that fit a width.
 *
 * @module
 */

/** Characters after which a word too long for a line breaks best: ids, paths and expressions. */
const BREAK_AFTER = new Set(['/', ':', '.', ',', '-', '_', '(', '>', '=', '|', ';']);

/**
 * Breaks text into lines of at most `width` characters at its spaces. A word
 * longer than a line is broken too (after punctuation if it has some near the
 * end of the line), so nothing is cut off.
 *
 * @param text - one paragraph
 * @param width - the most characters a line may have, prefix included
 * @param first - what the first line starts with, such as `Why: `
 * @param rest - what each following line starts with; by default as many spaces as `first` has characters
 * @returns the lines
 */
export function wrapText(text: string, width: number, first = '', rest = ' '.repeat(first.length)): string[] {
  if (first.length + text.length <= width) return [`${first}${text}`];
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (word === '') continue;
    if (!empty && line.length + 1 + word.length <= width) {
      line += ` ${word}`;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = rest;
    }
    let remaining = word;
    while (line.length + remaining.length > width) {
      const cut = breakPoint(remaining, Math.max(1, width - line.length));
      lines.push(`${line}${remaining.slice(0, cut)}`);
      line = rest;
      remaining = remaining.slice(cut);
    }
    line += remaining;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Where to break a word that has `room` characters left on the line. */
function breakPoint(word: string, room: number): number {
  // Break after punctuation when it leaves at least half the line filled.
  for (let index = room; index > room / 2; index -= 1) {
    if (BREAK_AFTER.has(word.charAt(index - 1))) return index;
  }
  // Never between the two halves of a surrogate pair.
  const code = word.charCodeAt(room - 1);
  return room > 1 && code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
}
