/**
 * The printer: a syntax tree back to canonical text.
 *
 * @module
 */
import type { ConditionNode, QueryNode, SubjectNode, ValueNode } from './ast';

/** A value can be written bare unless it would end early or be read as something else. */
const NEEDS_QUOTES = /[\s'"()[\],]|&&|\|\|/;

/**
 * Prints an expression in canonical form: symbol operators, lower-case
 * `and`/`or`, `not(...)`, single spaces, and quotes only where a value needs
 * them. Parsing the result gives back the same tree (up to offsets).
 *
 * @param node - an expression tree, usually from {@link parseQuery}
 * @returns the canonical text
 *
 * @example
 * ```ts
 * printQuery(parseQuery("attribute:ecs.instance-type matches t2.*  AND  runningTasksCount<3"));
 * // 'attribute:ecs.instance-type =~ t2.* and runningTasksCount < 3'
 * ```
 */
export function printQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'or':
    case 'and':
      return node.operands.map(printOperand).join(` ${node.kind} `);
    case 'not':
      return `not(${printQuery(node.operand)})`;
    case 'condition':
      return printCondition(node);
  }
}

/** Nested `and`/`or` operands keep their parentheses so the tree shape survives a round trip. */
function printOperand(node: QueryNode): string {
  return node.kind === 'and' || node.kind === 'or' ? `(${printQuery(node)})` : printQuery(node);
}

function printCondition(node: ConditionNode): string {
  const head = `${printSubject(node.subject)} ${node.operator}`;
  const { argument } = node;
  if (argument === undefined) return head;
  if (argument.kind === 'list') return `${head} [${argument.items.map(printValue).join(', ')}]`;
  return `${head} ${printValue(argument)}`;
}

function printSubject(subject: SubjectNode): string {
  return subject.name === 'attribute' ? `attribute:${subject.attribute}` : subject.name;
}

/** Quotes with `'` unless the value holds more of those than of `"`; the quote inside is doubled. */
function printValue(value: ValueNode): string {
  const { text } = value;
  if (text !== '' && !NEEDS_QUOTES.test(text)) return text;
  const quote = count(text, "'") > count(text, '"') ? '"' : "'";
  return `${quote}${text.split(quote).join(quote + quote)}${quote}`;
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}
