/**
 * The parser: tokens to a typed syntax tree, by recursive descent with one
 * function per grammar rule. The rules, top to bottom, are the grammar:
 *
 * ```
 * Query     ::= OrExpr EOF
 * OrExpr    ::= AndExpr { ('or' | '||') AndExpr }
 * AndExpr   ::= NotExpr { ('and' | '&&') NotExpr }
 * NotExpr   ::= ('not' | '!') NotExpr | Primary
 * Primary   ::= '(' OrExpr ')' | Condition
 * Condition ::= Subject Operator [ Argument ]
 * Argument  ::= Value | List
 * List      ::= '[' Value { ',' Value } ']'
 * ```
 *
 * @module
 */
import type { ConditionNode, ListNode, QueryNode, ValueNode } from './ast';
import { checkCondition } from './checkCondition';
import { describeValue } from './describeValue';
import { QueryError } from './QueryError';
import { QUERY_LIMITS } from './queryLimits';
import { readSubject } from './readSubject';
import { tokenize } from './tokenize';
import type { QueryOperator, Token, TokenKind } from './tokens';

/**
 * Parses a cluster query expression, as used by `memberOf` constraints and
 * by instance filters.
 *
 * @param text - the expression, such as `attribute:ecs.instance-type =~ t3.* and not(task:group == service:db)`
 * @returns its syntax tree, with every argument already checked against its subject's type
 * @throws {@link QueryError} for any text that is not a valid expression, and for nothing else
 *
 * @example
 * ```ts
 * const ast = parseQuery('attribute:ecs.availability-zone in [us-east-1a, us-east-1b]');
 * ast.kind; // 'condition'
 * ```
 *
 * @category Query language
 */
export function parseQuery(text: string): QueryNode {
  if (typeof text !== 'string') {
    throw new QueryError('not_a_string', `A query expression is text, not ${describeValue(text)}.`, '', 0, 0);
  }
  if (text.length > QUERY_LIMITS.maxLength) {
    throw new QueryError(
      'expression_too_long',
      `This expression is ${text.length} characters long; ECS allows at most ${QUERY_LIMITS.maxLength}.`,
      text, QUERY_LIMITS.maxLength, text.length,
    );
  }
  if (text.trim() === '') throw new QueryError('empty_expression', 'The expression is empty; write a condition such as attribute:ecs.os-type == linux.', text, 0, text.length);
  return new Parser(text, tokenize(text)).parseQuery();
}

class Parser {
  private index = 0;
  private depth = 0;
  /** Instructions of the patterns read so far: they share one budget, so that no expression is slow to evaluate. */
  private patternInstructions = 0;

  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  // Query ::= OrExpr EOF
  parseQuery(): QueryNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind === 'rparen') this.fail('unbalanced_parenthesis', 'This ) closes no (; remove it or add the ( it belongs to.', next);
    if (next.kind !== 'eof') this.unexpected(next, "'and', 'or' or the end of the expression");
    return node;
  }

  // OrExpr ::= AndExpr { ('or' | '||') AndExpr }
  private parseOr(): QueryNode {
    const operands = [this.parseAnd()];
    while (this.accept('or')) operands.push(this.parseAnd());
    return operands.length === 1 ? (operands[0] as QueryNode) : { kind: 'or', operands, ...spanOf(operands) };
  }

  // AndExpr ::= NotExpr { ('and' | '&&') NotExpr }
  private parseAnd(): QueryNode {
    const operands = [this.parseNot()];
    while (this.accept('and')) operands.push(this.parseNot());
    return operands.length === 1 ? (operands[0] as QueryNode) : { kind: 'and', operands, ...spanOf(operands) };
  }

  // NotExpr ::= ('not' | '!') NotExpr | Primary
  private parseNot(): QueryNode {
    const not = this.peek();
    if (not.kind !== 'not') return this.parsePrimary();
    this.index += 1;
    const operand = this.nested(not, () => this.parseNot());
    return { kind: 'not', operand, start: not.start, end: operand.end };
  }

  // Primary ::= '(' OrExpr ')' | Condition
  private parsePrimary(): QueryNode {
    const open = this.peek();
    if (open.kind !== 'lparen') return this.parseCondition();
    this.index += 1;
    const inner = this.nested(open, () => this.parseOr());
    const close = this.peek();
    if (close.kind === 'rparen') {
      this.index += 1;
      return inner;
    }
    if (close.kind === 'eof') this.fail('unbalanced_parenthesis', 'This ( is never closed; add a ) after the expression it groups.', open);
    return this.unexpected(close, "')', 'and' or 'or'");
  }

  // Condition ::= Subject Operator [ Argument ]
  private parseCondition(): ConditionNode {
    const token = this.peek();
    if (token.kind !== 'subject') return this.missingOperand(token);
    this.index += 1;
    const subject = readSubject(token, this.text);
    const operatorToken = this.peek();
    if (operatorToken.kind === 'word') this.fail('unknown_operator', `'${operatorToken.text}' is not an operator; use ==, !=, >, >=, <, <=, exists, !exists, in, !in, =~ or !~ (or their word forms).`, operatorToken);
    if (operatorToken.kind !== 'operator') this.fail('missing_operator', `Expected an operator after ${token.text}, such as == or exists.`, operatorToken);
    this.index += 1;
    const operator = operatorToken.value as QueryOperator;
    const argument = this.parseArgument(operator);
    const end = argument?.end ?? operatorToken.end;
    const condition: ConditionNode = argument === undefined
      ? { kind: 'condition', subject, operator, start: token.start, end }
      : { kind: 'condition', subject, operator, argument, start: token.start, end };
    this.patternInstructions += checkCondition(condition, operatorToken, this.text);
    if (this.patternInstructions > QUERY_LIMITS.maxPatternInstructions) {
      // Only a pattern adds instructions, so the argument is this condition's pattern.
      const pattern = argument as ValueNode;
      throw new QueryError(
        'regex_too_large',
        `The patterns of this expression compile to ${this.patternInstructions} instructions together, over the limit of ${QUERY_LIMITS.maxPatternInstructions} that keeps every evaluation fast; simplify this pattern, or list the values with in [...].`,
        this.text, pattern.start, pattern.end,
      );
    }
    return condition;
  }

  // Argument ::= Value | List
  private parseArgument(operator: QueryOperator): ValueNode | ListNode | undefined {
    const token = this.peek();
    if (operator === 'exists' || operator === '!exists') {
      if (token.kind === 'value' || token.kind === 'lbracket') {
        this.fail('unexpected_argument', `${operator} takes no value; remove '${token.text}' or use another operator.`, token);
      }
      return undefined;
    }
    if (token.kind === 'lbracket') return this.parseList();
    if (token.kind === 'value') {
      this.index += 1;
      return { kind: 'value', text: token.value, start: token.start, end: token.end };
    }
    return this.fail('missing_argument', `The operator ${operator} needs a value here; quote values that contain spaces, commas, brackets or parentheses.`, token);
  }

  // List ::= '[' Value { ',' Value } ']'
  private parseList(): ListNode {
    const open = this.next();
    const items: ValueNode[] = [];
    if (this.peek().kind === 'rbracket') this.fail('empty_list', 'This list is empty; give at least one value, as in [a, b].', open, this.next());
    for (;;) {
      const item = this.peek();
      if (item.kind !== 'value') this.unexpected(item, 'a value');
      this.index += 1;
      items.push({ kind: 'value', text: item.value, start: item.start, end: item.end });
      const separator = this.next();
      if (separator.kind === 'rbracket') return { kind: 'list', items, start: open.start, end: separator.end };
      if (separator.kind === 'eof') this.fail('unexpected_token', 'This list is never closed; add a ].', open);
      if (separator.kind !== 'comma') this.unexpected(separator, "',' or ']'");
    }
  }

  /** Runs a nested rule, refusing to go deeper than the limit instead of exhausting the stack. */
  private nested<T>(opener: Token, rule: () => T): T {
    if (this.depth >= QUERY_LIMITS.maxDepth) {
      this.fail('nesting_too_deep', `Expressions may nest parentheses and not at most ${QUERY_LIMITS.maxDepth} deep.`, opener);
    }
    this.depth += 1;
    const node = rule();
    this.depth -= 1;
    return node;
  }

  private missingOperand(token: Token): never {
    if (token.kind === 'eof') this.fail('missing_operand', 'The expression ends where a condition should follow.', token);
    if (token.kind === 'rparen') this.fail('missing_operand', 'Expected a condition before this ).', token);
    if (token.kind === 'and' || token.kind === 'or') this.fail('missing_operand', `Expected a condition before '${token.text}'.`, token);
    if (token.kind === 'operator') this.fail('missing_operand', `Expected a subject before ${token.text}, such as attribute:ecs.instance-type.`, token);
    return this.unexpected(token, 'a condition');
  }

  private unexpected(token: Token, expected: string): never {
    const found = token.kind === 'eof' ? 'the end of the expression' : `'${token.text}'`;
    return this.fail('unexpected_token', `Expected ${expected}, found ${found}.`, token);
  }

  private fail(code: ConstructorParameters<typeof QueryError>[0], summary: string, from: Token, to: Token = from): never {
    throw new QueryError(code, summary, this.text, from.start, to.end);
  }

  private peek(): Token {
    return this.tokens[this.index] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private accept(kind: TokenKind): boolean {
    if (this.peek().kind !== kind) return false;
    this.index += 1;
    return true;
  }
}

function spanOf(nodes: readonly QueryNode[]): { start: number; end: number } {
  return { start: (nodes[0] as QueryNode).start, end: (nodes[nodes.length - 1] as QueryNode).end };
}
