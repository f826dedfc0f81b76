/**
 * The printer: a syntax tree back to text that parses to the same tree.
 *
 * A tree has two written forms. The readable one (`and`, `or`, `not(...)`,
 * single spaces, parentheses around every nested `and` or `or`) is the
 * canonical text. It can be longer and nest deeper than the text the tree
 * was parsed from (`a==b&&c==d` becomes `attribute:a == b and ...`, and `not`
 * becomes `not(` with its own parentheses), so it can pass the limits the
 * parser enforces. The compact one (`&&`, `||`, `!`, no optional space, only
 * the parentheses the tree needs) writes only what every text of the tree
 * must write, each in its shortest spelling, so it is never longer nor
 * deeper than any text the tree can be parsed from. So the readable form is
 * printed when it is within the limits, else the compact form, and a tree
 * too large for even that has no text the parser would read.
 *
 * The printer also checks the shape of what it prints, node by node, and
 * stops at the limits, so that any value, even a cyclic or hugely shared
 * one, gets a {@link QueryError} rather than a TypeError, a stack overflow
 * or a hang.
 *
 * @module
 */
import type { QueryNode, QuerySubjectName } from './ast';
import { describeValue } from './describeValue';
import { QueryError } from './QueryError';
import { QUERY_LIMITS } from './queryLimits';
import { ATTRIBUTE_NAME, SUBJECT_RULES } from './subjects';
import { QUERY_OPERATORS } from './tokens';

/** A value can be written bare unless it would end early or be read as something else. */
const NEEDS_QUOTES = /[\s'"()[\],]|&&|\|\|/;
/** After a symbol operator, a bare value starting with one of these would be read as part of the operator. */
const OPERATOR_CHAR = /^[=!<>~]/;
const OPERATORS: ReadonlySet<string> = new Set(QUERY_OPERATORS);

const READABLE_CONNECTIVES = { and: ' and ', or: ' or ' } as const;
const COMPACT_CONNECTIVES = { and: '&&', or: '||' } as const;

/**
 * Prints an expression as text that {@link parseQuery} reads back as the same
 * tree (offsets aside). The text is canonical: symbol operators, lower-case
 * `and`/`or`, `not(...)`, single spaces, parentheses around every nested
 * `and` or `or`, and quotes only where a value needs them. When that text
 * would be longer than {@link QUERY_LIMITS}.maxLength or nest deeper than
 * {@link QUERY_LIMITS}.maxDepth, the printer writes the compact form instead
 * (`&&`, `||`, `!`, no optional spaces or parentheses), which is never longer
 * nor deeper than the text the tree was parsed from.
 *
 * @remarks
 * The printer checks the tree's shape (node kinds, subjects, operators,
 * values), not whether each argument suits its subject: a hand-built
 * `runningTasksCount > many` prints as that text, which `parseQuery` refuses
 * as it would refuse it anywhere.
 *
 * @param node - an expression tree, usually from {@link parseQuery}
 * @returns the text
 * @throws {@link QueryError} `not_a_query` for a value that is not a query
 *   tree, and `expression_too_long` or `nesting_too_deep` for a hand-built
 *   tree that no text within the limits expresses
 *
 * @example
 * ```ts
 * printQuery(parseQuery("attribute:ecs.instance-type matches t2.*  AND  runningTasksCount<3"));
 * // 'attribute:ecs.instance-type =~ t2.* and runningTasksCount < 3'
 * ```
 *
 * @category Query language
 */
export function printQuery(node: QueryNode): string {
  const readable = new Writer(false).print(node);
  if (typeof readable === 'string') return readable;
  const compact = new Writer(true).print(node);
  if (typeof compact === 'string') return compact;
  throw compact.reason === 'nesting_too_deep'
    ? new QueryError('nesting_too_deep', `This query tree nests not and parentheses more than ${QUERY_LIMITS.maxDepth} deep however it is written, and expressions may nest at most ${QUERY_LIMITS.maxDepth}.`, '', 0)
    : new QueryError('expression_too_long', `This query tree takes more than ${QUERY_LIMITS.maxLength} characters however it is written, and ECS allows at most ${QUERY_LIMITS.maxLength}.`, '', 0);
}

/** Why a form of the tree cannot be written within the limits; thrown to stop the walk at once and caught in {@link Writer.print}. */
class OverLimit {
  constructor(readonly reason: 'expression_too_long' | 'nesting_too_deep') {}
}

/** Writes one form of a tree, readable or compact, checking each node's shape before it writes it. */
class Writer {
  private readonly parts: string[] = [];
  private length = 0;
  private depth = 0;
  /** Where the walk is, as property names and indexes from the root, for messages about a malformed node. */
  private readonly path: (string | number)[] = [];

  constructor(private readonly compact: boolean) {}

  /** The text, or why it would pass a limit. */
  print(node: unknown): string | OverLimit {
    try {
      this.node(node);
    } catch (error) {
      if (error instanceof OverLimit) return error;
      throw error;
    }
    return this.parts.join('');
  }

  private node(value: unknown): void {
    const node = this.record(value, 'a query tree');
    const kind = node['kind'];
    switch (kind) {
      case 'or':
      case 'and':
        this.junction(kind, this.operands(node, kind));
        return;
      case 'not':
        this.not(node['operand']);
        return;
      case 'condition':
        this.condition(node);
        return;
      default:
        this.fail(`${this.where('kind')} is ${show(kind)}; every node of a query tree is an 'or', 'and', 'not' or 'condition'`);
    }
  }

  private junction(kind: 'and' | 'or', operands: readonly unknown[]): void {
    const connective = (this.compact ? COMPACT_CONNECTIVES : READABLE_CONNECTIVES)[kind];
    operands.forEach((operand, index) => {
      this.path.push('operands', index);
      if (index > 0) {
        // `x&` followed by `&&` would read as `x` and `&&&`.
        if (this.compact && this.parts.at(-1)?.endsWith(connective.charAt(0))) this.write(' ');
        this.write(connective);
      }
      const kindOf = (operand as { kind?: unknown } | null)?.kind;
      // The parser folds `a and b and c` into one node, so a nested junction
      // needs parentheses to stay nested; `and` under `or` needs none, but
      // the readable form keeps them, since ECS documents no precedence.
      const grouped = kindOf === 'or' || (kindOf === 'and' && (kind === 'and' || !this.compact));
      if (grouped) this.group(() => this.node(operand));
      else this.node(operand);
      this.path.length -= 2;
    });
  }

  private not(operand: unknown): void {
    this.path.push('operand');
    const kindOf = (operand as { kind?: unknown } | null)?.kind;
    this.write(this.compact ? '!' : 'not');
    this.nest(() => {
      if (!this.compact || kindOf === 'and' || kindOf === 'or') this.group(() => this.node(operand));
      else this.node(operand);
    });
    this.path.pop();
  }

  private condition(node: Readonly<Record<string, unknown>>): void {
    this.path.push('subject');
    this.subject(this.record(node['subject'], 'a subject'));
    this.path.pop();
    const operator = node['operator'];
    if (typeof operator !== 'string' || !OPERATORS.has(operator)) {
      this.fail(`${this.where('operator')} is ${show(operator)}, not an operator; operators are ${QUERY_OPERATORS.join(', ')}`);
    }
    const word = !OPERATOR_CHAR.test(operator);
    this.write(word || !this.compact ? ` ${operator}` : operator);
    if (node['argument'] === undefined) return;
    this.path.push('argument');
    const argument = this.record(node['argument'], 'a value or a list');
    if (argument['kind'] === 'list') this.list(argument);
    else if (argument['kind'] === 'value') this.value(argument, (written) => word || !this.compact || OPERATOR_CHAR.test(written));
    else this.fail(`${this.where('kind')} is ${show(argument['kind'])}; an argument is a 'value' or a 'list'`);
    this.path.pop();
  }

  private subject(subject: Readonly<Record<string, unknown>>): void {
    const name = subject['name'];
    if (name === 'attribute') {
      const attribute = subject['attribute'];
      if (typeof attribute !== 'string' || !ATTRIBUTE_NAME.test(attribute)) {
        this.fail(`${this.where('attribute')} is ${show(attribute)}, not an attribute name; names are 1 to 128 letters, digits, -, _, /, \\ or . characters`);
      }
      this.write(`attribute:${attribute}`);
      return;
    }
    if (typeof name !== 'string' || !SUBJECT_RULES.has(name as QuerySubjectName)) {
      this.fail(`${this.where('name')} is ${show(name)}, not a subject; subjects are attribute (with an attribute name), ${[...SUBJECT_RULES.keys()].join(', ')}`);
    }
    this.write(name);
  }

  private list(list: Readonly<Record<string, unknown>>): void {
    const items = list['items'];
    if (!Array.isArray(items) || items.length === 0) {
      this.fail(`${this.where('items')} is ${Array.isArray(items) ? 'empty' : show(items)}; a list has an array of at least one value`);
    }
    this.write(this.compact ? '[' : ' [');
    items.forEach((item: unknown, index) => {
      if (index > 0) this.write(this.compact ? ',' : ', ');
      this.path.push('items', index);
      this.value(item, () => false);
      this.path.length -= 2;
    });
    this.write(']');
  }

  /** Writes a value, after a space when `spaced` says its written form needs one. */
  private value(value: unknown, spaced: (written: string) => boolean): void {
    const { kind, text } = this.record(value, 'a value');
    if (kind !== 'value') this.fail(`${this.where('kind')} is ${show(kind)}; a value node has kind 'value'`);
    if (typeof text !== 'string') this.fail(`${this.where('text')} is ${describeValue(text)}; values are text`);
    const written = quoted(text);
    this.write(spaced(written) ? ` ${written}` : written);
  }

  private group(write: () => void): void {
    this.write('(');
    this.nest(write);
    this.write(')');
  }

  /** Writes inside one more level of nesting, as the parser counts it (each `not` and each parenthesis). */
  private nest(write: () => void): void {
    this.depth += 1;
    if (this.depth > QUERY_LIMITS.maxDepth) throw new OverLimit('nesting_too_deep');
    write();
    this.depth -= 1;
  }

  private write(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    if (this.length > QUERY_LIMITS.maxLength) throw new OverLimit('expression_too_long');
  }

  private operands(node: Readonly<Record<string, unknown>>, kind: 'and' | 'or'): readonly unknown[] {
    const operands = node['operands'];
    if (!Array.isArray(operands)) this.fail(`${this.where('operands')} is ${show(operands)}; an '${kind}' node has an array of at least two operands`);
    if (operands.length < 2) this.fail(`${this.where('operands')} has ${operands.length} operand${operands.length === 1 ? '' : 's'}; an '${kind}' node has at least two`);
    return operands;
  }

  private record(value: unknown, what: string): Readonly<Record<string, unknown>> {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Readonly<Record<string, unknown>>;
    const hint = this.path.length === 0 && typeof value === 'string' ? '; parse the text with parseQuery first' : '';
    return this.fail(`${this.where()} is ${describeValue(value)}, not ${what}${hint}`);
  }

  /** The path of the node being written, or of one of its properties. */
  private where(key?: string): string {
    const steps = key === undefined ? this.path : [...this.path, key];
    return steps.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : `${text}.${step}`), 'query');
  }

  private fail(summary: string): never {
    throw new QueryError('not_a_query', `${summary}.`, '', 0);
  }
}

/** Shows a value of the wrong kind in a message: text quoted, anything else by its type. */
function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : describeValue(value);
}

/** Bare when it can be; else quoted with `'` unless the value holds more of those than of `"`; the quote inside is doubled. */
function quoted(text: string): string {
  if (text !== '' && !NEEDS_QUOTES.test(text)) return text;
  const quote = count(text, "'") > count(text, '"') ? '"' : "'";
  return `${quote}${text.split(quote).join(quote + quote)}${quote}`;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
