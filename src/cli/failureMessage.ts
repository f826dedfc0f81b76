/**
 * How the program words a failure for standard error.
 *
 * @module
 */
import { PlacementInputError } from '../model/PlacementInputError';
import { QueryError } from '../query/QueryError';
import { UsageError } from './CliIo';
import { visible } from './visible';

/** Characters of the expression shown on each side of a query's fault, as QueryError shows them. */
const EXCERPT_RADIUS = 40;

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
  // lengthens the line, so the caret is drawn again after the escaping.
  if (error instanceof QueryError && visible(error.expression) !== error.expression) return `${lines(error.summary)}\n\n${caret(error)}`;
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

/** The expression around the fault with carets under it, as QueryError's own message shows it, escaped. */
function caret({ expression, start, end }: QueryError): string {
  const from = Math.max(0, start - EXCERPT_RADIUS);
  const to = Math.min(expression.length, Math.max(end, start + 1) + EXCERPT_RADIUS);
  const head = from > 0 ? '…' : '';
  const tail = to < expression.length ? '…' : '';
  const before = visible(expression.slice(from, start));
  const fault = visible(expression.slice(start, Math.min(end, to)));
  const after = visible(expression.slice(Math.min(end, to), to));
  return `  ${head}${before}${fault}${after}${tail}\n  ${' '.repeat(head.length + before.length)}${'^'.repeat(Math.max(1, fault.length))}`;
}
