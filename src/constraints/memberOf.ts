/**
 * memberOf: the instance must satisfy a cluster query expression.
 *
 * @module
 */
import type { QueryNode } from '../query/ast';
import { parseQuery } from '../query/parseQuery';
import { readsOnlyAttributes, sharedPredicate } from '../query/sharedPredicate';
import type { Constraint } from './Constraint';

/**
 * A memberOf constraint.
 *
 * @remarks
 * An expression that reads only attributes gives the same answer for every
 * instance with the same attribute map, and instances registered from the
 * same frozen attributes share one map (an update replaces it rather than
 * writing to it). So such an expression is evaluated once per map: on a large
 * fleet of a few dozen kinds of instance, a few dozen times rather than once
 * per instance, and the constraint says it depends on `attributes`.
 * Expressions that read tasks, agents or dates depend on the `instance` and
 * are evaluated every time.
 *
 * @param expression - the expression as written
 * @param query - its parsed form, when already parsed
 * @returns a constraint that rejects instances where the expression is false
 * @throws {@link QueryError} when `query` is not given and the expression does not parse
 */
export function memberOf(expression: string, query: QueryNode = parseQuery(expression)): Constraint {
  // One constraint per tree, so that what it learned about attribute maps
  // outlives the request that built it.
  const known = constraints.get(query);
  if (known?.name === `memberOf(${expression})`) return known;
  const constraint = buildMemberOf(expression, query);
  constraints.set(query, constraint);
  return constraint;
}

const constraints = new WeakMap<QueryNode, Constraint>();

function buildMemberOf(expression: string, query: QueryNode): Constraint {
  const rejection = Object.freeze({ code: 'member_of', expression } as const);
  // Engines test the cluster's own records, which need no checking call by call.
  const holds = sharedPredicate(query);
  return Object.freeze({
    name: `memberOf(${expression})`,
    dependsOn: readsOnlyAttributes(query) ? 'attributes' : 'instance',
    check: (instance) => (holds(instance) ? undefined : rejection),
  } satisfies Constraint);
}
