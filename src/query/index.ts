/**
 * The cluster query language: parse, print and evaluate the expressions that
 * `memberOf` constraints and instance filters use.
 *
 * @module
 */
export type { AndNode, ConditionNode, ListNode, NotNode, OrNode, QueryNode, QuerySubjectName, Span, SubjectNode, ValueNode } from './ast';
export { evaluateQuery, type QueryContext } from './evaluateQuery';
export type { QueryStats } from './QueryStats';
export { parseQuery } from './parseQuery';
export { printQuery } from './printQuery';
export { QueryError, type QueryErrorCode } from './QueryError';
export { QUERY_LIMITS } from './queryLimits';
export type { QueryOperator } from './tokens';
