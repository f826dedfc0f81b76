/**
 * memberOf: the instance must satisfy a cluster query expression.
 *
 * @module
 */
import type { QueryNode } from '../query/ast';
import { queryPredicate } from '../query/evaluateQuery';
import { parseQuery } from '../query/parseQuery';
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
  const byAttributes = readsOnlyAttributes(query) ? new WeakMap<ReadonlyMap<string, string | null>, boolean>() : undefined;
  // Engines test the cluster's own records, which need no checking call by call.
  const holdsFor = queryPredicate(query);
  return Object.freeze({
    name: `memberOf(${expression})`,
    dependsOn: byAttributes === undefined ? 'instance' : 'attributes',
    check: (instance) => {
      if (byAttributes === undefined) return holdsFor(instance) ? undefined : rejection;
      let holds = byAttributes.get(instance.attributes);
      if (holds === undefined) {
        holds = holdsFor(instance);
        byAttributes.set(instance.attributes, holds);
      }
      return holds ? undefined : rejection;
    },
  } satisfies Constraint);
}

/**
 * Whether an expression reads only attributes, so that it holds alike for
 * every instance with the same attribute map.
 *
 * @param node - a parsed expression
 * @returns true when every condition's subject is an attribute
 */
export function readsOnlyAttributes(node: QueryNode): boolean {
  switch (node.kind) {
    case 'condition':
      return node.subject.name === 'attribute';
    case 'not':
      return readsOnlyAttributes(node.operand);
    case 'and':
    case 'or':
      return node.operands.every(readsOnlyAttributes);
  }
}
