/**
 * The lexer: expression text to tokens.
 *
 * The language is not context-free at the character level: `!` is `not`
 * before a condition but part of `!=` after a subject, and `and` is a keyword
 * between conditions but an ordinary value after `==`. So the lexer tracks
 * where in a condition it is (a small state machine that mirrors the grammar)
 * and reads each token the way that position needs. It never throws except
 * for an unterminated quote; anything out of place becomes a token that the
 * parser reports with its position.
 *
 * @module
 */
import { QueryError } from './QueryError';
import { SYMBOL_OPERATORS, WORD_OPERATORS, type Token, type TokenKind } from './tokens';

/** Where the lexer is within the grammar, which decides how the next token is read. */
type Mode = 'operand' | 'operator' | 'argument' | 'list' | 'after';

const WHITESPACE = /\s/;
/** Characters that end a subject, a bare value or a word wherever they appear. */
const DELIMITERS = new Set(['(', ')', '[', ']', ',', "'", '"']);
/** Characters that make up symbol operators. */
const OPERATOR_CHARS = new Set(['=', '!', '<', '>', '~']);
const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * Splits a query expression into tokens, ending with one `eof` token.
 *
 * @param text - the expression
 * @returns the tokens in source order
 * @throws {@link QueryError} `unterminated_quote` when a quoted value has no closing quote
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let mode: Mode = 'operand';
  let pos = skipSpace(text, 0);
  while (pos < text.length) {
    const token = readToken(text, pos, mode);
    tokens.push(token);
    mode = nextMode(mode, token);
    pos = skipSpace(text, token.end);
  }
  tokens.push({ kind: 'eof', text: '', value: '', start: text.length, end: text.length });
  return tokens;
}

function readToken(text: string, pos: number, mode: Mode): Token {
  const punctuation = readPunctuation(text, pos);
  if (punctuation !== undefined) return punctuation;
  const ch = text[pos] as string;
  if (ch === "'" || ch === '"') return readQuoted(text, pos);
  switch (mode) {
    case 'operand':
      return readOperand(text, pos);
    case 'operator':
      return readOperator(text, pos);
    case 'argument':
    case 'list':
      return make('value', text, pos, scanBare(text, pos));
    case 'after':
      return readConnective(text, pos);
  }
}

/** The grammar position after a token, mirroring the parser's rules. */
function nextMode(mode: Mode, token: Token): Mode {
  switch (token.kind) {
    case 'lparen':
    case 'and':
    case 'or':
    case 'not':
      return 'operand';
    case 'subject':
      return 'operator';
    case 'operator':
      return token.value === 'exists' || token.value === '!exists' ? 'after' : 'argument';
    case 'lbracket':
    case 'comma':
      return 'list';
    case 'value':
      return mode === 'list' ? 'list' : 'after';
    default:
      return 'after';
  }
}

/** Brackets, commas and the symbol connectives mean the same in every position. */
function readPunctuation(text: string, pos: number): Token | undefined {
  if (text.startsWith('&&', pos)) return make('and', text, pos, pos + 2);
  if (text.startsWith('||', pos)) return make('or', text, pos, pos + 2);
  const kinds: Record<string, TokenKind> = { '(': 'lparen', ')': 'rparen', '[': 'lbracket', ']': 'rbracket', ',': 'comma' };
  const kind = kinds[text[pos] as string];
  return kind === undefined ? undefined : make(kind, text, pos, pos + 1);
}

/** A `not` keyword (`not` or `!`), or else a subject. */
function readOperand(text: string, pos: number): Token {
  if (text[pos] === '!' && text[pos + 1] !== '=' && text[pos + 1] !== '~') return make('not', text, pos, pos + 1);
  if (OPERATOR_CHARS.has(text[pos] as string)) return readOperator(text, pos);
  const word = readKeyword(text, pos);
  if (word === 'not') return make('not', text, pos, pos + 3);
  // A connective where a condition belongs is a missing condition, not a subject named "and".
  if (word === 'and' || word === 'or') return make(word, text, pos, pos + word.length);
  return make('subject', text, pos, scanName(text, pos));
}

/** A symbol operator such as `>=` or `!in`, or an operator word such as `not_equals`. */
function readOperator(text: string, pos: number): Token {
  if (OPERATOR_CHARS.has(text[pos] as string)) {
    let end = pos;
    while (end < text.length && OPERATOR_CHARS.has(text[end] as string)) end += 1;
    if (text.slice(pos, end) === '!') end = scanWord(text, end);
    const op = SYMBOL_OPERATORS.get(text.slice(pos, end).toLowerCase());
    return op === undefined ? make('word', text, pos, end) : make('operator', text, pos, end, op);
  }
  const end = scanWord(text, pos);
  if (end === pos) return make('word', text, pos, scanName(text, pos));
  const op = WORD_OPERATORS.get(text.slice(pos, end).toLowerCase());
  return op === undefined ? make('word', text, pos, scanName(text, pos)) : make('operator', text, pos, end, op);
}

/** `and`, `or`, or a stray word the parser will reject. */
function readConnective(text: string, pos: number): Token {
  const word = readKeyword(text, pos);
  if (word === 'and') return make('and', text, pos, pos + 3);
  if (word === 'or') return make('or', text, pos, pos + 2);
  if (OPERATOR_CHARS.has(text[pos] as string)) return readOperator(text, pos);
  return make('word', text, pos, Math.max(pos + 1, scanBare(text, pos)));
}

/**
 * A quoted value. Quotes are `'` or `"`; the quote character is written
 * twice to stand for itself (`'it''s'`). Backslashes are ordinary characters,
 * so regular expressions such as `'\d+'` need no extra escaping.
 */
function readQuoted(text: string, pos: number): Token {
  const quote = text[pos] as string;
  let value = '';
  let i = pos + 1;
  for (;;) {
    const close = text.indexOf(quote, i);
    if (close < 0) {
      throw new QueryError('unterminated_quote', `This value opens with ${quote} but never closes it; add a closing ${quote}.`, text, pos, text.length);
    }
    value += text.slice(i, close);
    if (text[close + 1] !== quote) return make('value', text, pos, close + 1, value);
    value += quote;
    i = close + 2;
  }
}

/** The lower-cased word at `pos` if it is followed by a boundary, else undefined. */
function readKeyword(text: string, pos: number): string | undefined {
  const end = scanWord(text, pos);
  if (end === pos) return undefined;
  const next = text[end];
  const boundary = next === undefined || WHITESPACE.test(next) || next === '(' || next === '!';
  return boundary ? text.slice(pos, end).toLowerCase() : undefined;
}

function scanWord(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && WORD_CHAR.test(text[end] as string)) end += 1;
  return end;
}

/** A subject: everything up to whitespace, an operator character, a delimiter or `&&`/`||`. */
function scanName(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && !endsName(text, end)) end += 1;
  return Math.max(end, pos + 1);
}

function endsName(text: string, i: number): boolean {
  const ch = text[i] as string;
  return OPERATOR_CHARS.has(ch) || endsBare(text, i);
}

/** A bare value: everything up to whitespace, a delimiter, or `&&`/`||`. */
function scanBare(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && !endsBare(text, end)) end += 1;
  return end;
}

function endsBare(text: string, i: number): boolean {
  const ch = text[i] as string;
  return WHITESPACE.test(ch) || DELIMITERS.has(ch) || text.startsWith('&&', i) || text.startsWith('||', i);
}

function make(kind: TokenKind, text: string, start: number, end: number, value?: string): Token {
  const slice = text.slice(start, end);
  return { kind, text: slice, value: value ?? slice, start, end };
}

function skipSpace(text: string, pos: number): number {
  let i = pos;
  while (i < text.length && WHITESPACE.test(text[i] as string)) i += 1;
  return i;
}
