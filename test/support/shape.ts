import type { QueryNode } from '../../src/query/ast';
import { printQuery } from '../../src/query/printQuery';

/** The tree as nested calls, e.g. `or(a == 1, and(b == 2, not(c == 3)))`, to assert structure. */
export function shape(node: QueryNode): string {
  switch (node.kind) {
    case 'or':
    case 'and':
      return `${node.kind}(${node.operands.map(shape).join(', ')})`;
    case 'not':
      return `not(${shape(node.operand)})`;
    case 'condition':
      return printQuery(node);
  }
}

/** A copy of the tree without offsets, for comparing trees parsed from different texts. */
export function withoutSpans(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSpans);
  if (node === null || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== 'start' && key !== 'end') copy[key] = withoutSpans(value);
  }
  return copy;
}
