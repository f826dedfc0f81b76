/**
 * memberOf: the instance must satisfy a cluster query expression.
 *
 * @module
 */
import { parseQuery } from '../query/parseQuery';
import type { QueryNode } from '../query/ast';
import { evaluateQuery } from '../query/evaluateQuery';
import type { Constraint } from './Constraint';

/**
 * A memberOf constraint.
 *
 * @param expression - the expression as written
 * @param query - its parsed form, when already parsed
 * @returns a constraint that rejects instances where the expression is false
 * @throws {@link QueryError} when `query` is not given and the expression does not parse
 */
export function memberOf(expression: string, query: QueryNode = parseQuery(expression)): Constraint {
  const rejection = { code: 'member_of', expression } as const;
  return {
    name: `memberOf(${expression})`,
    check: (instance) => (evaluateQuery(query, instance) ? undefined : rejection),
  };
}
