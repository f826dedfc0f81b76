/**
 * How the program words a failure for standard error.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { QueryError, renderCaret } from '../query/QueryError';
import { UsageError } from './CliIo';
import { visible } from './visible';

/**
 * The message for a failure caused by the user's input, with every invisible
 * character of it escaped; `undefined` for anything else, which is a bug.
 *
 * @remarks
 * An answer too large for one JavaScript string (the JSON of a simulation of
 * a million instances) is the input's size, not a bug: it gets a message too.
 *
 * @param error - what a command threw
 * @returns the message, possibly of several lines, without a trailing newline
 */
export function failureMessage(error: unknown): string | undefined {
  // QueryError's own excerpt blanks control characters; escaping them instead
  // lengthens the line, so the excerpt is drawn again with them escaped.
  if (error instanceof QueryError && visible(error.expression) !== error.expression) return `${lines(error.summary)}\n\n${renderCaret(error.expression, error.start, error.end, visible)}`;
  if (error instanceof UsageError || error instanceof PlacementInputError || error instanceof QueryError) return lines(error.message);
  if (error instanceof RangeError && error.message === 'Invalid string length') {
    return 'The answer is too large to print: its text would be longer than a JavaScript string can be. Ask for less (a smaller fleet or count), or for tables rather than JSON.';
  }
  return undefined;
}

/** Escapes each line, keeping the line breaks that lay a message out. */
function lines(text: string): string {
  return text.split('\n').map(visible).join('\n');
}
