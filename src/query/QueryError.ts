/**
 * Errors raised for cluster-query-language text that cannot be parsed or typed.
 *
 * @module
 */

/**
 * The stable codes a {@link QueryError} carries. Programs branch on the code;
 * the message is for people and may be reworded between releases.
 *
 * @category Errors
 */
export type QueryErrorCode =
  | 'not_a_string'
  | 'not_a_query'
  | 'not_an_instance_view'
  | 'not_a_query_context'
  | 'empty_expression'
  | 'expression_too_long'
  | 'nesting_too_deep'
  | 'unterminated_quote'
  | 'unexpected_token'
  | 'unbalanced_parenthesis'
  | 'missing_operand'
  | 'unknown_subject'
  | 'invalid_attribute_name'
  | 'missing_operator'
  | 'unknown_operator'
  | 'operator_not_allowed'
  | 'missing_argument'
  | 'unexpected_argument'
  | 'expected_list'
  | 'unexpected_list'
  | 'empty_list'
  | 'invalid_boolean'
  | 'invalid_version'
  | 'invalid_date'
  | 'invalid_integer'
  | 'invalid_regex'
  | 'unsupported_regex'
  | 'regex_too_large';

/** How many characters of context the caret excerpt shows on each side of the fault. */
const EXCERPT_RADIUS = 40;

/**
 * A fault in a cluster query expression, with the place it occurs.
 *
 * @remarks
 * `start` and `end` are UTF-16 offsets into {@link QueryError.expression}
 * (`end` exclusive; `start === end` for a fault at a single point, such as a
 * missing argument at the end of the text). The `message` repeats the
 * {@link QueryError.summary} and shows the expression with a caret under the
 * fault. A fault in something other than text (a value that is not a string,
 * a hand-built tree, an instance view) has the empty `expression`, offsets 0,
 * and a message that is the summary alone.
 *
 * @example
 * ```ts
 * try {
 *   parseQuery('runningTasksCount =~ 1');
 * } catch (error) {
 *   if (error instanceof QueryError) console.log(error.code, error.start, error.end);
 *   // operator_not_allowed 18 20
 * }
 * ```
 *
 * @category Errors
 */
export class QueryError extends Error {
  /** Stable machine-readable code. */
  readonly code: QueryErrorCode;
  /** Offset of the first character of the fault. */
  readonly start: number;
  /** Offset just past the fault (equal to `start` for a point). */
  readonly end: number;
  /** The expression text the offsets refer to. */
  readonly expression: string;
  /** One sentence that says what is wrong and how to fix it, without the excerpt. */
  readonly summary: string;

  /**
   * @param code - stable code of the fault
   * @param summary - one actionable sentence
   * @param expression - the full expression text
   * @param start - offset of the fault
   * @param end - offset just past the fault
   */
  constructor(code: QueryErrorCode, summary: string, expression: string, start: number, end: number = start) {
    super(expression === '' ? summary : `${summary}\n\n${renderCaret(expression, start, end)}`);
    this.name = 'QueryError';
    this.code = code;
    this.summary = summary;
    this.expression = expression;
    this.start = start;
    this.end = Math.max(start, end);
  }
}

/**
 * Shows the part of an expression around a fault, with carets under it.
 *
 * @param expression - the whole expression
 * @param start - offset of the fault
 * @param end - offset just past the fault
 * @param show - how each piece of the excerpt is written: by default control
 *   characters become spaces, so that the caret line stays aligned; a
 *   terminal writer may escape them instead, and the carets follow
 * @returns two lines, each indented by two spaces
 */
export function renderCaret(expression: string, start: number, end: number, show: (text: string) => string = blankControls): string {
  const from = Math.max(0, start - EXCERPT_RADIUS);
  const to = Math.min(expression.length, Math.max(end, start + 1) + EXCERPT_RADIUS);
  const head = from > 0 ? '…' : '';
  const tail = to < expression.length ? '…' : '';
  const before = show(expression.slice(from, start));
  const fault = show(expression.slice(start, Math.min(end, to)));
  const after = show(expression.slice(Math.min(end, to), to));
  return `  ${head}${before}${fault}${after}${tail}\n  ${' '.repeat(head.length + before.length)}${'^'.repeat(Math.max(1, fault.length))}`;
}

function blankControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
