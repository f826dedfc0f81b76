/**
 * The syntax tree of a cluster query expression: plain, readonly data.
 * Behaviour lives in the printer and the evaluator, never on the nodes, so
 * other consumers (an index, a linter) can walk the same tree.
 *
 * @module
 */
import type { QueryOperator } from './tokens';

/**
 * Offsets of a node in the expression text (`end` exclusive).
 *
 * @category Query language
 */
export interface Span {
  /** Offset of the node's first character. */
  readonly start: number;
  /** Offset just past the node's last character. */
  readonly end: number;
}

/**
 * The subjects ECS documents, other than `attribute:NAME`.
 *
 * @category Query language
 */
export type QuerySubjectName =
  | 'agentConnected'
  | 'agentVersion'
  | 'ec2InstanceId'
  | 'registeredAt'
  | 'runningTasksCount'
  | 'task:group';

/**
 * What a condition tests: an attribute of the instance, or one of the named subjects.
 *
 * @category Query language
 */
export type SubjectNode =
  | (Span & {
      /** Marks a subject node. */
      readonly kind: 'subject';
      /** An attribute subject, `attribute:NAME`. */
      readonly name: 'attribute';
      /** The attribute name after `attribute:`, e.g. `ecs.instance-type`. */
      readonly attribute: string;
    })
  | (Span & {
      /** Marks a subject node. */
      readonly kind: 'subject';
      /** Which named subject. */
      readonly name: QuerySubjectName;
    });

/**
 * A literal value, quoted or bare in the source; `text` is without quotes.
 *
 * @category Query language
 */
export interface ValueNode extends Span {
  /** Marks a value node. */
  readonly kind: 'value';
  /** The value as written, without quotes. */
  readonly text: string;
}

/**
 * A bracketed list of values, the argument of `in` and `!in`.
 *
 * @category Query language
 */
export interface ListNode extends Span {
  /** Marks a list node. */
  readonly kind: 'list';
  /** The values in source order; never empty. */
  readonly items: readonly ValueNode[];
}

/**
 * `subject operator [argument]`: the only leaf of the tree.
 *
 * @category Query language
 */
export interface ConditionNode extends Span {
  /** Marks a condition node. */
  readonly kind: 'condition';
  /** What the condition tests. */
  readonly subject: SubjectNode;
  /** The operator in its canonical spelling (word forms are read as symbols). */
  readonly operator: QueryOperator;
  /** Absent exactly for `exists` and `!exists`; a list exactly for `in` and `!in`. */
  readonly argument?: ValueNode | ListNode;
}

/**
 * `not e` / `!e`.
 *
 * @category Query language
 */
export interface NotNode extends Span {
  /** Marks a negation. */
  readonly kind: 'not';
  /** The negated expression. */
  readonly operand: QueryNode;
}

/**
 * `e1 and e2 and ...` (at least two operands).
 *
 * @category Query language
 */
export interface AndNode extends Span {
  /** Marks a conjunction. */
  readonly kind: 'and';
  /** The conjuncts, in source order. */
  readonly operands: readonly QueryNode[];
}

/**
 * `e1 or e2 or ...` (at least two operands).
 *
 * @category Query language
 */
export interface OrNode extends Span {
  /** Marks a disjunction. */
  readonly kind: 'or';
  /** The disjuncts, in source order. */
  readonly operands: readonly QueryNode[];
}

/**
 * A whole expression or any sub-expression.
 *
 * @category Query language
 */
export type QueryNode = OrNode | AndNode | NotNode | ConditionNode;
