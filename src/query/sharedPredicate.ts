/**
 * An expression as a predicate that is evaluated once per attribute map
 * when the expression reads only attributes.
 *
 * @module
 */
import type { QueryNode } from './ast';
import { queryPredicate } from './evaluateQuery';
import type { InstanceView } from './InstanceView';

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

/**
 * An expression as a predicate over the cluster's own records, as
 * {@link queryPredicate}; when it reads only attributes, its answer is kept
 * per attribute map. Instances registered from the same frozen attributes
 * share one map, and an update replaces the map rather than writing to it,
 * so on a large fleet of a few dozen kinds of instance the expression is
 * evaluated a few dozen times rather than once per instance.
 *
 * @param query - a parsed expression
 * @returns whether the expression holds for an instance
 */
export function sharedPredicate(query: QueryNode): (instance: InstanceView) => boolean {
  const holdsFor = queryPredicate(query);
  if (!readsOnlyAttributes(query)) return holdsFor;
  const byAttributes = new WeakMap<ReadonlyMap<string, string | null>, boolean>();
  return (instance) => {
    let holds = byAttributes.get(instance.attributes);
    if (holds === undefined) {
      holds = holdsFor(instance);
      byAttributes.set(instance.attributes, holds);
    }
    return holds;
  };
}
