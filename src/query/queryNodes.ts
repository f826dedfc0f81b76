/**
 * Builders of query syntax trees, with every offset 0: a tree built in code
 * (a generated one, or a constraint a plan adds) has no text yet, and its
 * printed text gives the offsets when parsed.
 *
 * @module
 */
import type { ConditionNode, ListNode, QueryNode, QuerySubjectName, SubjectNode, ValueNode } from './ast';
import type { QueryOperator } from './tokens';

const SPAN = { start: 0, end: 0 } as const;

/** A value node. */
export function valueNode(text: string): ValueNode {
  return { kind: 'value', text, ...SPAN };
}

/** A list node of values. */
export function listNode(texts: readonly string[]): ListNode {
  return { kind: 'list', items: texts.map(valueNode), ...SPAN };
}

/** `attribute:NAME`. */
export function attributeSubject(attribute: string): SubjectNode {
  return { kind: 'subject', name: 'attribute', attribute, ...SPAN };
}

/** A named subject such as `runningTasksCount`. */
export function namedSubject(name: QuerySubjectName): SubjectNode {
  return { kind: 'subject', name, ...SPAN };
}

/** A condition; `argument` is absent exactly for `exists` and `!exists`. */
export function conditionNode(subject: SubjectNode, operator: QueryOperator, argument?: ValueNode | ListNode): ConditionNode {
  return argument === undefined ? { kind: 'condition', subject, operator, ...SPAN } : { kind: 'condition', subject, operator, argument, ...SPAN };
}

/** `not(operand)`. */
export function notNode(operand: QueryNode): QueryNode {
  return { kind: 'not', operand, ...SPAN };
}

/** `a and b ...` or `a or b ...`. */
export function junctionNode(kind: 'and' | 'or', operands: readonly QueryNode[]): QueryNode {
  return { kind, operands: [...operands], ...SPAN };
}
