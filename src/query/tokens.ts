/**
 * The tokens of the cluster query language.
 *
 * @module
 */

/**
 * The canonical spelling of each comparison operator. Word forms
 * (`equals`, `not_in`, `matches`, ...) are read as these.
 *
 * @category Query language
 */
export type QueryOperator =
  | '=='
  | '!='
  | '>'
  | '>='
  | '<'
  | '<='
  | 'exists'
  | '!exists'
  | 'in'
  | '!in'
  | '=~'
  | '!~';

/** Every operator, in the order the reference page lists them. */
export const QUERY_OPERATORS: readonly QueryOperator[] = [
  '==', '!=', '>', '>=', '<', '<=', 'exists', '!exists', 'in', '!in', '=~', '!~',
];

/** Symbol spellings of the operators (case does not apply to symbols). */
export const SYMBOL_OPERATORS: ReadonlyMap<string, QueryOperator> = new Map([
  ['==', '=='], ['!=', '!='], ['>', '>'], ['>=', '>='], ['<', '<'], ['<=', '<='],
  ['!exists', '!exists'], ['!in', '!in'], ['=~', '=~'], ['!~', '!~'],
]);

/** Word spellings of the operators, lower case; they are matched case-insensitively. */
export const WORD_OPERATORS: ReadonlyMap<string, QueryOperator> = new Map([
  ['equals', '=='], ['not_equals', '!='], ['greater_than', '>'], ['greater_than_equal', '>='],
  ['less_than', '<'], ['less_than_equal', '<='], ['exists', 'exists'], ['not_exists', '!exists'],
  ['in', 'in'], ['not_in', '!in'], ['matches', '=~'], ['not_matches', '!~'],
]);

/** The kinds of token the lexer produces. */
export type TokenKind =
  | 'lparen'
  | 'rparen'
  | 'lbracket'
  | 'rbracket'
  | 'comma'
  | 'and'
  | 'or'
  | 'not'
  | 'subject'
  | 'operator'
  | 'value'
  | 'word'
  | 'eof';

/**
 * One token. `text` is the exact source slice; `value` is the meaning:
 * the canonical operator for `operator`, the unquoted text for `value`.
 */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly value: string;
  readonly start: number;
  readonly end: number;
}
