/**
 * A command line as a person would type it into a POSIX shell.
 *
 * @module
 */

// Words made only of these need no quotes in any POSIX shell.
const PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;
// Characters that a shell's single quotes cannot show: control characters.
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Joins words into one command line that a POSIX shell reads back as the
 * same words: plain words as they are, others in single quotes, and words
 * with control characters (a newline, an escape) in `$'…'` with each such
 * character written as an escape, so the line stays on one line and shows
 * what was typed.
 *
 * @param words - the words, the program's name first
 * @returns the command line
 */
export function quoteCommandLine(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}

function quoteWord(word: string): string {
  if (PLAIN.test(word)) return word;
  if (!UNPRINTABLE.test(word)) return `'${word.replaceAll("'", "'\\''")}'`;
  let quoted = '';
  for (const character of word) {
    const code = character.codePointAt(0) ?? 0;
    if (character === '\\' || character === "'") quoted += `\\${character}`;
    else if (character === '\n') quoted += '\\n';
    else if (character === '\t') quoted += '\\t';
    else if (UNPRINTABLE.test(character)) quoted += `\\x${code.toString(16).padStart(2, '0')}`;
    else quoted += character;
  }
  return `$'${quoted}'`;
}
